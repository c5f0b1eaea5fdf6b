using System.Text;

namespace Gazette.Integrity;

/// <summary>
/// The SHA-256 of every file a build writes, collected as the files are written (from several threads): a path and 32 bytes
/// per file, so 600,000 files take some 60 MB.
/// </summary>
public sealed class FileHashes
{
    private readonly Lock _lock = new();
    private readonly List<ManifestEntry> _entries = [];

    /// <summary>Records the hash of the file at <paramref name="path"/> (relative, forward slashes).</summary>
    public void Add(string path, in Sha256Digest hash)
    {
        var entry = new ManifestEntry(Encoding.UTF8.GetBytes(path), hash);
        lock (_lock)
        {
            _entries.Add(entry);
        }
    }

    /// <summary>The files recorded so far, in no particular order, in a new array.</summary>
    public ManifestEntry[] ToArray()
    {
        lock (_lock)
        {
            return [.. _entries];
        }
    }
}
