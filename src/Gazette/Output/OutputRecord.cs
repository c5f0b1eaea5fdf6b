using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Text;
using Gazette.Integrity;

namespace Gazette.Output;

/// <summary>
/// What the last successful build left in an output folder, kept in the build cache: for each file, its SHA-256, size,
/// modification time and the <see cref="RenderKey"/> it was made from (if any), and the digest of the withheld passages the
/// audit looked for. A build compares each file it makes with this record and leaves a file that would get the same bytes
/// alone (same bytes, same timestamp); a page made from the same inputs is not even rendered again; and a kept file need not
/// be audited again when the passages are the same. Each file is found by a 64-bit key of its path (<see cref="KeyOf"/>);
/// the path is kept too, so that a build can delete the files it no longer makes without walking the folder: about 120 bytes
/// a file, 40 MB for the 350,000 files of a 100,000-document site.
/// </summary>
public sealed class OutputRecord
{
    private const string Magic = "GAZETTE-OUTPUT-3";
    private const int EntrySize = 32 + 8 + 8 + 16;

    private readonly Dictionary<ulong, Entry> _entries;

    private OutputRecord(Dictionary<ulong, Entry> entries, Sha256Digest auditKey)
    {
        _entries = entries;
        AuditKey = auditKey;
    }

    /// <summary>
    /// One file as it was left: its path relative to the output folder (forward slashes), content hash, size in bytes, last
    /// write time (UTC ticks) and what it was made from.
    /// </summary>
    public readonly record struct Entry(string Path, Sha256Digest Hash, long Size, long Modified, RenderKey RenderKey = default);

    /// <summary>Every file recorded.</summary>
    public IEnumerable<Entry> Entries => _entries.Values;

    /// <summary>Every file recorded, with the <see cref="KeyOf"/> of its path.</summary>
    public IReadOnlyDictionary<ulong, Entry> Keyed => _entries;

    /// <summary>The digest of the withheld passages every recorded file was audited against.</summary>
    public Sha256Digest AuditKey { get; }

    public int Count => _entries.Count;

    /// <summary>The key of a path relative to the output folder (forward slashes): 64 bits of XXH3 of its UTF-8.</summary>
    public static ulong KeyOf(string path)
    {
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(path.Length)];
        return XxHash3.HashToUInt64(utf8[..Encoding.UTF8.GetBytes(path, utf8)]);
    }

    /// <summary>Where the record of <paramref name="outputDirectory"/> is kept in <paramref name="cacheDirectory"/>.</summary>
    public static string FileFor(string cacheDirectory, string outputDirectory) =>
        CacheWriting.FileFor(cacheDirectory, "output", outputDirectory);

    public bool TryGet(ulong key, out Entry entry) => _entries.TryGetValue(key, out entry);

    /// <summary>The key of each file that has a render key, by its render key (the last such file of a render key).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // run once per build, over every file: no time in unoptimized code
    public Dictionary<RenderKey, ulong> KeysByRenderKey()
    {
        var byRenderKey = new Dictionary<RenderKey, ulong>(_entries.Count);
        foreach (var (key, entry) in _entries)
        {
            if (!entry.RenderKey.IsNone)
            {
                byRenderKey[entry.RenderKey] = key;
            }
        }

        return byRenderKey;
    }

    /// <summary>The record of <paramref name="outputDirectory"/>, or null when there is none, or it is unreadable or of another folder.</summary>
    public static OutputRecord? Load(string cacheDirectory, string outputDirectory)
    {
        var file = FileFor(cacheDirectory, outputDirectory);
        try
        {
            if (!File.Exists(file) || !Directory.Exists(outputDirectory))
            {
                return null;
            }

            using var reader = new BinaryReader(File.OpenRead(file), Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadString() != Path.GetFullPath(outputDirectory))
            {
                return null;
            }

            var auditKey = Sha256Digest.From(reader.ReadBytes(32));
            var count = reader.ReadInt32();
            var entries = new Dictionary<ulong, Entry>(count);
            var buffer = new byte[EntrySize];
            for (var i = 0; i < count; i++)
            {
                var path = reader.ReadString();
                reader.BaseStream.ReadExactly(buffer);
                entries[KeyOf(path)] = new Entry(
                    path,
                    Sha256Digest.From(buffer.AsSpan(0, 32)),
                    BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(32)),
                    BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(40)),
                    new RenderKey(Digest128.ReadLittleEndian(buffer.AsSpan(48))));
            }

            return new OutputRecord(entries, auditKey);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException)
        {
            return null; // a cache is only a cache: without it every file is written anew
        }
    }

    /// <summary>
    /// Writes the record of <paramref name="outputDirectory"/> into a new file of the cache, not yet in place (so a record is
    /// never half-written): <see cref="Keep"/> puts it there once the folder holds what it says (a build writes it while it
    /// audits the folder's files).
    /// </summary>
    /// <returns>the new file, or null when it cannot be written (a cache is only a cache: the next build writes every file).</returns>
    public static string? Prepare(string cacheDirectory, string outputDirectory, Sha256Digest auditKey, IReadOnlyCollection<Entry> entries) =>
        CacheWriting.Prepare(FileFor(cacheDirectory, outputDirectory), writer =>
        {
            writer.Write(Magic);
            writer.Write(Path.GetFullPath(outputDirectory));
            writer.Write((ReadOnlySpan<byte>)auditKey);
            writer.Write(entries.Count);
            var buffer = new byte[EntrySize];
            foreach (var entry in entries)
            {
                writer.Write(entry.Path);
                var hash = entry.Hash;
                ((ReadOnlySpan<byte>)hash).CopyTo(buffer);
                BinaryPrimitives.WriteInt64LittleEndian(buffer.AsSpan(32), entry.Size);
                BinaryPrimitives.WriteInt64LittleEndian(buffer.AsSpan(40), entry.Modified);
                entry.RenderKey.Value.WriteLittleEndian(buffer.AsSpan(48));
                writer.Write(buffer);
            }
        });

    /// <summary>Puts a record written by <see cref="Prepare"/> in place of the last one.</summary>
    public static void Keep(string prepared, string cacheDirectory, string outputDirectory) =>
        CacheWriting.Put(prepared, FileFor(cacheDirectory, outputDirectory));

    /// <summary>Forgets the record of <paramref name="outputDirectory"/> (before its folder is changed, so that a build stopped halfway leaves no record that would vouch for files it did not finish).</summary>
    public static void Forget(string cacheDirectory, string outputDirectory)
    {
        var file = FileFor(cacheDirectory, outputDirectory);
        if (File.Exists(file))
        {
            File.Delete(file);
        }
    }
}
