using System.Diagnostics;

namespace GiftBot.Benchmarks;

/// <summary>Samples the process's working set and GC heap every 20 ms and keeps the peaks; reads CPU time, allocations and JIT time.</summary>
public sealed class ProcessSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peakWorkingSet;
    private long _peakGcHeap;

    public ProcessSampler() => _loop = Task.Run(SampleAsync);

    public long PeakWorkingSetBytes => Interlocked.Read(ref _peakWorkingSet);
    public long PeakGcHeapBytes => Interlocked.Read(ref _peakGcHeap);

    /// <summary>The process's counters now; <c>Collections</c> counts every GC (gen0 counts them all), <c>GcPause</c> their pauses summed.</summary>
    public static (TimeSpan Cpu, long AllocatedBytes, int Gen2Collections, TimeSpan JitTime, int Collections, TimeSpan GcPause) Snapshot()
    {
        using var process = Process.GetCurrentProcess();
        return (process.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: false), GC.CollectionCount(2), System.Runtime.JitInfo.GetCompilationTime(),
            GC.CollectionCount(0), GC.GetTotalPauseDuration());
    }

    private async Task SampleAsync()
    {
        using var process = Process.GetCurrentProcess();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        do
        {
            Max(ref _peakWorkingSet, WorkingSet(process));
            Max(ref _peakGcHeap, GC.GetTotalMemory(forceFullCollection: false));
        }
        while (await Ticks(timer));
    }

    // This runs inside the measured process 50 times a second. On Linux, Process.Refresh() + WorkingSet64 reads /proc's
    // stat and status files and the stat file of every thread (about 2.5 % of the bot host's CPU in a perf profile of the
    // gift finder at 64 conversations); the resident set alone is one small read of /proc/self/statm.
    private static long WorkingSet(Process process)
    {
        if (OperatingSystem.IsLinux())
        {
            var statm = File.ReadAllText("/proc/self/statm");
            var resident = statm.Split(' ')[1];
            return long.Parse(resident, System.Globalization.CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        }

        process.Refresh();
        return process.WorkingSet64;
    }

    private async Task<bool> Ticks(PeriodicTimer timer)
    {
        try { return await timer.WaitForNextTickAsync(_stop.Token); }
        catch (OperationCanceledException) { return false; }
    }

    private static void Max(ref long peak, long value)
    {
        long current;
        while (value > (current = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, value, current) != current) { }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
