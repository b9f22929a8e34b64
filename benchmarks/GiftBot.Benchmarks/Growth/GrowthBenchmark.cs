using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using GiftBot.Catalog;
using GiftBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Benchmarks.Growth;

/// <summary>
/// dotnet run -c Release --project benchmarks/GiftBot.Benchmarks -- growth [--provider sqlite|postgres] [--scale 100000]
/// Does the bot stay as fast when the shop has grown? Measures the new-shopper turn on an empty store, then seeds a store with
/// --scale customers, --scale products (meaning-based ranking on), 10 x --scale funnel events and 10 x --scale Messenger
/// dedup keys through the real stores, and measures, through the real host: the new-shopper and returning-shopper turns,
/// /api/catalog/recommend, the agents' waiting list and the store's size on disk.
/// With --only recommend it runs the recommend probe alone (the same catalog, host and requests; the store is not seeded
/// and no turns are measured first, neither of which recommend reads), to check the catalog in two minutes instead of eight.
/// </summary>
public static class GrowthBenchmark
{
    /// <summary>A new person's whole request in one sentence; the bot answers it with a carousel.</summary>
    public static ConversationScript NewShopper { get; } = new("new shopper", ["a birthday present for my 8 year old nephew who loves space, under 50 euros"]);

    private static readonly string[] Wishes = ["trucks", "fishing", "minecraft", "unicorns", "board games", "knitting", "photography", "football", "space rockets", "baking"];

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        GrowthOptions options;
        try
        {
            options = GrowthOptions.Parse(args, defaultScale: 100_000);
            if (options.Scale < 100) throw new ArgumentException("--scale must be at least 100 for the growth benchmark.");
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            Console.Error.WriteLine(GrowthOptions.Usage);
            return 2;
        }

