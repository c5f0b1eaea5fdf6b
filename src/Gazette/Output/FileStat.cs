using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Gazette.Output;

/// <summary>
/// A file's size and time of last writing (UTC ticks), the figures <see cref="FileInfo"/> gives, from one Linux <c>statx</c> call:
/// no object and no normalized copy of the path per file, where a build with the cache looks at every file of the site (175,000
/// at 50,000 documents) and every document's file. Elsewhere, or should the call be missing, from <see cref="FileInfo"/>.
/// </summary>
internal static class FileStat
{
    private const int CurrentFolder = -100; // AT_FDCWD
    private const uint Wanted = 0x1 | 0x40 | 0x200; // STATX_TYPE | STATX_MTIME | STATX_SIZE
    private const ushort TypeBits = 0xF000; // S_IFMT
    private const ushort FolderType = 0x4000; // S_IFDIR
    private const int EmptyPath = 0x1000; // AT_EMPTY_PATH: the file of the descriptor given

    private static bool _noStatx = !OperatingSystem.IsLinux();

    /// <summary>Whether the figures come from <c>statx</c> (on Linux, unless the C library has none).</summary>
    public static bool Native => !_noStatx;

    /// <summary>The size and time of the file at <paramref name="path"/>; null when there is none (or a folder is there).</summary>
    public static (long Size, long Modified)? Of(string path)
    {
        if (TryStatX(CurrentFolder, path, 0, out var figures))
        {
            return figures;
        }

        var info = new FileInfo(path);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc.Ticks) : null;
    }

    /// <summary>
    /// The size and time of the file open as <paramref name="handle"/>: from the open file itself, without looking its path up
    /// again, folder by folder, as <see cref="Of(string)"/> does.
    /// </summary>
    public static (long Size, long Modified) Of(SafeFileHandle handle) =>
        TryStatX((int)handle.DangerousGetHandle(), "", EmptyPath, out var figures) && figures is { } known
            ? known
            : (RandomAccess.GetLength(handle), File.GetLastWriteTimeUtc(handle).Ticks);

    /// <summary>
    /// The size and time of the file at <paramref name="path"/> (relative, forward slashes) in <paramref name="folder"/>: looked up
    /// from the folder held open, not from the root folder by folder (the site's files are four folders down from it, nine from
    /// the root in the bench's; the lookup was most of a <c>statx</c>'s time). Null as <see cref="Of(string)"/>.
    /// </summary>
    public static (long Size, long Modified)? Of(Folder folder, string path) =>
        folder.Descriptor >= 0 && TryStatX(folder.Descriptor, path, 0, out var figures) ? figures : Of(Path.Combine(folder.FullPath, path));

    /// <summary>
    /// The figures of the file at <paramref name="path"/> (from <paramref name="folder"/>, a descriptor or <see cref="CurrentFolder"/>;
    /// with <see cref="EmptyPath"/>, of the file <paramref name="folder"/> is open as) by <c>statx</c>, null when there is none or a
    /// folder is there: false when <c>statx</c> could not tell (none in the C library, or not the figures asked for), and the
    /// caller asks .NET.
    /// </summary>
    private static bool TryStatX(int folder, string path, int flags, out (long Size, long Modified)? figures)
    {
        figures = null;
        if (_noStatx)
        {
            return false;
        }

        try
        {
            if (StatX(folder, path, flags, Wanted, out var stat) != 0)
            {
                return true; // gone, or not to be looked at: as FileInfo.Exists, no file
            }

            if ((stat.Mask & Wanted) == Wanted)
            {
                figures = (stat.Mode & TypeBits) == FolderType ? null : ((long)stat.Size, Ticks(stat));
                return true;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _noStatx = true;
        }

        return false;
    }

    /// <summary>
    /// A folder held open for <see cref="Of(Folder, string)"/>; where it cannot be (not Linux, no such folder), its files are looked
    /// at by their full paths.
    /// </summary>
    public sealed class Folder : IDisposable
    {
        private const int ReadOnly = 0; // O_RDONLY
        private const int OnlyFolder = 0x10000; // O_DIRECTORY
        private const int CloseOnExec = 0x80000; // O_CLOEXEC

        public Folder(string fullPath)
        {
            FullPath = fullPath;
            if (!_noStatx)
            {
                try
                {
                    Descriptor = Open(fullPath, ReadOnly | OnlyFolder | CloseOnExec); // -1 when it cannot be opened
                }
                catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
                {
                    // no open in the C library: full paths
                }
            }
        }

        public string FullPath { get; }

        internal int Descriptor { get; private set; } = -1;

        public void Dispose()
        {
            if (Descriptor >= 0)
            {
                _ = Close(Descriptor);
                Descriptor = -1;
            }
        }

        [DllImport("libc", EntryPoint = "open", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        private static extern int Open(string path, int flags);

        [DllImport("libc", EntryPoint = "close")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        private static extern int Close(int descriptor);
    }

    private static long Ticks(in Statx stat) =>
        DateTime.UnixEpoch.Ticks + (stat.ModifiedSeconds * TimeSpan.TicksPerSecond) + (stat.ModifiedNanoseconds / 100);

    /// <summary>The fields of <c>struct statx</c> read here, at their offsets (the struct is 256 bytes on every architecture).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct Statx
    {
        [FieldOffset(0)]
        public uint Mask;

        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(40)]
        public ulong Size;

        [FieldOffset(112)]
        public long ModifiedSeconds;

        [FieldOffset(120)]
        public uint ModifiedNanoseconds;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int StatX(int folder, string path, int flags, uint mask, out Statx stat);
}
