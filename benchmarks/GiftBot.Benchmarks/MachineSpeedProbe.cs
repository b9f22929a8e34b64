using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GiftBot.Benchmarks;

/// <summary>
/// The same fixed work, timed in this thread's own CPU time (so waiting for a core does not count), between two soak
/// minutes while no shopper is talking to the bot: arithmetic on data that fits the L1 cache (the core's speed), and a
/// chain of dependent reads over 64 MB (the memory's latency). When the bot's CPU per turn rises in a minute and these rise
/// with it, the machine (the core or memory under this virtual machine) got slower, not the work bigger: this VM exposes
/// no hardware counters, so instructions per turn cannot be counted instead.
/// </summary>
public static class MachineSpeedProbe
{
    private const int Repetitions = 5;
    private const int CoreRounds = 2_000_000;
    private const int MemorySlots = 16 * 1024 * 1024;   // 4-byte slots: 64 MB, far past any cache
    private const int MemoryReads = 200_000;

    /// <summary>Microseconds of thread CPU time for each probe, the fastest of a few tries (Linux; NaN elsewhere).</summary>
    public static (double CoreMicroseconds, double MemoryMicroseconds) Measure()
    {
        if (!OperatingSystem.IsLinux()) return (double.NaN, double.NaN);
        var core = double.MaxValue;
        for (var i = 0; i < Repetitions; i++) core = Math.Min(core, Time(static () => Core()));
        var memory = double.MaxValue;
        unsafe
        {
            // Native, and freed at once: the probe must not show up in the bot host's resident memory.
            var slots = (int*)NativeMemory.Alloc(MemorySlots, sizeof(int));
            try
            {
                LinkRandomCycle(slots);
                for (var i = 0; i < Repetitions; i++) memory = Math.Min(memory, Time(() => Walk(slots)));
            }
            finally
            {
                NativeMemory.Free(slots);
            }
        }

        return (core, memory);
    }

    private static double Time(Func<long> work)
    {
        var started = ThreadCpuMicroseconds();
        GC.KeepAlive(work());
        return ThreadCpuMicroseconds() - started;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Core()
    {
        Span<ulong> state = stackalloc ulong[64];
        for (var i = 0; i < state.Length; i++) state[i] = (ulong)i * 0x9E3779B97F4A7C15UL;
        for (var round = 0; round < CoreRounds; round++)
        {
            ref var slot = ref state[round & 63];
            slot = (slot ^ (slot >> 31)) * 0xBF58476D1CE4E5B9UL + (ulong)round;
        }

        ulong sum = 0;
        foreach (var value in state) sum ^= value;
        return (long)sum;
    }

    // Sattolo's shuffle: one cycle through every slot, so each read depends on the one before and the prefetcher cannot guess.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void LinkRandomCycle(int* slots)
    {
        for (var i = 0; i < MemorySlots; i++) slots[i] = i;
        var random = new Random(20261206);
        for (var i = MemorySlots - 1; i > 0; i--)
        {
            var j = random.Next(i);
            (slots[i], slots[j]) = (slots[j], slots[i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe long Walk(int* slots)
    {
        var at = 0;
        for (var i = 0; i < MemoryReads; i++) at = slots[at];
        return at;
    }

    private static double ThreadCpuMicroseconds()
    {
        const int ClockThreadCpuTime = 3;
        return clock_gettime(ClockThreadCpuTime, out var time) == 0 ? time.Seconds * 1e6 + time.Nanoseconds / 1e3 : double.NaN;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = false)]
#pragma warning disable SYSLIB1054 // one call a minute: the source-generated form buys nothing here
    private static extern int clock_gettime(int clock, out TimeSpec time);
#pragma warning restore SYSLIB1054
}
