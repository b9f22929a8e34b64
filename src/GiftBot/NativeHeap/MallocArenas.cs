namespace GiftBot.NativeHeap;

/// <summary>
/// Caps glibc's malloc arenas on Linux. glibc gives threads that allocate at the same moment arenas of their own (up to 8 per
/// core) and each arena keeps the native memory freed into it (SQLite statements and pages, ONNX Runtime, sockets): in the soak
/// benchmark that memory, kept free but never returned, made resident memory creep for many minutes while the memory in use
/// stayed flat; with two arenas it stayed flat. MALLOC_ARENA_MAX (environment or .env) sets another cap; 0 keeps glibc's own.
/// </summary>
public static class MallocArenas
{
    public const string Variable = "MALLOC_ARENA_MAX";

    public const int DefaultCap = 2;

    private const int ArenaMaxOption = -8; // M_ARENA_MAX in glibc's malloc.h

    /// <summary>Applies the cap (call first thing, before the host starts its threads); returns the cap set, or null when none was.</summary>
    public static int? Apply() => Apply(Environment.GetEnvironmentVariable(Variable));

    internal static int? Apply(string? configured)
    {
        var cap = GlibcMalloc.ReadWholeNumber(Variable, configured, DefaultCap,
            $"a whole number of malloc arenas (0 keeps glibc's default; GiftBot's is {DefaultCap})");
        if (cap == 0) return null;
        return GlibcMalloc.TrySetOption(ArenaMaxOption, cap) ? cap : null;
    }
}
