using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace GiftBot.Catalog.Search;

/// <summary>
/// A hint to the processor to load memory a search will read a few candidates later: candidates come in price order,
/// so their facts and vectors are scattered over a catalog far larger than the cache, and without the hint every one
/// of them waits for memory in turn. Only a hint: a location that has moved (a garbage collection in between) is
/// merely not warmed, never read wrongly.
/// </summary>
internal static class MemoryPrefetch
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Of<T>(ref T location)
    {
        if (Sse.IsSupported) Sse.Prefetch0(Unsafe.AsPointer(ref location));
    }
}
