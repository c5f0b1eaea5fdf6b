using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Gazette.Audit;
using Gazette.Integrity;
using Gazette.Output;
using Microsoft.Win32.SafeHandles;

namespace Gazette.Pipeline;

/// <summary>
/// Writes the site as its files are made, into a new staging folder beside the output folder, and puts it in place at
/// <see cref="Commit"/>: the previous site stays whole until the new one is complete. <see cref="Abandon"/> — or disposing
/// without committing, as when the build fails or throws — deletes the staging folder, so a failed build never leaves half a
/// site. Files may be written from several threads at once; each is created new (no truncation, so ext4 does not flush every
/// file on close), and a second file for the same path is refused. Each file's SHA-256 is taken as it is written — from the
/// bytes at hand, or while a stream or an attachment copy is written — for the integrity manifest (<see cref="Hashes"/>).
/// <para>
/// With a build cache (<paramref name="cacheDirectory"/>) that holds the <see cref="OutputRecord"/> of the output folder, a file
/// whose bytes are those the output folder already holds is not written at all: it keeps its bytes and its timestamp. Only
/// the files that changed are staged; <see cref="Commit"/> moves them into the output folder and deletes the files this build
/// did not make, so the folder ends as a build into an empty folder would leave it. Without a record (the first build, or
/// the cache deleted) every file is written and the staged folder replaces the output folder whole.
/// </para>
/// </summary>
public sealed class WriteSite : IDisposable
{
    private readonly string _output;
    private readonly string _parent;
    private readonly string _name;
    private readonly string _staging;
    private readonly string? _cache;
    private readonly OutputRecord? _previous;
    private readonly MadeTable _made;

    /// <summary>The output folder held open while the files the record names are looked at in it (<see cref="Intact"/>), when there is a record.</summary>
    private readonly FileStat.Folder? _outputFolder;

    /// <summary>The folders made in the staging folder so far, by the <see cref="OutputRecord.KeyOf"/> of their relative path.</summary>
    private readonly ConcurrentDictionary<ulong, bool> _folders = new();

    /// <summary>
    /// The keys of the last build's files in its record by their render key (<see cref="Recall"/>), made the first time one is
    /// asked for (an entry of 32 bytes a file: a table of the entries themselves took 0.09 s to make at 175,000 files).
    /// </summary>
    private readonly Lazy<Dictionary<RenderKey, ulong>> _byRenderKey;

    /// <summary>
    /// The files <see cref="Recall"/> found as they were left, by their key, with their time: this build writes only to the staging
    /// folder, so they are as they were when <see cref="Reuse"/> keeps them after.
    /// </summary>
    private readonly ConcurrentDictionary<ulong, long> _recalled = new();
    private int _count;
    private int _kept;
    private bool _sealed;
    private bool _ended;

    /// <summary>The record of what the output folder will hold, written into a new file of the cache from <see cref="Seal"/> on.</summary>
    private Task<string?>? _record;

    /// <summary>Creates the staging folder beside <paramref name="outputDirectory"/> (and its parents when they are missing).</summary>
    /// <param name="cacheDirectory">the build cache: where the record of what the output folder holds is kept; null: none.</param>
    /// <param name="prepared">the record, read already (<see cref="Prepare"/>); null: read here.</param>
    public WriteSite(string outputDirectory, string? cacheDirectory = null, Task<Prepared>? prepared = null)
    {
        _output = FullPath(outputDirectory);
        _parent = Path.GetDirectoryName(_output) ?? throw new InvalidOperationException("the output folder cannot be a file-system root");
        _name = Path.GetFileName(_output);
        Directory.CreateDirectory(_parent);
        _staging = Path.Combine(_parent, $".{_name}.building-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_staging);
        _cache = cacheDirectory is null ? null : Path.GetFullPath(cacheDirectory);
        (_previous, _made) = (prepared ?? Prepare(outputDirectory, cacheDirectory, now: true)).GetAwaiter().GetResult();
        _outputFolder = _previous is null ? null : new FileStat.Folder(_output);
        _byRenderKey = new(() => _previous?.KeysByRenderKey() ?? []);
    }

    /// <summary>
    /// Reads the record of what the output folder holds from the build cache, and makes the table of the files to be made the
    /// size it needs, on another thread (a third of a second at 50,000 documents), for the constructor: nothing is written.
    /// </summary>
    /// <param name="now">on this thread instead.</param>
    public static Task<Prepared> Prepare(string outputDirectory, string? cacheDirectory, bool now = false)
    {
        Prepared Read()
        {
            var previous = cacheDirectory is null ? null : OutputRecord.Load(Path.GetFullPath(cacheDirectory), FullPath(outputDirectory));
            return new(previous, new MadeTable(previous?.Count ?? 0));
        }

        return now ? Task.FromResult(Read()) : Task.Run(Read);
    }

    private static string FullPath(string outputDirectory) => Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);

