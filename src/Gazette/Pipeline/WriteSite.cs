using System.Buffers;
using System.Security.Cryptography;
using Gazette.Integrity;
using Gazette.Output;

namespace Gazette.Pipeline;

/// <summary>
/// Writes the site as its files are made, into a new staging folder beside the output folder, and swaps it in at
/// <see cref="Commit"/>: the previous site stays whole until the new one is complete. <see cref="Abandon"/> — or disposing
/// without committing, as when the build fails or throws — deletes the staging folder, so a failed build never leaves half a
/// site. Files may be written from several threads at once; each is created new (no truncation, so ext4 does not flush every
/// file on close), and a second file for the same path is refused. Each file's SHA-256 is taken as it is written — from the
/// bytes at hand, or while an attachment is copied — for the integrity manifest (<see cref="Hashes"/>); nothing is read back.
/// </summary>
public sealed class WriteSite : IDisposable
{
    private readonly string _output;
    private readonly string _parent;
    private readonly string _name;
    private readonly string _staging;
    private int _count;
    private bool _ended;

    /// <summary>Creates the staging folder beside <paramref name="outputDirectory"/> (and its parents when they are missing).</summary>
    public WriteSite(string outputDirectory)
    {
        _output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        _parent = Path.GetDirectoryName(_output) ?? throw new InvalidOperationException("the output folder cannot be a file-system root");
        _name = Path.GetFileName(_output);
        Directory.CreateDirectory(_parent);
        _staging = Path.Combine(_parent, $".{_name}.building-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_staging);
    }

    /// <summary>The staging folder the files are written to, until <see cref="Commit"/>.</summary>
    public string Folder => _staging;

    /// <summary>Files written so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The SHA-256 of every file written so far.</summary>
    public FileHashes Hashes { get; } = new();

    /// <summary>Writes the files, several at a time.</summary>
    public void Write(IReadOnlyList<OutputFile> files)
    {
        if (files.Count == 1)
        {
            Write(files[0]);
            return;
        }

        Parallel.ForEach(files, Write);
    }

    public void Write(OutputFile file)
    {
        var stream = Create(file.Path);
        Sha256Digest hash;
        using (stream)
        {
            if (file.Bytes is not null)
            {
                stream.Write(file.Bytes);
                hash = Sha256Digest.Of(file.Bytes);
            }
            else
            {
                using var source = File.OpenRead(file.CopyFrom!);
                hash = CopyHashing(source, stream);
            }
        }

        Hashes.Add(file.Path, hash);
        Interlocked.Increment(ref _count);
    }

    /// <summary>
    /// Writes the file at <paramref name="path"/> (relative, forward slashes) piece by piece: <paramref name="write"/> is given the
    /// stream to write to and never holds the whole file, which is hashed on the way.
    /// </summary>
    public void Write(string path, Action<Stream> write)
    {
        using var stream = Create(path);
        using var hashing = new HashingStream(stream);
        write(hashing);
        hashing.Flush();
        Hashes.Add(path, hashing.Hash());
        Interlocked.Increment(ref _count);
    }

    private FileStream Create(string relativePath)
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        var path = Path.Combine(_staging, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new InvalidOperationException($"two outputs want the same file {relativePath}");
        }
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/> and gives the SHA-256 of what was copied.</summary>
    private static Sha256Digest CopyHashing(Stream source, Stream target)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
            {
                target.Write(buffer, 0, read);
                sha256.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var hash = default(Sha256Digest);
        sha256.GetHashAndReset(hash);
        return hash;
    }

    /// <summary>Puts the new site in place of the output folder and removes the previous one.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        if (!Directory.Exists(_output))
        {
            Directory.Move(_staging, _output);
            _ended = true;
            return;
        }

        var old = Path.Combine(_parent, $".{_name}.old-{Guid.NewGuid():N}");
        Directory.Move(_output, old);
        try
        {
            Directory.Move(_staging, _output);
        }
        catch
        {
            Directory.Move(old, _output);
            throw;
        }

        _ended = true;
        Directory.Delete(old, recursive: true);
    }

    /// <summary>Deletes everything written: the output folder stays as it was.</summary>
    public void Abandon()
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        if (Directory.Exists(_staging))
        {
            Directory.Delete(_staging, recursive: true);
        }
    }

    /// <summary>Abandons the staging folder unless the site was committed.</summary>
    public void Dispose()
    {
        try
        {
            Abandon();
        }
        catch (IOException)
        {
            // Disposing while an exception unwinds: a staging folder left behind is better than hiding that exception.
        }
    }
}
