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

    public static (TimeSpan Cpu, long AllocatedBytes, int Gen2Collections, TimeSpan JitTime) Snapshot()
    {
        using var process = Process.GetCurrentProcess();
        return (process.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: false), GC.CollectionCount(2), System.Runtime.JitInfo.GetCompilationTime());
    }

    private async Task SampleAsync()
    {
        using var process = Process.GetCurrentProcess();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        do
        {
            process.Refresh();
            Max(ref _peakWorkingSet, process.WorkingSet64);
            Max(ref _peakGcHeap, GC.GetTotalMemory(forceFullCollection: false));
        }
        while (await Ticks(timer));
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