    /// <summary>The staging folder the changed files are written to, until <see cref="Commit"/>.</summary>
    public string Folder => _staging;

    /// <summary>
    /// The audit of the files as they are written (null: none, every file is read back by <see cref="AuditOutput"/>): a file whose
    /// bytes pass through here from now on is looked through on the way, and is not among <see cref="FilesToAudit"/>.
    /// </summary>
    public WrittenAudit? Audit { get; set; }

    /// <summary>Files made so far, written or kept.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Files made so far whose bytes the output folder already held: not written.</summary>
    public int Kept => Volatile.Read(ref _kept);

    /// <summary>
    /// The SHA-256 of every file made so far, in a new array in no particular order: taken from the table of files made, which
    /// holds each path once (a second list of every path and hash was 40 MB at 100,000 documents).
    /// </summary>
    public ManifestEntry[] Hashes() =>
        _made.Select(m => m.File.Path is not null, m => new ManifestEntry(Encoding.UTF8.GetBytes(m.File.Path), m.File.Hash));

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
        var key = Claim(file.Path);
        if (file.Bytes is not null)
        {
            // A file the output folder holds with these bytes is kept unread, as a page kept by its key is: it is read back at the
            // end only when the passages the audit looks for are not those the last build's files were looked through for
            // (FilesToAudit); the others are looked through here
            var hash = Sha256Digest.Of(file.Bytes);
            if (!Keep(file.Path, key, hash, file.Bytes.Length, file.RenderKey))
            {
                var audit = Audit;
                audit?.Look(file.Path, file.Text ?? file.Bytes);

                // One write of the bytes at hand: no stream, so no buffer to fill and copy, and no check whether the file can seek;
                // its time taken from the open file (only for the record the cache keeps)
                (long Size, long Modified) written;
                using (var handle = CreateHandle(file.Path))
                {
                    RandomAccess.Write(handle, file.Bytes, 0);
                    written = Written(handle, file.Bytes.Length);
                }

                Staged(file.Path, key, hash, written, file.RenderKey, audited: audit is not null);
            }

            return;
        }

