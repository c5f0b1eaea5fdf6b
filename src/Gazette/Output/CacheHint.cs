using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Gazette.Output;

/// <summary>Hints to the processor about memory a loop will soon read.</summary>
internal static class CacheHint
{
    /// <summary>
    /// Asks the processor to bring <paramref name="value"/> into the cache, not waiting for it (where it cannot be asked, nothing).
    /// Changes nothing. The array it is in need not be pinned: a prefetch never faults, and one of an address the collector has
    /// just moved is only a hint wasted.
    /// </summary>
    public static unsafe void Prefetch<T>(ref T value)
        where T : unmanaged
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref value));
        }
    }
}
