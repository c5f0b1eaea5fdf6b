using System.Globalization;
using System.Security.Cryptography;

namespace Gazette.Search;

/// <summary>
/// A table of index files numbered from 0 (term chunks, metadata shards): how many, and the hash of each group of
/// <see cref="SearchIndexWriter.GroupSize"/> (docs/search-index.md).
/// </summary>
internal sealed record IndexTable(int Count, IReadOnlyList<string> Groups)
{
    /// <summary>
    /// Writes a table of files, several groups at a time: <paramref name="make"/> gives the content of file <c>i</c>; every file of
    /// a group is named <c>{folder}/{i}.{group hash}{extension}</c>, the group hash being the start of the SHA-256 of the SHA-256s
    /// of the group's compressed files. A name thus changes with its content, and the client needs only the manifest to name a
    /// file. <paramref name="make"/> and <paramref name="write"/> are called from several threads at once.
    /// </summary>
    /// <param name="recall">the last build's file of the same content, which is then not compressed again; null: none.</param>
    /// <param name="known">the key file <c>i</c> is known by without making it: that of its content (<see cref="IndexFile.KeyOf"/>),
    /// or a digest of everything its content is made from; a file <paramref name="recall"/> finds by it is not made
    /// (<paramref name="make"/> is not called), one made is recorded with it; none: it is made, and keyed by its content.</param>
    /// <param name="keyed">given each file's number and the key it is recorded with (none without a recall).</param>
    public static IndexTable Write(string folder, string extension, int count, Func<int, byte[]> make, Action<IndexFile> write, GzipRecall? recall = null,
        Func<int, Output.RenderKey>? known = null, Action<int, Output.RenderKey>? keyed = null)
    {
        var groups = new string[(count + SearchIndexWriter.GroupSize - 1) / SearchIndexWriter.GroupSize];
        Parallel.For(0, groups.Length, g =>
        {
            var start = g * SearchIndexWriter.GroupSize;
            var files = new (byte[] Bytes, byte[] Hash, Output.RenderKey Key, string? Recalled)[Math.Min(SearchIndexWriter.GroupSize, count - start)];
            var plain = new byte[]?[files.Length]; // the content of each file made, which the audit looks through
            for (var i = 0; i < files.Length; i++)
            {
                var key = known?.Invoke(start + i) ?? Output.RenderKey.None;
                files[i] = !key.IsNone && recall?.Invoke(key) is { } found
                    ? ([], found.Sha256, key, found.Path)
                    : IndexFile.Compress(plain[i] = make(start + i), recall);
                if (!key.IsNone && recall is not null)
                {
                    files[i].Key = key; // made: recorded with the key it is known by, which the next build recalls it by
                }

                keyed?.Invoke(start + i, files[i].Key);
            }

            var group = GroupHash(files.Select(f => f.Hash));
            groups[g] = group;
            for (var i = 0; i < files.Length; i++)
            {
                var (bytes, hash, key, recalled) = files[i];
                write(new IndexFile($"{folder}/{(start + i).ToString(CultureInfo.InvariantCulture)}.{group}{extension}", bytes, hash) { Key = key, Recalled = recalled, Plain = plain[i] });
            }
        });

        return new IndexTable(count, groups);
    }

    /// <summary>The name of a group of files: the start of the SHA-256 of their SHA-256s, in order.</summary>
    public static string GroupHash(IEnumerable<byte[]> hashes) =>
        IndexFile.Hex(SHA256.HashData(hashes.SelectMany(h => h).ToArray())[..IndexFile.TableHashBytes]);
}
