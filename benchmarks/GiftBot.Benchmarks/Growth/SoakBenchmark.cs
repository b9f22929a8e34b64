using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Benchmarks.Growth;

/// <summary>
/// dotnet run -c Release --project benchmarks/GiftBot.Benchmarks -- soak [--provider sqlite|postgres] [--minutes 30] [--scale 0]
/// New-shopper load (<see cref="GrowthBenchmark.NewShopper"/>) on the real host for --minutes, one line per minute (turns/s,
/// p99, resident memory, GC heap), then whether throughput stayed flat (max/min per minute) and memory did not creep
/// (least-squares slope of resident memory over the last two thirds of the run, at most the last 20 minutes).
/// With --scale N the store is first seeded as in the growth benchmark (and the catalog has N products).
/// </summary>
public static class SoakBenchmark
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        GrowthOptions options;
        try { options = GrowthOptions.Parse(args, defaultScale: 0); }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            Console.Error.WriteLine(GrowthOptions.Usage);
            return 2;
        }

        output.WriteLine($"GiftBot soak: {options.Provider}, new-shopper load at {options.Connections} concurrent conversations for {options.Minutes} min" +
            (options.Scale > 0 ? $", store seeded with {options.Customers:N0} customers and {options.Products:N0} products" : ", empty store, bundled catalog"));
        output.WriteLine($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, server GC: {System.Runtime.GCSettings.IsServerGC}");
#if DEBUG
        output.WriteLine("WARNING: Debug build; run with -c Release for figures worth quoting.");
#endif
        using var catalog = options.Scale > 0 ? await GrowthCatalog.ImportAsync(options.Products, output) : null;
        await using var store = await GrowthDatabase.CreateAsync(options.Provider, "soak");
        // Retention runs every minute here (the shipped default is hourly) so pruning and roll-up are seen running under load.
        var retention = new ObservedRetention();
        await using var host = await GrowthHost.StartAsync(store, catalog?.DatabasePath,
            new Dictionary<string, string?> { ["Storage:RetentionInterval"] = "00:01:00" }, retention.Observe);
        if (options.Scale > 0)
        {
            await new GrowthSeeder(host.Services, options.Provider, output).SeedAsync(options);
            await store.AgeSeededRowsAsync(days: 10);
            output.WriteLine("  seeded dedup keys and funnel events moved 10 days into the past: retention prunes and rolls up that backlog under load");
            await store.SettleAsync();
        }

        var before = retention.TakeMinute();
        output.WriteLine($"retention before the load: {before.Runs} runs, longest {before.LongestMs:F0} ms, {before.DedupKeys} dedup keys removed, {before.FunnelEvents} funnel events rolled up");

        // Each minute is one measuring window of the load driver (which starts it with a full GC, so memory is read from the same point).
        var minute = new BenchmarkOptions(options.Connections, [options.Connections], 60, 0, "turns", "Full", 0, 0);
        var minutes = new List<SoakMinute>();
        var errors = 0;
        output.WriteLine("Memory columns are read at the end of each minute: rss anon/file/shmem (/proc/self/status), GC committed, SQLite's own heap");
        output.WriteLine("(sqlite3_memory_used), glibc malloc in use / kept free; db file size and its growth in the minute per new shopper (one turn each), WAL file size and KB written to the WAL in the minute per new shopper (4 KB pages); WAL frames written / copied back and WAL restarts so far;");
        output.WriteLine("write transactions committed, gen2 GCs and retention runs (count, longest ms) in the minute.");
        output.WriteLine("Each minute's second line says what may explain its throughput. " + SoakCauses.Legend);
        output.WriteLine($"{"minute",6} {"turns/s",7} {"p50",5} {"p99",6} {"peakRSS",7} {"gcHeap",6} | {"anon",5} {"file",5} {"shmem",5} {"gcComm",6} {"sqlite",6} {"malloc",6} {"mfree",5} {"thr",4} | " +
            $"{"dbMB",6} {"dbB/new",7} {"walMB",6} {"walKB/new",7} {"walFr",6} {"ckptFr",6} {"restart",7} {"commits",7} | {"gen2",4} {"ret",3} {"retMs",6} {"errors",6}");
        output.WriteLine(SoakCauses.Header);
        var sqlite = host.Services.GetService<GiftBot.Storage.Sqlite.SqliteDatabase>();
        var clock = Stopwatch.StartNew();
        var shoppers = 0L;
        for (var i = 1; i <= options.Minutes; i++)
        {
            var writesBefore = sqlite?.WriteStatistics ?? default;
            var result = await LoadDriver.RunAsync($"minute {i}", [host.Address], GrowthBenchmark.NewShopper, minute, options.Connections, host.Commits);
            var speed = MachineSpeedProbe.Measure();
            var databaseBefore = minutes.Count == 0 ? 0 : minutes[^1].Probe.DatabaseMb;
            var probe = SoakProbe.Read(store.SqlitePath);
            var writes = sqlite is null ? default : sqlite.WriteStatistics - writesBefore;
            var walKbPerShopper = 4.0 * writes.PagesWritten / Math.Max(1, result.Turns);
            shoppers += result.Turns;
            var jobs = retention.TakeMinute();
            var row = new SoakMinute(i, result.TurnsPerSecond, result.Percentile(99), result.PeakWorkingSetBytes / 1048576.0, result.PeakGcHeapBytes / 1048576.0,
                probe, result.Gen2Collections, jobs.Runs, SoakCauses.Of(result, writes, jobs.TotalMs, jobs.LongestMs, speed));
            minutes.Add(row);
            errors += result.Errors;
            output.WriteLine($"{i,6} {row.TurnsPerSecond,7:F0} {result.Percentile(50),5:F1} {row.P99Ms,6:F1} {row.ResidentMb,7:F0} {row.GcHeapMb,6:F0} | " +
                $"{probe.RssAnonMb,5:F0} {probe.RssFileMb,5:F0} {probe.RssShmemMb,5:F1} {probe.GcCommittedMb,6:F0} {probe.SqliteMb,6:F1} {probe.MallocUsedMb,6:F0} {probe.MallocFreeMb,5:F0} {probe.Threads,4} | " +
                $"{probe.DatabaseMb,6:F1} {1048576 * (probe.DatabaseMb - databaseBefore) / Math.Max(1, result.Turns),7:F0} {probe.WalMb,6:F1} {walKbPerShopper,7:F1} {probe.WalFrames,6} {probe.WalBackfilled,6} {probe.WalRestarts,7} {result.Commits,7} | " +
                $"{result.Gen2Collections,4} {jobs.Runs,3} {jobs.LongestMs,6:F0} {result.Errors,6}" +
                (jobs.DedupKeys + jobs.FunnelEvents > 0 ? $"  (retention: {jobs.DedupKeys} keys, {jobs.FunnelEvents} events)" : ""));
            output.WriteLine(row.Causes.Row(i));
        }

        var verdict = SoakVerdict.Of(minutes);
        output.WriteLine();
        output.WriteLine(LoadDriver.MeasuredProcess);
        output.WriteLine($"ran {clock.Elapsed.TotalMinutes:F1} min; resident memory and GC heap are each minute's peak; the first {verdict.WarmupMinutes} min are warm-up");
        output.WriteLine($"throughput per minute after warm-up: min {verdict.MinTurnsPerSecond:F0}, max {verdict.MaxTurnsPerSecond:F0} turns/s, spread (max/min - 1) {verdict.SpreadPercent:F1} % " +
            $"({(verdict.SpreadPercent <= 10 ? "flat: within 10 %" : "NOT flat: over 10 %")})");
        output.WriteLine($"resident memory over the last {verdict.TrendMinutes} min: slope {verdict.ResidentSlopeMbPerMinute:+0.00;-0.00} MB/min " +
            $"({verdict.ResidentSlopeMbPerMinute * verdict.TrendMinutes:+0;-0} MB over the window, mean {verdict.MeanResidentMb:F0} MB); GC heap slope {verdict.GcHeapSlopeMbPerMinute:+0.00;-0.00} MB/min");
        output.WriteLine($"throughput per minute after warm-up against the median minute ({verdict.MedianTurnsPerSecond:F0} turns/s): " +
            string.Join(" ", verdict.Window.Select(m => $"{m.Minute}:{100 * (m.TurnsPerSecond / verdict.MedianTurnsPerSecond - 1):+0.0;-0.0;0.0}%")) +
            $"; largest deviation {verdict.LargestDeviationPercent:F1} % ({(verdict.LargestDeviationPercent <= 10 ? "within 10 %" : "over 10 %")})");
        output.WriteLine($"p99 per minute after warm-up: min {verdict.MinP99Ms:F1} ms, max {verdict.MaxP99Ms:F1} ms");
        SoakCauses.PrintCorrelations(verdict.Window, output);
        var first = verdict.Window[0].Probe;
        var last = verdict.Window[^1].Probe;
        output.WriteLine($"over the trend window, slope MB/min: rss anon {Slope(verdict.Window, m => m.Probe.RssAnonMb):+0.00;-0.00}, file {Slope(verdict.Window, m => m.Probe.RssFileMb):+0.00;-0.00}, " +
            $"shmem {Slope(verdict.Window, m => m.Probe.RssShmemMb):+0.00;-0.00}, GC committed {Slope(verdict.Window, m => m.Probe.GcCommittedMb):+0.00;-0.00}, SQLite heap {Slope(verdict.Window, m => m.Probe.SqliteMb):+0.00;-0.00}, " +
            $"malloc in use {Slope(verdict.Window, m => m.Probe.MallocUsedMb):+0.00;-0.00}, malloc free {Slope(verdict.Window, m => m.Probe.MallocFreeMb):+0.00;-0.00}; " +
            $"WAL {first.WalMb:F1} -> {last.WalMb:F1} MB, database {first.DatabaseMb:F1} -> {last.DatabaseMb:F1} MB; gen2 GCs {verdict.Window.Sum(m => m.Gen2Collections)}, retention runs {verdict.Window.Sum(m => m.RetentionRuns)}");
        if (store.SqlitePath is not null) await StoreBreakdown.PrintAsync(store.SqlitePath, shoppers, output);
        if (store.ConnectionString is not null) await StoreBreakdown.PrintPostgresAsync(store.ConnectionString, shoppers, output);
        return errors == 0 && minutes.All(m => m.TurnsPerSecond > 0) ? 0 : 1;
    }

    private static double Slope(IReadOnlyList<SoakMinute> window, Func<SoakMinute, double> value) =>
        SoakVerdict.Slope(window.Select(m => ((double)m.Minute, value(m))).ToList());
}

