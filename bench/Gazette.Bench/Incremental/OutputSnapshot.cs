using System.IO.Hashing;

namespace Gazette.Bench.Incremental;

/// <summary>
/// What an output folder holds at one moment: every file's path (relative, with '/'), length, time of last writing (UTC
/// ticks) and a hash of its bytes, so that after a build the files it added, removed and wrote again can be told, and
/// whether a file written again, or added, got bytes the folder did not have.
/// </summary>
public sealed class OutputSnapshot
{
    /// <summary>A file as the snapshot found it.</summary>
    public readonly record struct Entry(long Length, long Modified, UInt128 Hash);

    private readonly Dictionary<string, Entry> _files;

    private OutputSnapshot(Dictionary<string, Entry> files) => _files = files;

    public int Count => _files.Count;

    /// <param name="previous">an earlier snapshot of the folder: a file with the length and time it had there keeps its hash, unread.</param>
    public static OutputSnapshot Take(string folder, OutputSnapshot? previous = null)
    {
        var paths = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToArray();
        var relative = paths.Select(p => Relative(folder, p)).ToArray();
        var entries = new Entry[paths.Length];
        Parallel.For(0, paths.Length, i =>
        {
            var info = new FileInfo(paths[i]);
            var (length, modified) = (info.Length, info.LastWriteTimeUtc.Ticks);
            entries[i] = previous is not null && previous._files.TryGetValue(relative[i], out var was) && was.Length == length && was.Modified == modified
                ? was
                : new Entry(length, modified, XxHash128.HashToUInt128(File.ReadAllBytes(paths[i])));
        });
        var files = new Dictionary<string, Entry>(paths.Length, StringComparer.Ordinal);
        for (var i = 0; i < paths.Length; i++)
        {
            files[relative[i]] = entries[i];
        }

        return new OutputSnapshot(files);
    }

    /// <summary>What changed from this snapshot to <paramref name="after"/>: a file is written again when its length or time changed.</summary>
    public OutputChanges ChangesTo(OutputSnapshot after)
    {
        var added = after._files.Keys.Where(p => !_files.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
        var removed = _files.Keys.Where(p => !after._files.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
        var rewritten = new List<string>();
        var sameBytes = new List<string>();
        foreach (var (path, now) in after._files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (_files.TryGetValue(path, out var was) && (was.Length != now.Length || was.Modified != now.Modified))
            {
                rewritten.Add(path);
                if (was.Hash == now.Hash)
                {
                    sameBytes.Add(path);
                }
            }
        }

        var removedBytes = removed.Select(p => _files[p].Hash).ToHashSet();
        var renamed = added.Where(p => removedBytes.Contains(after._files[p].Hash)).ToList();
        return new OutputChanges(added, removed, rewritten, sameBytes) { AddedWithRemovedBytes = renamed };
    }

    public static string Relative(string folder, string path) => Path.GetRelativePath(folder, path).Replace('\\', '/');
}
