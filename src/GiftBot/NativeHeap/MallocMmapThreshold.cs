namespace GiftBot.NativeHeap;

/// <summary>
/// Pins glibc's mmap threshold on Linux. By default glibc raises the threshold to the size of every large block freed, so
/// later blocks of that size are carved from the arenas instead of being mapped on their own, and the holes they leave are
/// kept: in the soak benchmark resident memory crept about 0.4 MB a minute (malloc's free memory growing, memory in use
/// flat) despite the periodic trim; with the threshold pinned it stayed flat. Large blocks are then mapped and unmapped
/// whole. MALLOC_MMAP_THRESHOLD_ (glibc's own variable, also read from .env) sets another size in bytes.
/// </summary>
public static class MallocMmapThreshold
{
    public const string Variable = "MALLOC_MMAP_THRESHOLD_";

    public const int DefaultBytes = 128 * 1024; // glibc's starting threshold, kept from moving

    private const int MaximumBytes = 32 * 1024 * 1024; // glibc refuses more on 64-bit (HEAP_MAX_SIZE / 2)

    private const int MmapThresholdOption = -3; // M_MMAP_THRESHOLD in glibc's malloc.h

    /// <summary>Pins the threshold (call first thing, before the host starts its threads); returns the bytes set, or null when not set.</summary>
    public static int? Apply() => Apply(Environment.GetEnvironmentVariable(Variable));

    internal static int? Apply(string? configured)
    {
        const string meaning = "a size in bytes from 0 to 33554432 (GiftBot's default is 131072)";
        var bytes = GlibcMalloc.ReadWholeNumber(Variable, configured, DefaultBytes, meaning);
        if (bytes > MaximumBytes) throw new InvalidOperationException($"{Variable} must be {meaning}, not '{configured}'.");
        return GlibcMalloc.TrySetOption(MmapThresholdOption, bytes) ? bytes : null;
    }
}