        var total = Stopwatch.StartNew();
        output.WriteLine($"GiftBot growth benchmark: {options.Provider}, {options.Customers:N0} customers, {options.Products:N0} products, {options.FunnelEvents:N0} funnel events, {options.DedupKeys:N0} dedup keys");
        output.WriteLine($"{options.Connections} concurrent conversations, {options.WarmupSeconds} s warm-up + {options.Seconds} s measured per load ({options.Rounds} alternating rounds for the empty/grown comparison); {options.Queries} sequential requests per API probe");
        output.WriteLine($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, server GC: {System.Runtime.GCSettings.IsServerGC}");
#if DEBUG
        output.WriteLine("WARNING: Debug build; run with -c Release for figures worth quoting.");
#endif
        var load = new BenchmarkOptions(options.Connections, [options.Connections], options.Seconds, options.WarmupSeconds, "turns", "Full", 0, 0);
        using var catalog = await GrowthCatalog.ImportAsync(options.Products, output);

        // Both stores are served at once and measured in alternating windows, so drift in a shared machine's load hits both alike.
        await using var store = await GrowthDatabase.CreateAsync(options.Provider, "grown");
        await using var grown = await GrowthHost.StartAsync(store, catalog.DatabasePath);
        output.WriteLine($"grown store: {store.Describe()}");
        if (options.OnlyRecommend)
        {
            // In the full run the probe meets a host that has served minutes of turns; a fresh one still settles (tiered JIT,
            // the catalog's load just behind it), so one probe is run and thrown away first.
            await MeasureRecommendAsync(grown, options.Queries);
            var alone = await MeasureRecommendAsync(grown, options.Queries);
            output.WriteLine($"recommend (meaning on), {options.Products:N0} products, {alone.Requests} requests one at a time: p50 / p99 {alone.Percentile(50):F2} / {alone.Percentile(99):F2} ms (target p99 < 5 ms); errors {alone.Errors}");
            return alone.Errors == 0 ? 0 : 1;
        }

        await using var emptyStore = await GrowthDatabase.CreateAsync(options.Provider, "empty");
        await using var empty = await GrowthHost.StartAsync(emptyStore, catalog.DatabasePath);
        output.WriteLine($"empty store: {emptyStore.Describe()}");
        var seeding = Stopwatch.StartNew();
        await new GrowthSeeder(grown.Services, options.Provider, output).SeedAsync(options);
        await store.SettleAsync();
        await emptyStore.SettleAsync();
        seeding.Stop();
        output.WriteLine($"  seeded in {seeding.Elapsed.TotalSeconds:F0} s");

        // The process's first turns pay for JIT compilation and tiering: a window on each host first, not counted.
        output.Write("warming up both hosts (not measured) ... ");
        foreach (var host in new[] { empty, grown })
        {
            await LoadDriver.RunAsync("warm-up", [host.Address], NewShopper, load with { Seconds = Math.Max(10, 2 * options.WarmupSeconds) }, load.Connections);
        }

        output.WriteLine("done");
        var (emptyRuns, grownRuns) = (new List<LoadResult>(), new List<LoadResult>());
        for (var round = 1; round <= options.Rounds; round++)
        {
            // ABBA: each store goes first in every other round, so a drift in the machine's load favours neither.
            var order = round % 2 == 1 ? new[] { (empty, emptyRuns, "empty"), (grown, grownRuns, "grown") } : [(grown, grownRuns, "grown"), (empty, emptyRuns, "empty")];
            foreach (var (host, runs, name) in order)
            {
                runs.Add(await MeasureTurnsAsync($"new shopper, {name} store, round {round}", host, load, returningCustomers: null, output));
            }
        }

        var emptyTurns = Combine("new shopper, empty store", emptyRuns);
        var grownTurns = Combine("new shopper, grown store", grownRuns);
        var rounds = RoundRatios.Of(emptyRuns, grownRuns);
        var returningTurns = await MeasureTurnsAsync("returning shopper, grown store", grown, load, options.Customers, output);
        var recommend = await MeasureRecommendAsync(grown, options.Queries);
        var (waiting, waitingTotal) = await MeasureWaitingListAsync(grown, options.Queries);
        var everyone = await LatencyProbe.RunAsync("agents' list, everyone", grown.Address, _ => "api/agent/customers?pageSize=25", options.Queries / 4,
            new Dictionary<string, string> { ["X-Api-Key"] = GrowthHost.AgentApiKey });
        var size = await store.SizeBytesAsync();

        output.WriteLine();
        LoadResult.PrintTable([.. emptyRuns, .. grownRuns, emptyTurns, grownTurns, returningTurns], output);
        output.WriteLine();
        PrintSummary(output, options, emptyTurns, grownTurns, returningTurns, recommend, waiting, waitingTotal, everyone, size, catalog.SizeBytes);
        output.WriteLine(LoadDriver.MeasuredProcess);
        output.WriteLine();
        rounds.Print(output);
        output.WriteLine($"whole run: {total.Elapsed.TotalSeconds:F0} s (seeding {seeding.Elapsed.TotalSeconds:F0} s)");
        var ok = new[] { emptyTurns, grownTurns, returningTurns }.All(r => r.Turns > 0 && r.Errors == 0) && recommend.Errors == 0 && waiting.Errors == 0 && everyone.Errors == 0
            && waitingTotal == GrowthSeeder.WaitingCount(options.Customers);
        return ok ? 0 : 1;
    }

    // Known customers the bot still serves (a person waiting for an agent gets no bot answer), each in a new conversation.
    public static Func<string, int, string> ReturningShopper(int customers)
    {
        var counter = 0;
        return (_, _) =>
        {
            int index;
            do index = (int)((uint)(Interlocked.Increment(ref counter) * 7919) % (uint)customers);
            while (!GrowthSeeder.IsBotOwned(index));
            return GrowthSeeder.UserId(index);
        };
    }

    private static async Task<LoadResult> MeasureTurnsAsync(
        string label, GrowthHost host, BenchmarkOptions load, int? returningCustomers, TextWriter output)
    {
        output.Write($"running {label} ... ");
        var sqlite = host.Services.GetService<SqliteDatabase>();
        var writesBefore = sqlite?.WriteStatistics ?? default;
        var result = await LoadDriver.RunAsync(label, [host.Address], NewShopper, load, load.Connections, host.Commits, returningCustomers);
        output.WriteLine($"{result.TurnsPerSecond:F0} turns/s, p99 {result.Percentile(99):F1} ms, {result.Carousels} carousels in {result.Turns} turns");
        if (result.Machine is { } m)
        {
            // The machine in the window, to tell a slow window of the bot from a busy machine (see MachineCounters).
            output.WriteLine($"    host CPU {result.CpuMsPerTurn:F2} ms/turn, GC pauses {m.GcPauseMs:F0} ms; machine: other processes {m.OtherCores:F2} cores, " +
                $"steal {m.StealPercent:F1} %, idle {m.IdlePercent:F1} %, some task waiting for a core {m.CpuWaitPercent:F0} % / for I/O {m.IoWaitPercent:F0} % of the time; " +
                $"evicted file pages read back {m.FileRefaults}");
            var (core, memory) = MachineSpeedProbe.Measure();
            output.WriteLine($"    machine speed after the window (fixed work, thread CPU time): core {core:F0} µs, memory {memory:F0} µs");
        }

        // On PostgreSQL the SQLite database service exists too but writes nothing: no line of zeros.
        if (sqlite is not null && (sqlite.WriteStatistics - writesBefore) is { Commits: > 0 } writes) PrintWrites(output, writes);
        return result;
    }

