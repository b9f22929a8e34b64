namespace GiftBot.Benchmarks;

/// <summary>What one scenario measured inside its window. CPU, allocations and memory are the bot host process's (see <see cref="LoadDriver.MeasuredProcess"/>).</summary>
public sealed record LoadResult(
    string Label, int Turns, int Errors, TimeSpan Elapsed, double[] SortedLatenciesMs,
    double CpuMs, long AllocatedBytes, int Gen2Collections, long PeakWorkingSetBytes, long PeakGcHeapBytes,
    long Replies, long Carousels, long? Commits = null, double JitMs = 0)
{
    /// <summary>The machine around the window (other processes' CPU, steal, waiting for a core), to read a slow window by.</summary>
    public MachineWindow? Machine { get; init; }

    /// <summary>Garbage collections in the window, and their pauses summed: every turn in flight waits a pause out.</summary>
    public int Collections { get; init; }

    public double GcPauseMs { get; init; }

    public double CommitsPerTurn => Commits is null || Turns == 0 ? double.NaN : (double)Commits.Value / Turns;

    public double AllocatedBytesPerTurn => Turns == 0 ? double.NaN : (double)AllocatedBytes / Turns;

    public double TurnsPerSecond => Turns / Elapsed.TotalSeconds;

    public double Percentile(double p) =>
        SortedLatenciesMs.Length == 0 ? double.NaN : SortedLatenciesMs[Math.Clamp((int)Math.Ceiling(p / 100 * SortedLatenciesMs.Length) - 1, 0, SortedLatenciesMs.Length - 1)];

    public double CpuMsPerTurn => Turns == 0 ? double.NaN : CpuMs / Turns;

    public double AllocatedKbPerTurn => Turns == 0 ? double.NaN : AllocatedBytes / 1024.0 / Turns;

    public static void PrintTable(IReadOnlyList<LoadResult> results, TextWriter output)
    {
        output.WriteLine($"{"scenario",-40} {"turns",7} {"turns/s",8} {"p50 ms",7} {"p95 ms",7} {"p99 ms",7} {"CPU ms/turn",11} {"commits/turn",12} {"alloc B/turn",12} {"peak WS MB",10} {"gen2 GCs",8} {"errors",6} {"replies",7} {"carousels",9} {"JIT ms",6} {"GCs",5} {"GC pause ms",11}");
        foreach (var r in results)
        {
            output.WriteLine(
                $"{r.Label,-40} {r.Turns,7} {r.TurnsPerSecond,8:F0} {r.Percentile(50),7:F1} {r.Percentile(95),7:F1} {r.Percentile(99),7:F1} " +
                $"{r.CpuMsPerTurn,11:F2} {r.CommitsPerTurn,12:F2} {r.AllocatedBytesPerTurn,12:F0} {r.PeakWorkingSetBytes / 1048576.0,10:F0} " +
                $"{r.Gen2Collections,8} {r.Errors,6} {r.Replies,7} {r.Carousels,9} {r.JitMs,6:F0} {r.Collections,5} {r.GcPauseMs,11:F0}");
        }
    }
}
