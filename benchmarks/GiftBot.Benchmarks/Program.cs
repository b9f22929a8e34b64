using System.Runtime.InteropServices;

namespace GiftBot.Benchmarks;

/// <summary>
/// dotnet run -c Release --project benchmarks/GiftBot.Benchmarks -- [--connections 16,64] [--seconds 10] [--warmup 5]
///   [--scenario all|turns|messenger] [--synchronous Full|Normal] [--rate 500] [--burst-seconds 10]
/// dotnet run -c Release --project benchmarks/GiftBot.Benchmarks -- growth|soak ... (see Growth/GrowthBenchmark.cs, Growth/SoakBenchmark.cs)
/// (An explicit class: the host's own top-level Program is the one WebApplicationFactory starts.)
/// </summary>
public static class LoadBenchmark
{
    private const string Usage = "usage: GiftBot.Benchmarks [--connections 16,64] [--seconds 10] [--warmup 5] [--scenario all|turns|messenger] [--synchronous Full|Normal] [--rate 500] [--burst-seconds 10]\n" + Growth.GrowthOptions.Usage;

    private static AllocationSampler? Allocations;

    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "growth": return await Growth.GrowthBenchmark.RunAsync(args[1..], Console.Out);
            case "soak": return await Growth.SoakBenchmark.RunAsync(args[1..], Console.Out);
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
        Console.WriteLine($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, server GC: {System.Runtime.GCSettings.IsServerGC}");
#if DEBUG
        Console.WriteLine("WARNING: Debug build; run with -c Release for figures worth quoting.");
#endif

        var ok = true;
        using var allocations = Environment.GetEnvironmentVariable("GIFTBOT_BENCH_ALLOCATIONS") == "1" ? new AllocationSampler() : null;
        Allocations = allocations;
        if (options.RunsTurns)
        {
            await using var connector = await ConnectorStandIn.StartAsync();
            var results = new List<LoadResult>();
            var storage = new Dictionary<string, string?> { ["Storage:Synchronous"] = options.Synchronous };
            foreach (var connections in options.ConnectionCounts)
            {
                await using (var bare = await BareEchoHost.StartAsync())
                    results.Add(await RunAsync($"bare Bot Framework echo, {connections} conv", () => Task.FromResult<(Uri, Func<long>?)>((bare.Address, null)), ConversationScript.Echo, connector, options, connections));
                await using (var echo = new BotUnderLoad(HostedBot.EchoDialog, storage))
                    results.Add(await RunAsync($"GiftBot pipeline, echo dialog, {connections} conv", () => Task.FromResult<(Uri, Func<long>?)>((echo.Start(), () => echo.Commits)), ConversationScript.Echo, connector, options, connections));
                await using (var giftFinder = new BotUnderLoad(HostedBot.GiftBot, storage))
                    results.Add(await RunAsync($"gift finder (5-turn conv), {connections} conv", () => Task.FromResult<(Uri, Func<long>?)>((giftFinder.Start(), () => giftFinder.Commits)), ConversationScript.GiftFinder, connector, options, connections));
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
            Console.WriteLine("CPU and allocations are the whole process's (host + load driver + stand-in); commits are the bot database's write transactions.");
            ok &= results.All(r => r.Turns > 0 && r.Errors == 0);
        }

        if (options.RunsMessenger)
        {
            Console.WriteLine();
            ok &= await MessengerBurst.RunAsync(options, Console.Out);
        }

        return ok ? 0 : 1;
    }

    private static async Task<LoadResult> RunAsync(string label, Func<Task<(Uri Address, Func<long>? Commits)>> start, ConversationScript script, ConnectorStandIn connector, BenchmarkOptions options, int connections)
    {
        Console.Write($"running {label} ... ");
        if (Allocations is not null) Allocations.Enabled = label.StartsWith("gift finder", StringComparison.Ordinal);
        var (address, commits) = await start();
        var result = await LoadDriver.RunAsync(label, address, connector, script, options, connections, commits);
        Console.WriteLine($"{result.TurnsPerSecond:F0} turns/s");
        return result;
    }
}
