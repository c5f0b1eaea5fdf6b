using System.Security.Cryptography;

namespace Gazette.Integrity;

/// <summary>A built site in a folder: a build's output, or a deployed copy downloaded.</summary>
public sealed class FolderCopy(string folder) : IPublishedCopy
{
    private readonly string _root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;

    public string Name => folder;

    public int Parallelism => Environment.ProcessorCount;

    public async Task<byte[]?> ReadAsync(string path, CancellationToken cancellation)
    {
        try
        {
            return await File.ReadAllBytesAsync(Resolve(path), cancellation);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IOException(e.Message, e);
        }
    }

    public async Task<Sha256Digest?> HashAsync(string path, CancellationToken cancellation)
    {
        try
        {
            await using var stream = new FileStream(Resolve(path), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: false);
            return Sha256Digest.From(await SHA256.HashDataAsync(stream, cancellation));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IOException(e.Message, e);
        }
    }

    public IReadOnlyList<string> ListFiles() =>
        Directory.EnumerateFiles(_root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(f => Path.GetRelativePath(_root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();

    /// <summary>The file a manifest path names, which must lie inside the folder.</summary>
    private string Resolve(string path)
    {
        var full = Path.GetFullPath(Path.Combine(_root, path));
        return full.StartsWith(_root, StringComparison.Ordinal)
            ? full
            : throw new IOException($"'{path}' lies outside {folder}");
    }
}
