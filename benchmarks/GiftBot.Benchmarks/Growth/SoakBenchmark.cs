using System.Diagnostics;
using System.Runtime.InteropServices;

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
        await using var host = await GrowthHost.StartAsync(store, catalog?.DatabasePath);
        if (options.Scale > 0)
        {
            await new GrowthSeeder(host.Services, options.Provider, output).SeedAsync(options);
            await store.SettleAsync();
        }

        // Each minute is one measuring window of the load driver (which starts it with a full GC, so memory is read from the same point).
        var minute = new BenchmarkOptions(options.Connections, [options.Connections], 60, 0, "turns", "Full", 0, 0);
        var minutes = new List<SoakMinute>();
        var errors = 0;
        output.WriteLine($"{"minute",6} {"turns/s",8} {"p50 ms",7} {"p99 ms",7} {"resident MB",11} {"GC heap MB",10} {"carousels",9} {"errors",6}");
        var clock = Stopwatch.StartNew();
        for (var i = 1; i <= options.Minutes; i++)
        {
            var result = await LoadDriver.RunAsync($"minute {i}", [host.Address], GrowthBenchmark.NewShopper, minute, options.Connections, host.Commits);
            var row = new SoakMinute(i, result.TurnsPerSecond, result.Percentile(99), result.PeakWorkingSetBytes / 1048576.0, result.PeakGcHeapBytes / 1048576.0);
            minutes.Add(row);
            errors += result.Errors;
            output.WriteLine($"{i,6} {row.TurnsPerSecond,8:F0} {result.Percentile(50),7:F1} {row.P99Ms,7:F1} {row.ResidentMb,11:F0} {row.GcHeapMb,10:F0} {result.Carousels,9} {result.Errors,6}");
        }

        var verdict = SoakVerdict.Of(minutes);
        output.WriteLine();
        output.WriteLine(LoadDriver.MeasuredProcess);
        output.WriteLine($"ran {clock.Elapsed.TotalMinutes:F1} min; resident memory and GC heap are each minute's peak; the first {verdict.WarmupMinutes} min are warm-up");
        output.WriteLine($"throughput per minute after warm-up: min {verdict.MinTurnsPerSecond:F0}, max {verdict.MaxTurnsPerSecond:F0} turns/s, spread (max/min - 1) {verdict.SpreadPercent:F1} % " +
            $"({(verdict.SpreadPercent <= 10 ? "flat: within 10 %" : "NOT flat: over 10 %")})");
        output.WriteLine($"resident memory over the last {verdict.TrendMinutes} min: slope {verdict.ResidentSlopeMbPerMinute:+0.00;-0.00} MB/min " +
            $"({verdict.ResidentSlopeMbPerMinute * verdict.TrendMinutes:+0;-0} MB over the window, mean {verdict.MeanResidentMb:F0} MB); GC heap slope {verdict.GcHeapSlopeMbPerMinute:+0.00;-0.00} MB/min");
        output.WriteLine($"p99 per minute after warm-up: min {verdict.MinP99Ms:F1} ms, max {verdict.MaxP99Ms:F1} ms");
        return errors == 0 && minutes.All(m => m.TurnsPerSecond > 0) ? 0 : 1;
    }
}

public sealed record SoakMinute(int Minute, double TurnsPerSecond, double P99Ms, double ResidentMb, double GcHeapMb);

/// <summary>What a soak's minutes say: throughput spread after warm-up, and the memory trend (least squares) over the last minutes.</summary>
public sealed record SoakVerdict(
    int WarmupMinutes, int TrendMinutes, double MinTurnsPerSecond, double MaxTurnsPerSecond, double SpreadPercent,
    double ResidentSlopeMbPerMinute, double GcHeapSlopeMbPerMinute, double MeanResidentMb, double MinP99Ms, double MaxP99Ms)
{
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
            window.Average(m => m.ResidentMb), window.Min(m => m.P99Ms), window.Max(m => m.P99Ms));
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
