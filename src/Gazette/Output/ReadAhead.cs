using System.Runtime.InteropServices;

namespace Gazette.Output;

/// <summary>
/// Asks the kernel to bring files into the page cache before the build reads them: on threads of its own, each file is opened,
/// advised <c>POSIX_FADV_WILLNEED</c> (which starts reading it and returns) and closed, many files at once. A build reads its
/// files on two cores, one after the other; where they are not in memory each read waits for the disk: 50,000 documents read
/// one at a time took 38 s on this machine, 64 at a time 2.2 s. They are not in memory after a while on a machine that pages
/// out what it has not used (this one pages out file pages it has not seen read for a minute, sampled by region: some only
/// seconds after they were read), and a build after a restored cache or a checkout that is not fresh meets the same. Where
/// files spread over the list are all in memory nothing is done (<see cref="Start"/>). Linux only; elsewhere nothing is done.
/// </summary>
public sealed class ReadAhead : IDisposable
{
    /// <summary>How many threads open and advise files: as many reads as these are in flight on the disk at once.</summary>
    public const int Threads = 8;

    private const int ReadOnly = 0x80000; // O_RDONLY | O_CLOEXEC
    private const int WillNeed = 3; // POSIX_FADV_WILLNEED
    private const int NoWait = 0x8; // RWF_NOWAIT
    private const int WouldWait = 11; // EAGAIN

    /// <summary>How many of the files are looked at to tell whether they are in memory (<see cref="Probes"/>).</summary>
    internal const int Probed = 32;

    private static bool _unavailable = !OperatingSystem.IsLinux();

    private readonly IReadOnlyList<string> _paths;
    private readonly long _window;
    private readonly Thread[] _threads;
    private long _reached;
    private int _advised;
    private volatile bool _stopped;

    private ReadAhead(IReadOnlyList<string> paths, int window)
    {
        _paths = paths;
        _window = window;
        _threads = new Thread[Math.Min(Threads, paths.Count)];
        for (var t = 0; t < _threads.Length; t++)
        {
            var first = t;
            _threads[t] = new Thread(() => Advise(first)) { IsBackground = true, Name = "read ahead", Priority = ThreadPriority.BelowNormal };
            _threads[t].Start();
        }
    }

    /// <summary>
    /// Starts reading <paramref name="paths"/> (full paths) ahead, in about their order, unless files spread over them are in
    /// memory already (then all are taken to be, and nothing is done); stopped when disposed.
    /// </summary>
    /// <param name="window">how many files ahead of those read (<see cref="Reached"/>) are advised at most: files read over a
    /// longer time are brought in shortly before they are read, not paged out again before it.</param>
    public static ReadAhead Start(IReadOnlyList<string> paths, int window = int.MaxValue) =>
        new(!_unavailable && AnyOnDiskOnly(paths) ? paths : [], window);

    /// <summary>Reads <paramref name="paths"/> ahead without looking whether they are in memory (for tests).</summary>
    internal static ReadAhead Always(IReadOnlyList<string> paths, int window = int.MaxValue) => new(paths, window);

    /// <summary>Says that the first <paramref name="count"/> files were read: files up to <c>window</c> after them are advised.</summary>
    public void Reached(int count) => Volatile.Write(ref _reached, count);

    /// <summary>
    /// Whether any of the files <see cref="Probes"/> gives is not in memory (<see cref="OnDiskOnly"/>): where they all are,
    /// reading ahead would cost its calls and gain nothing.
    /// </summary>
    private static bool AnyOnDiskOnly(IReadOnlyList<string> paths)
    {
        try
        {
            return Probes(paths).Any(OnDiskOnly);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return false;
        }
        catch (Exception)
        {
            return false; // only advice (a path the call cannot take): the files are read as they are needed
        }
    }

    /// <summary>
    /// The files looked at to tell whether the list is in memory: <see cref="Probed"/> of them spread evenly over it, the first
    /// among them. The machine pages out what it has not seen used a region at a time, sampled: after a while some files of a
    /// folder read together are in memory and most are not, and the first of the list may be among those kept. With all but the
    /// first 64 files of 50,000 documents paged out, the front matter was read in 2.33 and 1.49 s when only the first 32 were
    /// looked at (nothing read ahead), 1.48 and 1.37 s with files spread over the list.
    /// </summary>
    internal static IEnumerable<string> Probes(IReadOnlyList<string> paths)
    {
        var step = Math.Max(1, paths.Count / Probed);
        for (var i = 0; i < paths.Count && i < step * Probed; i += step)
        {
            yield return paths[i];
        }
    }

    /// <summary>
    /// Whether the first byte of the file at <paramref name="path"/> is not in the page cache: a read of it that may not wait
    /// for the disk (<c>preadv2</c> with <c>RWF_NOWAIT</c>) gets nothing. False for a file that cannot be opened, and on a file
    /// system that cannot tell (a tmpfs, which is memory, says so otherwise).
    /// </summary>
    internal static unsafe bool OnDiskOnly(string path)
    {
        var handle = Open(path, ReadOnly);
        if (handle < 0)
        {
            return false;
        }

        byte first;
        var vector = new Vector { Base = &first, Length = 1 };
        var read = ReadNoWait(handle, &vector, 1, 0, NoWait);
        var error = Marshal.GetLastPInvokeError();
        _ = Close(handle);
        return read < 0 && error == WouldWait;
    }

    /// <summary>Stops advising files not yet advised (what was started is read by the kernel all the same).</summary>
    public void Dispose() => _stopped = true;

    /// <summary>How many files it reads ahead: none when the first were in memory.</summary>
    internal int Count => _paths.Count;

    /// <summary>How many files it has advised so far.</summary>
    internal int Advised => Volatile.Read(ref _advised);

    /// <summary>Waits until every file was advised, or it was stopped (for tests).</summary>
    internal void Join()
    {
        foreach (var thread in _threads)
        {
            thread.Join();
        }
    }

    private void Advise(int first)
    {
        try
        {
            for (var i = first; i < _paths.Count && !_stopped; i += _threads.Length)
            {
                while (i >= Volatile.Read(ref _reached) + _window)
                {
                    if (_stopped)
                    {
                        return;
                    }

                    Thread.Sleep(2);
                }

                var handle = Open(_paths[i], ReadOnly);
                if (handle >= 0)
                {
                    _ = Advise(handle, 0, 0, WillNeed);
                    _ = Close(handle);
                }

                Interlocked.Increment(ref _advised);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true; // the files are read as they are needed, as without it
        }
        catch (Exception)
        {
            // Only advice: a path the call cannot take is read when it is needed, and any problem reported then
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = false, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open(string path, int flags);

    [DllImport("libc", EntryPoint = "posix_fadvise", SetLastError = false)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Advise(int handle, long offset, long length, int advice);

    [DllImport("libc", EntryPoint = "preadv2", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern unsafe nint ReadNoWait(int handle, Vector* vectors, int count, long offset, int flags);

    /// <summary><c>struct iovec</c>.</summary>
    private unsafe struct Vector
    {
        public byte* Base;
        public nuint Length;
    }

    [DllImport("libc", EntryPoint = "close", SetLastError = false)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Close(int handle);
}
