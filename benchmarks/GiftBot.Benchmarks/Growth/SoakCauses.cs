using GiftBot.Storage.Sqlite;

namespace GiftBot.Benchmarks.Growth;

/// <summary>
/// What may explain one soak minute's throughput: what a turn cost the bot host in CPU, what the machine was doing besides
/// (idle, steal, other processes' cores, tasks waiting for a core or for I/O), GC pauses, disk writes, the store's commits
/// and WAL checkpoints, and the retention runs. A minute that is slow because the bot did more work per turn shows it in
/// CPU per turn or in the store's columns; one that is slow because the machine was busy shows it in the machine's; one
/// where the same fixed work took longer (<see cref="MachineSpeedProbe"/>) ran on a slower machine.
/// </summary>
public sealed record SoakCauses(
    int Turns, double HostCpuMs, MachineWindow? Machine, int Gen2Collections, SqliteWriteStatistics Writes, double RetentionMs, double RetentionLongestMs,
    double CoreProbeUs, double MemoryProbeUs)
{
    public double CpuMsPerTurn => Turns == 0 ? double.NaN : HostCpuMs / Turns;

    /// <summary>Cores the bot host kept busy on average.</summary>
    public double HostCores => Machine is null || Machine.ElapsedMs <= 0 ? 0 : HostCpuMs / Machine.ElapsedMs;

    public static SoakCauses Of(
        LoadResult result, SqliteWriteStatistics writes, double retentionMs, double retentionLongestMs, (double CoreMicroseconds, double MemoryMicroseconds) speed) =>
        new(result.Turns, result.CpuMs, result.Machine, result.Gen2Collections, writes, retentionMs, retentionLongestMs, speed.CoreMicroseconds, speed.MemoryMicroseconds);

    public const string Legend =
        "why: host CPU ms per turn and cores it used, driver (shoppers) CPU ms per turn; the machine in the minute: idle % and steal % of all cores, cores other processes used, " +
        "% of the time some task waited for a core (cpuW) or for I/O (ioW); host GC pause ms and gen2 GCs; MB the host wrote to disk; SQLite: average COMMIT ms and commits >= 20 ms, " +
        "background checkpoints (count, ms) and blocking RESTARTs (count, ms, writers wait); retention runs' total and longest ms; " +
        "evicted file pages read back per turn and major page faults in the minute (the machine's); after the minute, with no shopper talking, the CPU µs of a fixed " +
        "piece of arithmetic (core) and of 200,000 dependent reads over 64 MB (mem): the machine's own speed.";

    public static string Header =>
        $"{"why",6} {"cpu/t",5} {"cores",5} {"drv/t",5} | {"idle%",5} {"steal%",6} {"others",6} {"cpuW%",5} {"ioW%",5} | {"gcPause",7} {"gen2",4} {"diskMB",6} | " +
        $"{"commitMs",8} {"slow",4} {"ckpt",4} {"ckptMs",6} {"block",5} {"blockMs",7} | {"retMs",6} {"retMax",6} | {"rflt/t",6} {"majflt",6} {"coreUs",6} {"memUs",6}";

    public string Row(int minute)
    {
        var m = Machine ?? new MachineWindow(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        var w = Writes;
        return $"{minute,6} {CpuMsPerTurn,5:F2} {HostCores,5:F2} {(Turns == 0 ? 0 : m.DriverCpuMs / Turns),5:F2} | " +
            $"{m.IdlePercent,5:F1} {m.StealPercent,6:F1} {m.OtherCores,6:F2} {m.CpuWaitPercent,5:F0} {m.IoWaitPercent,5:F1} | " +
            $"{m.GcPauseMs,7:F0} {Gen2Collections,4} {m.WriteBytes / 1048576.0,6:F0} | " +
            $"{(w.Commits == 0 ? 0 : w.CommitMilliseconds / w.Commits),8:F2} {w.SlowCommits,4} {w.Checkpoints,4} {w.CheckpointMilliseconds,6:F0} {w.BlockingCheckpoints,5} {w.BlockingCheckpointMilliseconds,7:F0} | " +
            $"{RetentionMs,6:F0} {RetentionLongestMs,6:F0} | " +
            $"{(Turns == 0 ? 0 : (double)m.FileRefaults / Turns),6:F2} {m.MajorFaults,6} {CoreProbeUs,6:F0} {MemoryProbeUs,6:F0}";
    }

    /// <summary>
    /// Pearson correlation of each minute's throughput with each cause over the trend window, strongest first: which
    /// columns moved with the slow and fast minutes (a correlation, not a proof; with few minutes read it as a hint).
    /// </summary>
    public static void PrintCorrelations(IReadOnlyList<SoakMinute> window, TextWriter output)
    {
        if (window.Count < 3) return;
        var causes = new (string Name, Func<SoakCauses, double> Value)[]
        {
            ("host CPU ms/turn", c => c.CpuMsPerTurn),
            ("other processes' cores", c => c.Machine?.OtherCores ?? 0),
            ("steal %", c => c.Machine?.StealPercent ?? 0),
            ("idle %", c => c.Machine?.IdlePercent ?? 0),
            ("waiting for a core %", c => c.Machine?.CpuWaitPercent ?? 0),
            ("waiting for I/O %", c => c.Machine?.IoWaitPercent ?? 0),
            ("driver CPU ms/turn", c => c.Turns == 0 ? 0 : (c.Machine?.DriverCpuMs ?? 0) / c.Turns),
            ("GC pause ms", c => c.Machine?.GcPauseMs ?? 0),
            ("checkpoint ms", c => c.Writes.CheckpointMilliseconds),
            ("blocking checkpoint ms", c => c.Writes.BlockingCheckpointMilliseconds),
            ("commits >= 20 ms", c => c.Writes.SlowCommits),
            ("retention ms", c => c.RetentionMs),
            ("file pages read back", c => c.Machine?.FileRefaults ?? 0),
            ("major faults", c => c.Machine?.MajorFaults ?? 0),
            ("machine probe: core µs", c => c.CoreProbeUs),
            ("machine probe: memory µs", c => c.MemoryProbeUs),
        };
        var throughput = window.Select(m => m.TurnsPerSecond).ToArray();
        var ranked = causes
            .Select(c => (c.Name, R: Pearson(throughput, [.. window.Select(m => c.Value(m.Causes))])))
            .Where(c => !double.IsNaN(c.R))
            .OrderByDescending(c => Math.Abs(c.R));
        output.WriteLine("throughput per minute after warm-up moved with (Pearson r over those minutes, strongest first): " +
            string.Join(", ", ranked.Select(c => $"{c.Name} {c.R:+0.00;-0.00}")));
        var perCpu = window.Select(m => 1000 / m.Causes.CpuMsPerTurn).ToArray();
        output.WriteLine($"turns per second of host CPU after warm-up (the bot's own cost, whatever the machine left it): min {perCpu.Min():F0}, max {perCpu.Max():F0}, " +
            $"spread {100 * (perCpu.Max() / perCpu.Min() - 1):F1} %; cores left to the host and driver (2 less others, less steal): " +
            $"min {window.Min(m => Available(m.Causes)):F2}, max {window.Max(m => Available(m.Causes)):F2}");
        foreach (var (name, probe) in new (string, Func<SoakCauses, double>)[] { ("core", c => c.CoreProbeUs), ("memory", c => c.MemoryProbeUs) })
        {
            // CPU per turn in units of the probe's time: if the machine alone got slower, this stays flat while CPU ms per turn moves.
            var work = window.Select(m => m.Causes.CpuMsPerTurn / probe(m.Causes)).Where(double.IsFinite).ToArray();
            if (work.Length < 3) continue;
            output.WriteLine($"host CPU per turn over the {name} probe's time: spread {100 * (work.Max() / work.Min() - 1):F1} % " +
                $"(CPU ms per turn alone: {100 * (window.Max(m => m.Causes.CpuMsPerTurn) / window.Min(m => m.Causes.CpuMsPerTurn) - 1):F1} %)");
        }
    }

    private static double Available(SoakCauses c) =>
        c.Machine is null ? double.NaN : Environment.ProcessorCount * (1 - c.Machine.StealPercent / 100) - c.Machine.OtherCores;

    private static double Pearson(double[] x, double[] y)
    {
        var (mx, my) = (x.Average(), y.Average());
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }
}