    // Counts, not timings, are the evidence here: a shared machine moves latencies, not pages per commit. The window's warm-up
    // is included; a step is one write (a turn's unit of work, its transcript, an inbox operation).
    private static void PrintWrites(TextWriter output, SqliteWriteStatistics w)
    {
        double Per(double value, long count) => count == 0 ? 0 : value / count;
        output.WriteLine(
            $"    sqlite writes: {w.Commits} commits ({Per(w.Steps, w.Commits):F1} steps each), {Per(w.PagesWritten, w.Commits):F1} WAL pages/commit ({Per(w.PagesWritten, w.Steps):F2}/step), " +
            $"{Per(w.PagesRead, w.Steps):F2} pages/step read past the writer's cache, " +
            $"COMMIT avg {Per(w.CommitMilliseconds, w.Commits):F2} ms, {w.SlowCommits} commits >= {SqliteWriteStatistics.SlowCommitMilliseconds:F0} ms; " +
            $"background checkpoints {w.Checkpoints} (avg {Per(w.CheckpointMilliseconds, w.Checkpoints):F1} ms, WAL {Per(w.WalFramesAtCheckpoints, w.Checkpoints):F0} frames when they ran), " +
            $"blocking {w.BlockingCheckpoints} (avg {Per(w.BlockingCheckpointMilliseconds, w.BlockingCheckpoints):F1} ms)");
    }

    // Several measuring windows of one scenario read as one: turns, time and latencies added up, peaks the highest.
    private static LoadResult Combine(string label, IReadOnlyList<LoadResult> runs) => new(
        label, runs.Sum(r => r.Turns), runs.Sum(r => r.Errors), TimeSpan.FromTicks(runs.Sum(r => r.Elapsed.Ticks)),
        [.. runs.SelectMany(r => r.SortedLatenciesMs).Order()], runs.Sum(r => r.CpuMs), runs.Sum(r => r.AllocatedBytes), runs.Sum(r => r.Gen2Collections),
        runs.Max(r => r.PeakWorkingSetBytes), runs.Max(r => r.PeakGcHeapBytes), runs.Sum(r => r.Replies), runs.Sum(r => r.Carousels),
        runs.Any(r => r.Commits is null) ? null : runs.Sum(r => r.Commits!.Value));

    private static async Task<LatencyProbe.Result> MeasureRecommendAsync(GrowthHost host, int queries)
    {
        var themes = (await host.Services.GetRequiredService<IProductCatalog>().GetThemesAsync()).Select(t => t.Name).ToArray();
        var random = new Random(7);
        var paths = Enumerable.Range(0, queries).Select(_ =>
        {
            var query = new List<string> { "limit=5" };
            if (random.Next(10) != 0) query.Add($"age={random.Next(0, 100)}");
            if (random.Next(6) != 0) query.Add($"maxPrice={new[] { 15, 25, 40, 60, 120 }[random.Next(5)]}");
            if (random.Next(3) != 0) query.Add($"interests={Uri.EscapeDataString(themes[random.Next(themes.Length)])}");
            query.Add($"wish={Uri.EscapeDataString(Wishes[random.Next(Wishes.Length)])}");
            return "api/catalog/recommend?" + string.Join('&', query);
        }).ToArray();
        return await LatencyProbe.RunAsync("recommend (meaning on)", host.Address, i => paths[i % paths.Length], queries);
    }

