using System.Runtime.InteropServices;

namespace Gazette.Output;

/// <summary>
/// A second name for a file (a hard link): the same bytes and the same time of last writing, without a new file being made or a
/// byte copied. POSIX <c>link</c>; where there is none (Windows) or the file system refuses, the caller copies.
/// </summary>
internal static class HardLink
{
    /// <summary>Whether <paramref name="created"/> now names the file <paramref name="existing"/> names (both full paths, on one volume).</summary>
    public static bool TryCreate(string existing, string created)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            return Link(existing, created) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Whether the last <see cref="TryCreate"/> on this thread failed because a folder of the new name is missing.</summary>
    public static bool FolderMissing => Marshal.GetLastPInvokeError() == NoSuchEntry;

    private const int NoSuchEntry = 2; // ENOENT

    [DllImport("libc", EntryPoint = "link", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Link(string existing, string created);
}