public sealed record SoakMinute(int Minute, double TurnsPerSecond, double P99Ms, double ResidentMb, double GcHeapMb, SoakProbe Probe, int Gen2Collections, int RetentionRuns, SoakCauses Causes);

/// <summary>What a soak's minutes say: throughput spread after warm-up, and the memory trend (least squares) over the last minutes.</summary>
public sealed record SoakVerdict(
    int WarmupMinutes, int TrendMinutes, double MinTurnsPerSecond, double MaxTurnsPerSecond, double SpreadPercent,
    double ResidentSlopeMbPerMinute, double GcHeapSlopeMbPerMinute, double MeanResidentMb, double MinP99Ms, double MaxP99Ms,
    IReadOnlyList<SoakMinute> Window, double MedianTurnsPerSecond)
{
    /// <summary>The minute furthest from the median minute, in percent of the median (a second honest measure beside max/min).</summary>
    public double LargestDeviationPercent => MedianTurnsPerSecond > 0 ? Window.Max(m => Math.Abs(100 * (m.TurnsPerSecond / MedianTurnsPerSecond - 1))) : double.PositiveInfinity;

    /// <summary>The trend window is the last two thirds of the run, at most 20 minutes; what comes before it is warm-up.</summary>
    public static SoakVerdict Of(IReadOnlyList<SoakMinute> minutes)
    {
        ArgumentOutOfRangeException.ThrowIfZero(minutes.Count);
        var trendMinutes = Math.Max(1, Math.Min(20, minutes.Count * 2 / 3));
        var window = minutes.Skip(minutes.Count - trendMinutes).ToList();
        return new SoakVerdict(
            minutes.Count - trendMinutes, trendMinutes,
            window.Min(m => m.TurnsPerSecond), window.Max(m => m.TurnsPerSecond),
            window.Min(m => m.TurnsPerSecond) > 0 ? 100 * (window.Max(m => m.TurnsPerSecond) / window.Min(m => m.TurnsPerSecond) - 1) : double.PositiveInfinity,
            Slope(window.Select(m => ((double)m.Minute, m.ResidentMb)).ToList()),
            Slope(window.Select(m => ((double)m.Minute, m.GcHeapMb)).ToList()),
            window.Average(m => m.ResidentMb), window.Min(m => m.P99Ms), window.Max(m => m.P99Ms),
            window, Median(window.Select(m => m.TurnsPerSecond)));
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Least-squares slope of y over x (0 for fewer than two points).</summary>
    public static double Slope(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count < 2) return 0;
        var (meanX, meanY) = (points.Average(p => p.X), points.Average(p => p.Y));
        var denominator = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        return denominator == 0 ? 0 : points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / denominator;
    }
}
