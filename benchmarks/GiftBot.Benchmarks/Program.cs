using System.Runtime.InteropServices;

namespace GiftBot.Benchmarks;

/// <summary>
/// dotnet run -c Release --project benchmarks/GiftBot.Benchmarks -- [--connections 16,64] [--seconds 10] [--warmup 5]
///   [--scenario all|turns|messenger] [--synchronous Full|Normal] [--rate 500] [--burst-seconds 10]
///   [--provider sqlite|postgres] [--instances 1]
/// dotnet run -c Release --project benchmarks/GiftBot.Benchmarks -- growth|soak ... (see Growth/GrowthBenchmark.cs, Growth/SoakBenchmark.cs)
/// (An explicit class: the host's own top-level Program is the one WebApplicationFactory starts.)
/// </summary>
public static class LoadBenchmark
{
    private const string Usage = "usage: GiftBot.Benchmarks [--connections 16,64] [--seconds 10] [--warmup 5] [--scenario all|turns|messenger] [--synchronous Full|Normal] [--rate 500] [--burst-seconds 10] [--provider sqlite|postgres] [--instances 1]\n" + Growth.GrowthOptions.Usage;

    private static AllocationSampler? Allocations;

    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "growth": return await Growth.GrowthBenchmark.RunAsync(args[1..], Console.Out);
            case "soak": return await Growth.SoakBenchmark.RunAsync(args[1..], Console.Out);
            case ShopperLoad.Mode: return await ShopperLoad.RunAsync(args[1..]);
            case MessengerBurst.SenderMode: return await MessengerBurst.RunSenderAsync(args[1..]);
            case MessengerBurst.GraphMode: return await MessengerBurst.RunGraphAsync();
        }

        BenchmarkOptions options;
        try { options = BenchmarkOptions.Parse(args); }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        Console.WriteLine($"GiftBot load benchmark: {string.Join(" and ", options.ConnectionCounts)} concurrent conversations, {options.WarmupSeconds} s warm-up + {options.Seconds} s measured per scenario, Storage:Synchronous={options.Synchronous}");
        Console.WriteLine(options.PostgresConnectionString is null
            ? $"Storage: SQLite, {options.Instances} instance(s){(options.Instances > 1 ? " on one shared database file" : "")}"
            : $"Storage: PostgreSQL {PostgresTarget(options.PostgresConnectionString)}, {options.Instances} instance(s) on one database");
        if (options.Instances > 1) Console.WriteLine("Each turn of a conversation goes to the next instance, as a round-robin load balancer would send it.");
        Console.WriteLine($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, server GC: {System.Runtime.GCSettings.IsServerGC}");
#if DEBUG
        Console.WriteLine("WARNING: Debug build; run with -c Release for figures worth quoting.");
#endif

        var ok = true;
        using var allocations = Environment.GetEnvironmentVariable("GIFTBOT_BENCH_ALLOCATIONS") == "1" ? new AllocationSampler() : null;
        Allocations = allocations;
        if (options.RunsTurns)
        {
            var results = new List<LoadResult>();
            foreach (var connections in options.ConnectionCounts)
            {
                await using (var bare = await BareEchoHost.StartAsync())
                    results.Add(await MeasureAsync($"bare Bot Framework echo, {connections} conv", [bare.Address], null, ConversationScript.Echo, options, connections));
                results.Add(await RunAsync($"GiftBot pipeline, echo dialog, {connections} conv", HostedBot.EchoDialog, ConversationScript.Echo, options, connections));
                results.Add(await RunAsync($"gift finder (5-turn conv), {connections} conv", HostedBot.GiftBot, ConversationScript.GiftFinder, options, connections));
            }

            Console.WriteLine();
            allocations?.Print(Console.Out);
            LoadResult.PrintTable(results, Console.Out);
            Console.WriteLine();
            foreach (var connections in options.ConnectionCounts)
            {
                var bare = results.First(r => r.Label.StartsWith("bare", StringComparison.Ordinal) && r.Label.EndsWith($", {connections} conv", StringComparison.Ordinal));
                var finder = results.First(r => r.Label.StartsWith("gift finder", StringComparison.Ordinal) && r.Label.EndsWith($", {connections} conv", StringComparison.Ordinal));
                Console.WriteLine($"{connections} conversations: gift finder throughput is {100 * finder.TurnsPerSecond / bare.TurnsPerSecond:F0} % of the bare echo's");
            }

            Console.WriteLine("Latency = POST /api/messages round trip (the turn, including its replies to the connector stand-in).");
            Console.WriteLine(LoadDriver.MeasuredProcess + " Commits are the bot database's write transactions.");
            ok &= results.All(r => r.Turns > 0 && r.Errors == 0);
        }

        if (options.RunsMessenger)
        {
            Console.WriteLine();
            ok &= await MessengerBurst.RunAsync(options, Console.Out);
        }

        return ok ? 0 : 1;
    }

    /// <summary>Starts <c>--instances</c> hosts of <paramref name="bot"/> on the chosen store, measures them, stops them.</summary>
    private static async Task<LoadResult> RunAsync(string label, HostedBot bot, ConversationScript script, BenchmarkOptions options, int connections)
    {
        await using var instances = BotInstances.Start(bot, options);
        return await MeasureAsync(label, instances.Addresses, () => instances.Commits, script, options, connections);
    }

    private static async Task<LoadResult> MeasureAsync(string label, IReadOnlyList<Uri> addresses, Func<long>? commits, ConversationScript script, BenchmarkOptions options, int connections)
    {
        Console.Write($"running {label} ... ");
        if (Allocations is not null) Allocations.Enabled = label.StartsWith("gift finder", StringComparison.Ordinal);
        var result = await LoadDriver.RunAsync(label, addresses, script, options, connections, commits);
        Console.WriteLine($"{result.TurnsPerSecond:F0} turns/s");
        return result;
    }

    /// <summary>Host, port and database of a connection string, for the header (never the password).</summary>
    private static string PostgresTarget(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }
}