    private static async Task<(LatencyProbe.Result Result, int Total)> MeasureWaitingListAsync(GrowthHost host, int queries)
    {
        var headers = new Dictionary<string, string> { ["X-Api-Key"] = GrowthHost.AgentApiKey };
        const string WaitingList = "api/agent/customers?status=waiting&pageSize=25";
        using var http = new HttpClient { BaseAddress = host.Address };
        http.DefaultRequestHeaders.Add("X-Api-Key", GrowthHost.AgentApiKey);
        using var page = JsonDocument.Parse(await http.GetStringAsync(WaitingList));
        var total = page.RootElement.GetProperty("total").GetInt32();
        return (await LatencyProbe.RunAsync("agents' waiting list", host.Address, _ => WaitingList, queries, headers), total);
    }

    private static void PrintSummary(
        TextWriter output, GrowthOptions options, LoadResult empty, LoadResult grown, LoadResult returning,
        LatencyProbe.Result recommend, LatencyProbe.Result waiting, int waitingTotal, LatencyProbe.Result everyone, long sizeBytes, long catalogBytes)
    {
        string Diff(double before, double after) => (after / before - 1).ToString("+0.0 %;-0.0 %;0.0 %", CultureInfo.InvariantCulture);
        var rows = new List<(string Measure, string Empty, string Grown, string Difference, string Target)>
        {
            ("new-shopper turn: turns/s", $"{empty.TurnsPerSecond:F0}", $"{grown.TurnsPerSecond:F0}", Diff(empty.TurnsPerSecond, grown.TurnsPerSecond), "within 10 %"),
            ("new-shopper turn: p50 ms", $"{empty.Percentile(50):F1}", $"{grown.Percentile(50):F1}", Diff(empty.Percentile(50), grown.Percentile(50)), ""),
            ("new-shopper turn: p99 ms", $"{empty.Percentile(99):F1}", $"{grown.Percentile(99):F1}", Diff(empty.Percentile(99), grown.Percentile(99)), "within 10 %"),
            ("new-shopper turn: carousels", $"{empty.Carousels}/{empty.Turns}", $"{grown.Carousels}/{grown.Turns}", "", "every turn"),
            ("returning-shopper turn: turns/s", "", $"{returning.TurnsPerSecond:F0}", "", ""),
            ("returning-shopper turn: p50 / p99 ms", "", $"{returning.Percentile(50):F1} / {returning.Percentile(99):F1}", "", ""),
            ("recommend: p50 / p99 ms", "", $"{recommend.Percentile(50):F2} / {recommend.Percentile(99):F2}", "", "p99 < 5 ms"),
            ($"waiting list ({waitingTotal:N0} waiting): p50 / p99 ms", "", $"{waiting.Percentile(50):F2} / {waiting.Percentile(99):F2}", "", "p99 < 50 ms"),
            ("agents' list, everyone, recent first: p50 / p99 ms", "", $"{everyone.Percentile(50):F2} / {everyone.Percentile(99):F2}", "", ""),
            ("bot store on disk", "", $"{sizeBytes / 1048576.0:F0} MB", "", ""),
            ("catalog (SQLite, with vectors)", "", $"{catalogBytes / 1048576.0:F0} MB", "", ""),
        };
        output.WriteLine($"{"measure",-52} {"empty store",12} {"grown store",16} {"difference",11} {"target",12}");
        foreach (var row in rows) output.WriteLine($"{row.Measure,-52} {row.Empty,12} {row.Grown,16} {row.Difference,11} {row.Target,12}");
        output.WriteLine($"grown store = {options.Customers:N0} customers, {options.Products:N0} products, {options.FunnelEvents:N0} funnel events, {options.DedupKeys:N0} dedup keys; " +
            "the empty store has the same catalog. Turn latency = POST /api/messages round trip at " + options.Connections + " concurrent conversations; API probes are one request at a time.");
        if (recommend.Errors + waiting.Errors + everyone.Errors > 0) output.WriteLine($"ERRORS: recommend {recommend.Errors}, waiting list {waiting.Errors}, everyone {everyone.Errors}");
        if (waitingTotal != GrowthSeeder.WaitingCount(options.Customers)) output.WriteLine($"ERROR: the waiting list reports {waitingTotal} people, {GrowthSeeder.WaitingCount(options.Customers)} were seeded waiting");
    }
}