        Copy(file.Path, key, file.CopyFrom!, file.RenderKey);
    }

    /// <summary>Copies <paramref name="source"/> (a full path) to <paramref name="path"/>, hashing it on the way.</summary>
    private void Copy(string path, ulong key, string source, RenderKey renderKey)
    {
        Sha256Digest copied;
        (long Size, long Modified) written;
        using (var stream = Create(path))
        {
            using var from = File.OpenRead(source);
            copied = CopyHashing(from, stream);
            written = Written(stream);
        }

        Unstage(path, key, copied, written, renderKey);
    }

    /// <summary>
    /// Puts at <paramref name="path"/> (relative) the file the output folder holds at <paramref name="recalled"/>, which
    /// <see cref="Recall"/> found as it was left in this build: a file named by a hash of its group that a change elsewhere in the
    /// group renamed. The staging folder gets a second name for the same file (a hard link), so no file is made and no byte is
    /// copied, and it keeps its time; where the file system has no such names, its bytes are copied.
    /// </summary>
    public void Rename(string path, string recalled, RenderKey renderKey)
    {
        var from = OutputRecord.KeyOf(recalled);
        if (_previous is null || !_recalled.ContainsKey(from) || !_previous.TryGet(from, out var was))
        {
            Write(new OutputFile(path, null, InOutput(recalled)) { RenderKey = renderKey });
            return;
        }

        var key = Claim(path);
        if (Keep(path, key, was.Hash, was.Size, renderKey))
        {
            return;
        }

        var existing = InOutput(recalled);
        var staged = StagingPath(path);
        if (HardLink.TryCreate(existing, staged) || (HardLink.FolderMissing && Directory.CreateDirectory(Path.GetDirectoryName(staged)!).Exists
            && HardLink.TryCreate(existing, staged)))
        {
            Staged(path, key, was.Hash, renderKey, linked: true);
            return;
        }

        Copy(path, key, existing, renderKey);
    }

    /// <summary>
    /// Writes the file at <paramref name="path"/> (relative, forward slashes) piece by piece: <paramref name="write"/> is given the
    /// stream to write to and never holds the whole file, which is hashed on the way.
    /// </summary>
    /// <param name="renderKey">what the file is made from, recorded for the next build (<see cref="Reuse"/>); none: nothing.</param>
    /// <returns>the file's SHA-256.</returns>
    public Sha256Digest Write(string path, Action<Stream> write, RenderKey renderKey = default)
    {
        var key = Claim(path);
        Sha256Digest hash;
        (long Size, long Modified) written;
        bool audited;
        using (var stream = Create(path))
        {
            var watch = Audit?.Watching(path, stream);
            using var hashing = new HashingStream(watch ?? (Stream)stream);
            write(hashing);
            hashing.Flush();
            hash = hashing.Hash();
            audited = watch?.Finish() ?? false;
            written = Written(stream);
        }

        Unstage(path, key, hash, written, renderKey, audited);
        return hash;
    }

    /// <summary>
    /// Keeps every file of <paramref name="paths"/> (relative) as the output folder holds it, when the last build recorded each
    /// and each is still as it was left: files the caller knows to be made from the inputs they were made from then. All or
    /// none: false, and nothing kept, when one is not so; the caller then makes them all.
    /// </summary>
    public bool KeepAll(IReadOnlyList<string> paths)
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        if (_previous is null)
        {
            return false;
        }

        var entries = new OutputRecord.Entry[paths.Count];
        var modified = new long[paths.Count];
        var intact = true;
        Parallel.For(0, paths.Count, (i, loop) =>
        {
            if (!_previous.TryGet(OutputRecord.KeyOf(paths[i]), out entries[i]) || Intact(paths[i], entries[i]) is not { } time)
            {
                intact = false;
                loop.Stop();
                return;
            }

            modified[i] = time;
        });
        if (!intact)
        {
            return false;
        }

        for (var i = 0; i < paths.Count; i++)
        {
            var was = entries[i];
            MarkKept(paths[i], Claim(paths[i]), was, was.RenderKey, modified[i]);
        }

        return true;
    }

    /// <summary>
    /// The full path of the file the output folder holds at <paramref name="path"/> (relative) when the last build recorded it
    /// with the SHA-256 <paramref name="hash"/> and it is still as it was left, so that parts of it can be read; null if not.
    /// </summary>
    public string? Holding(string path, in Sha256Digest hash)
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        return _previous is not null && _previous.TryGet(OutputRecord.KeyOf(path), out var was) && was.Hash.SameAs(hash) && Intact(path, was) is not null
            ? Path.Combine(_output, path)
            : null;
    }

    /// <summary>
    /// Keeps the file at <paramref name="path"/> as the output folder holds it, without its bytes being made again, when the
    /// last build recorded it as made from the same inputs (<paramref name="renderKey"/>) and it is still there as it was left
    /// (a file touched since is read to check its bytes). False: the caller must make the file and <see cref="Write(OutputFile)"/> it.
    /// </summary>
    public bool Reuse(string path, RenderKey renderKey)
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        var key = OutputRecord.KeyOf(path);
        if (renderKey.IsNone || _previous is null || !_previous.TryGet(key, out var was) || was.RenderKey != renderKey
            || (_recalled.TryGetValue(key, out var seen) ? seen : Intact(path, was)) is not { } modified)
        {
            return false;
        }

        Claim(path);
        MarkKept(path, key, was, renderKey, modified);
        return true;
    }

    /// <summary>Keeps the file at <paramref name="path"/> as <see cref="Reuse"/> does, or else writes it as <see cref="Write(string, Action{Stream}, RenderKey)"/> does, with the key.</summary>
    public void ReuseOrWrite(string path, RenderKey renderKey, Action<Stream> write)
    {
        if (!Reuse(path, renderKey))
        {
            Write(path, write, renderKey);
        }
    }

    /// <summary>
    /// A file the output folder holds as the last build made it from <paramref name="renderKey"/>: its path (relative, forward
    /// slashes) and SHA-256, or null when there is none (no record, no file recorded with this key, or the file not as it was
    /// left). For files named by a hash of their bytes, which a change elsewhere may rename: their bytes can be copied from
    /// there instead of made again (an <see cref="OutputFile.CopyFrom"/> of <see cref="InOutput"/>).
    /// </summary>
    public (string Path, Sha256Digest Hash)? Recall(RenderKey renderKey)
    {
        if (renderKey.IsNone || _previous is null || !_byRenderKey.Value.TryGetValue(renderKey, out var key) || !_previous.TryGet(key, out var was)
            || Intact(was.Path, was) is not { } modified)
        {
            return null;
        }

        _recalled[key] = modified; // looked at once: kept by Reuse below without looking again, when its name stays
        return (was.Path, was.Hash);
    }

    /// <summary>The full path of <paramref name="path"/> (relative) in the output folder.</summary>
    public string InOutput(string path) => Path.Combine(_output, path);

    /// <summary>
    /// The files of the finished site the audit must read: those written, and the kept ones and those renamed (<see cref="Rename"/>:
    /// the bytes of a file the last build audited) unless they were audited for the same passages (<paramref name="auditKey"/>);
    /// never a file looked through as it was written (<see cref="Audit"/>). Made as the audit goes, from the table of files made: a list of every
    /// path and full path made at once was 110 MB at 100,000 documents, at the build's fullest moment.
    /// </summary>
    public IEnumerable<(string Name, string File)> FilesToAudit(Sha256Digest auditKey)
    {
        // every file was written, or the kept ones were audited for these passages
        var onlyWritten = _previous is null || _previous.AuditKey.SameAs(auditKey);
        foreach (var made in _made.Values())
        {
            if (made.Audited)
            {
                continue;
            }

            if ((made.Staged && !made.Linked) || !onlyWritten)
            {
                yield return (made.File.Path, Path.Combine(made.Staged ? _staging : _output, made.File.Path));
            }
        }
    }

    /// <summary>A file of this build for <paramref name="path"/>; refuses a second one.</summary>
    private ulong Claim(string path)
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        if (_sealed)
        {
            throw new InvalidOperationException($"the site is sealed: {path} comes after its last file");
        }

        var key = OutputRecord.KeyOf(path);
        if (!_made.TryAdd(key, default))
        {
            throw new InvalidOperationException($"two outputs want the same file {path}");
        }

        Interlocked.Increment(ref _count);
        return key;
    }

    /// <summary>Whether the output folder holds <paramref name="path"/> with these bytes, as recorded; if so it is kept.</summary>
    /// <param name="audited">whether its bytes were looked through on the way (<see cref="Audit"/>).</param>
    private bool Keep(string path, ulong key, in Sha256Digest hash, long size, RenderKey renderKey = default, bool audited = false)
    {
        if (_previous is null || !_previous.TryGet(key, out var was) || !was.Hash.SameAs(hash) || was.Size != size || Intact(path, was) is not { } modified)
        {
            return false;
        }

        MarkKept(path, key, was, renderKey, modified, audited);
        return true;
    }

    /// <summary>
    /// Whether the output folder still holds <paramref name="path"/> with the bytes recorded: its time of last writing if so
    /// (the recorded one, or another when it was touched since but its bytes are the same), null if not.
    /// </summary>
    private long? Intact(string path, in OutputRecord.Entry was)
    {
        if ((_outputFolder is null ? FileStat.Of(Path.Combine(_output, path)) : FileStat.Of(_outputFolder, path)) is not ({ } size, var modified) || size != was.Size)
        {
            return null;
        }

        // Touched since (a restored cache, a copy): its bytes decide.
        return modified == was.Modified || HashOf(Path.Combine(_output, path)).SameAs(was.Hash) ? modified : null;
    }

    /// <param name="was">the file as the record has it, with the bytes this build made for it: its hash and size are kept, and its
    /// path string (the caller's, equal, can go young).</param>
    private void MarkKept(string path, ulong key, in OutputRecord.Entry was, RenderKey renderKey, long modified, bool audited = false)
    {
        var kept = string.Equals(was.Path, path, StringComparison.Ordinal) ? was.Path : path;
        _made.Set(key, new Made(new OutputRecord.Entry(kept, was.Hash, was.Size, modified, renderKey), Staged: false, Audited: audited));
        Interlocked.Increment(ref _kept);
    }

    /// <summary>A file written to the staging folder: its size and time are taken now, and stay when it is moved into the output folder.</summary>
    /// <param name="linked">whether it is a second name for a file of the output folder (<see cref="Rename"/>).</param>
    /// <param name="audited">whether its bytes were looked through on the way (<see cref="Audit"/>).</param>
    private void Staged(string path, ulong key, in Sha256Digest hash, RenderKey renderKey = default, bool linked = false, bool audited = false) =>
        Staged(path, key, hash, FileStat.Of(Path.Combine(_staging, path)) ?? throw new FileNotFoundException("a file just written is gone", path),
            renderKey, linked, audited);

    /// <param name="written">the file's size and time, as it was written (the time is the record's only, kept with a cache).</param>
    private void Staged(string path, ulong key, in Sha256Digest hash, (long Size, long Modified) written, RenderKey renderKey = default,
        bool linked = false, bool audited = false) =>
        _made.Set(key, new Made(new OutputRecord.Entry(path, hash, written.Size, written.Modified, renderKey), Staged: true, linked, audited));

    /// <summary>A file written to the staging folder whose bytes the output folder already holds is taken back out.</summary>
    private void Unstage(string path, ulong key, in Sha256Digest hash, (long Size, long Modified) written, RenderKey renderKey = default, bool audited = false)
    {
        if (Keep(path, key, hash, written.Size, renderKey, audited))
        {
            File.Delete(Path.Combine(_staging, path));
        }
        else
        {
            Staged(path, key, hash, written, renderKey, audited: audited);
        }
    }

    /// <summary>The size and time of a file written through <paramref name="stream"/>, still open (its buffer is written out first).</summary>
    private (long Size, long Modified) Written(FileStream stream)
    {
        stream.Flush();
        return Written(stream.SafeFileHandle, stream.Length);
    }

    /// <summary>The size and time of a file just written, still open as <paramref name="handle"/>, <paramref name="size"/> bytes long: its time is looked at only for the record the cache keeps.</summary>
    private (long Size, long Modified) Written(SafeFileHandle handle, long size) => _cache is null ? (size, 0) : FileStat.Of(handle);

    private FileStream Create(string relativePath) => new(CreateHandle(relativePath), FileAccess.Write, 64 * 1024);

    /// <summary>
    /// Creates the file at <paramref name="relativePath"/> in the staging folder, and its folder the first time a file goes
    /// there (folders are known by a 64-bit digest of their path, a few MB at 100,000 documents; should two paths ever share
    /// one, the file that finds no folder makes it).
    /// </summary>
    private SafeFileHandle CreateHandle(string relativePath)
    {
        var path = StagingPath(relativePath);
        try
        {
            return File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }
        catch (IOException e) when (e is DirectoryNotFoundException or FileNotFoundException) // Linux says ENOENT, read as a missing file
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }
    }

    /// <summary>The full path of <paramref name="relativePath"/> in the staging folder, whose folder is made the first time a file goes there.</summary>
    private string StagingPath(string relativePath)
    {
        var path = Path.Combine(_staging, relativePath);
        var slash = relativePath.LastIndexOf('/');
        if (slash > 0 && _folders.TryAdd(OutputRecord.KeyOf(relativePath[..slash]), true))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }

        return path;
    }

    private static Sha256Digest HashOf(string file)
    {
        using var source = File.OpenRead(file);
        return CopyHashing(source, Stream.Null);
    }

    /// <summary>Every file under <paramref name="folder"/>: its path relative to it (forward slashes) and its full path.</summary>
    private static IEnumerable<(string Name, string File)> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'), f));

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

    /// <summary>
    /// Every file is made: none can be added. With a build cache, the record of what the output folder will hold starts being
    /// written into a new file of the cache now, on another thread, to be put in place by <see cref="Commit"/> (a build audits
    /// its files meanwhile).
    /// </summary>
    /// <param name="auditKey">the digest of the passages the audit looks for, recorded for the next build.</param>
    public void Seal(in Sha256Digest auditKey)
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        if (_sealed)
        {
            throw new InvalidOperationException("the site is sealed already");
        }

        _sealed = true;
        if (_cache is not null)
        {
            var (cache, output, key) = (_cache, _output, auditKey);
            var entries = _made.Select(_ => true, m => m.File);
            _record = Task.Run(() => OutputRecord.Prepare(cache, output, key, entries));
        }
    }

    /// <summary>Puts the new site in place of the output folder; the previous one's files that this build did not make are removed.</summary>
    public void Commit() => Commit(default);

    /// <param name="auditKey">the digest of the passages the audit looked for, recorded for the next build (ignored when the site was sealed).</param>
    public void Commit(in Sha256Digest auditKey)
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        if (!_sealed)
        {
            Seal(auditKey);
        }

        var record = _record?.GetAwaiter().GetResult(); // written before anything in the output folder changes (null: it could not be)
        _outputFolder?.Dispose(); // nothing is looked at in it from here on, and it may move

        if (_cache is not null)
        {
            OutputRecord.Forget(_cache, _output); // until the folder is whole again
        }

        if (_previous is null)
        {
            Replace();
        }
        else
        {
            Update();
        }

        _ended = true;
        if (record is not null)
        {
            OutputRecord.Keep(record, _cache!, _output);
        }
    }

    /// <summary>The staged folder, which holds every file, becomes the output folder.</summary>
    private void Replace()
    {
        if (!Directory.Exists(_output))
        {
            Directory.Move(_staging, _output);
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

        Directory.Delete(old, recursive: true);
    }

    /// <summary>
    /// The changed files move into the output folder (each replaced at once), and what the last build made and this one did not
    /// goes, with the folders it leaves empty. Neither walks the output folder: the staging folder holds only the changed files,
    /// and the record names the last build's.
    /// </summary>
    private void Update()
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, file) in Files(_staging).ToList())
        {
            var target = Path.Combine(_output, name);
            if (Path.GetDirectoryName(target)! is var folder && folders.Add(folder))
            {
                Directory.CreateDirectory(folder);
            }

            File.Move(file, target, overwrite: true);
        }

        var emptied = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, was) in _previous!.Keyed)
        {
            if (!_made.Contains(key))
            {
                var file = Path.Combine(_output, was.Path);
                if (File.Exists(file))
                {
                    File.Delete(file);
                    emptied.Add(Path.GetDirectoryName(file)!);
                }
            }
        }

        foreach (var folder in emptied.OrderByDescending(f => f.Length))
        {
            DeleteIfEmpty(folder);
        }

        Directory.Delete(_staging, recursive: true);
    }

    /// <summary>Deletes <paramref name="folder"/> when it is empty, then its parents that are left empty, up to the output folder.</summary>
    private void DeleteIfEmpty(string folder)
    {
        for (var at = folder; at.Length > _output.Length && Directory.Exists(at) && !Directory.EnumerateFileSystemEntries(at).Any(); at = Path.GetDirectoryName(at)!)
        {
            Directory.Delete(at);
        }
    }

    /// <summary>A file of this build as the record will hold it, and whether it was written to the staging folder (or kept).</summary>
    /// <param name="Linked">written as a second name for a file of the output folder (<see cref="Rename"/>): its bytes are those of a file the last build made.</param>
    /// <param name="Audited">looked through as it was written (<see cref="Audit"/>): the audit at the end does not read it.</param>
    internal readonly record struct Made(OutputRecord.Entry File, bool Staged, bool Linked = false, bool Audited = false);

    /// <summary>
    /// The files of this build by the <see cref="OutputRecord.KeyOf"/> of their paths, from several threads at once: in 64
    /// dictionaries by the key's first bits, each behind its own lock, made as large as the last build's record at once. (A
    /// concurrent dictionary allocated an object per file, 175,000 of them at 50,000 documents, for every full collection of the
    /// heap to go through, and grew its table a dozen times.)
    /// </summary>
    /// <summary>What <see cref="Prepare"/> reads and makes for a <see cref="WriteSite"/>.</summary>
    public sealed class Prepared
    {
        internal Prepared(OutputRecord? previous, MadeTable made) => (Previous, Made) = (previous, made);

        internal OutputRecord? Previous { get; }

        internal MadeTable Made { get; }

        internal void Deconstruct(out OutputRecord? previous, out MadeTable made) => (previous, made) = (Previous, Made);
    }

    internal sealed class MadeTable(int expected)
    {
        private readonly Dictionary<ulong, Made>[] _shards = [.. Enumerable.Range(0, 64).Select(_ => new Dictionary<ulong, Made>(expected / 64))];

        public bool TryAdd(ulong key, Made made)
        {
            var shard = Shard(key);
            lock (shard)
            {
                return shard.TryAdd(key, made);
            }
        }

        public void Set(ulong key, Made made)
        {
            var shard = Shard(key);
            lock (shard)
            {
                shard[key] = made;
            }
        }

        public bool Contains(ulong key)
        {
            var shard = Shard(key);
            lock (shard)
            {
                return shard.ContainsKey(key);
            }
        }

        /// <summary>
        /// <paramref name="select"/> of every file <paramref name="where"/> takes, in one array of the right size (175,000 files at
        /// 50,000 documents: no list grown by doubling), with every dictionary held meanwhile (taken in order, as one at a time is
        /// elsewhere).
        /// </summary>
        public T[] Select<T>(Func<Made, bool> where, Func<Made, T> select)
        {
            var held = 0;
            try
            {
                for (; held < _shards.Length; held++)
                {
                    Monitor.Enter(_shards[held]);
                }

                var result = new T[_shards.Sum(s => s.Values.Count(where))];
                var at = 0;
                foreach (var made in _shards.SelectMany(s => s.Values).Where(where))
                {
                    result[at++] = select(made);
                }

                return result;
            }
            finally
            {
                for (held--; held >= 0; held--)
                {
                    Monitor.Exit(_shards[held]);
                }
            }
        }

        /// <summary>Every file, a copy of one dictionary at a time.</summary>
        public IEnumerable<Made> Values()
        {
            foreach (var shard in _shards)
            {
                Made[] copy;
                lock (shard)
                {
                    copy = [.. shard.Values];
                }

                foreach (var made in copy)
                {
                    yield return made;
                }
            }
        }

        private Dictionary<ulong, Made> Shard(ulong key) => _shards[(int)(key >> 58)];
    }

    /// <summary>Deletes everything written: the output folder stays as it was.</summary>
    public void Abandon()
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        _outputFolder?.Dispose();
        if (Directory.Exists(_staging))
        {
            Directory.Delete(_staging, recursive: true);
        }

        // The record written for a site that is not put in place
        if (_record is not null)
        {
            var record = _record;
            _record = null;
            var file = record.GetAwaiter().GetResult();
            if (file is not null && File.Exists(file))
            {
                File.Delete(file);
            }
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
