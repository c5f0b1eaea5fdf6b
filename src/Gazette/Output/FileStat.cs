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
    private const ushort Folder = 0x4000; // S_IFDIR
    private const int EmptyPath = 0x1000; // AT_EMPTY_PATH: the file of the descriptor given

    private static bool _noStatx = !OperatingSystem.IsLinux();

    /// <summary>Whether the figures come from <c>statx</c> (on Linux, unless the C library has none).</summary>
    public static bool Native => !_noStatx;

    /// <summary>The size and time of the file at <paramref name="path"/>; null when there is none (or a folder is there).</summary>
    public static (long Size, long Modified)? Of(string path)
    {
        if (!_noStatx)
        {
            try
            {
                if (StatX(CurrentFolder, path, 0, Wanted, out var stat) != 0)
                {
                    return null; // gone, or not to be looked at: as FileInfo.Exists, no file
                }

                if ((stat.Mask & Wanted) == Wanted)
                {
                    return (stat.Mode & TypeBits) == Folder ? null
                        : ((long)stat.Size, Ticks(stat));
                }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                _noStatx = true;
            }
        }

        var info = new FileInfo(path);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc.Ticks) : null;
    }

    /// <summary>
    /// The size and time of the file open as <paramref name="handle"/>: from the open file itself, without looking its path up
    /// again, folder by folder, as <see cref="Of(string)"/> does.
    /// </summary>
    public static (long Size, long Modified) Of(SafeFileHandle handle)
    {
        if (!_noStatx)
        {
            try
            {
                if (StatX((int)handle.DangerousGetHandle(), "", EmptyPath, Wanted, out var stat) == 0 && (stat.Mask & Wanted) == Wanted)
                {
                    return ((long)stat.Size, Ticks(stat));
                }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                _noStatx = true;
            }
        }

        return (RandomAccess.GetLength(handle), File.GetLastWriteTimeUtc(handle).Ticks);
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
