using System.Runtime.InteropServices;

namespace GiftBot.Benchmarks;

/// <summary>
/// dotnet run -c Release --project benchmarks/GiftBot.Benchmarks -- [--connections 16] [--seconds 10] [--warmup 5] [--scenario echo|giftfinder|both]
/// (An explicit class: the host's own top-level Program is the one WebApplicationFactory starts.)
/// </summary>
public static class LoadBenchmark
{
    private const string Usage = "usage: GiftBot.Benchmarks [--connections 16] [--seconds 10] [--warmup 5] [--scenario echo|giftfinder|both] [--provider sqlite|postgres] [--instances 1]";

    public static async Task<int> Main(string[] args)
    {
        BenchmarkOptions options;
        try { options = BenchmarkOptions.Parse(args); }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        Console.WriteLine($"GiftBot load benchmark: {options.Connections} concurrent conversations, {options.WarmupSeconds} s warm-up + {options.Seconds} s measured per scenario");
        Console.WriteLine($"Storage: {options.Provider}, {options.Instances} instance(s) on this machine{(options.Instances > 1 ? ", each turn sent to the next instance as a round-robin load balancer would" : "")}");
        Console.WriteLine($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, server GC: {System.Runtime.GCSettings.IsServerGC}");
#if DEBUG
        Console.WriteLine("WARNING: Debug build; run with -c Release for figures worth quoting.");
#endif

        await using var connector = await ConnectorStandIn.StartAsync();
        var results = new List<LoadResult>();
        if (options.RunsEcho)
        {
            results.Add(await RunScenarioAsync("echo", new(EchoBot: true), ConversationScript.Echo, connector, options));
            results.Add(await RunScenarioAsync("echo, contract-resolver fix off", new(EchoBot: true, ShareContractResolver: false), ConversationScript.Echo, connector, options));
            results.Add(await RunScenarioAsync("echo, both fixes off (stock)", new(EchoBot: true, ShareContractResolver: false, DeferUserTokenClient: false), ConversationScript.Echo, connector, options));
        }
        if (options.RunsGiftFinder)
            results.Add(await RunScenarioAsync("gift finder (5-turn conversations)", new(EchoBot: false), ConversationScript.GiftFinder, connector, options));

        Console.WriteLine();
        LoadResult.PrintTable(results, Console.Out);
        Console.WriteLine();
        Console.WriteLine("Latency = POST /api/messages round trip (the turn, including its replies to the connector stand-in).");
        Console.WriteLine("CPU, allocations and memory are the whole process's (host + load driver + stand-in); peaks carry over between scenarios run in order.");
        return results.Any(r => r.Turns == 0 || r.Errors > 0) ? 1 : 0;
    }

    private sealed record HostVariant(bool EchoBot, bool ShareContractResolver = true, bool DeferUserTokenClient = true);

    private static async Task<LoadResult> RunScenarioAsync(string label, HostVariant host, ConversationScript script, ConnectorStandIn connector, BenchmarkOptions options)
    {
        Console.Write($"running {label} ... ");
        var postgres = options.Provider == "postgres" ? Environment.GetEnvironmentVariable("ConnectionStrings__GiftBot") : null;
        var sharedState = options.Instances > 1 && postgres is null
            ? Path.Combine(Path.GetTempPath(), "giftbot-bench", Guid.NewGuid().ToString("N"), "giftbot.db")
            : null;
        var bots = Enumerable.Range(0, options.Instances)
            .Select(_ => new BotUnderLoad(host.EchoBot, host.ShareContractResolver, host.DeferUserTokenClient, sharedState, postgres)).ToList();
        LoadResult result;
        try
        {
            var addresses = bots.Select(bot => bot.Start()).ToArray();
            result = await LoadDriver.RunAsync(label, addresses, connector, script, options);
        }
        finally
        {
            foreach (var bot in bots) await bot.DisposeAsync();
        }
        Console.WriteLine($"{result.TurnsPerSecond:F0} turns/s");
        return result;
    }
}
