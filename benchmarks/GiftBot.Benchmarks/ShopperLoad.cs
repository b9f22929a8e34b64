using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace GiftBot.Benchmarks;

/// <summary>
/// The child side of <see cref="LoadDriver"/> (<c>GiftBot.Benchmarks drive ...</c>): the shoppers and the connector stand-in,
/// in their own process so the bot's process pays only for the bot. <see cref="BenchmarkOptions.Connections"/> shoppers at
/// once run the script through /api/messages in conversation after conversation; only the turns that complete inside the
/// measuring window count. Talks to the parent on stdout/stdin: "ready" after the warm-up, waits for "open", then
/// "closed" when the window ends and one "result {json}" line.
/// </summary>
public static class ShopperLoad
{
    public const string Mode = "drive";

    public static async Task<int> RunAsync(string[] args)
    {
        var request = DriveRequest.Parse(args);
        await using var connector = await ConnectorStandIn.StartAsync();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = request.Connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var instances = request.Bots.Select(address => new Uri(address, "api/messages")).ToArray();
        var userIdFor = request.ReturningCustomers is { } customers ? Growth.GrowthBenchmark.ReturningShopper(customers) : null;
        var window = new MeasuringWindow();
        var runId = Guid.NewGuid().ToString("N")[..6];
        var workers = Enumerable.Range(0, request.Connections)
            .Select(worker => Task.Run(() => ShopperAsync(http, instances, connector.ServiceUrl, request.Script, $"{runId}-{worker}", window, userIdFor)))
            .ToArray();

        await Task.Delay(TimeSpan.FromSeconds(request.WarmupSeconds));
        Console.Out.WriteLine("ready");
        if (await Console.In.ReadLineAsync() != "open")
        {
            window.Close();
            return 3; // the parent went away
        }

        var (repliesBefore, carouselsBefore) = (connector.Replies, connector.Carousels);
        var clock = Stopwatch.StartNew();
        window.Open();
        await Task.Delay(TimeSpan.FromSeconds(request.Seconds));
        window.Close();
        var elapsed = clock.Elapsed;
        Console.Out.WriteLine("closed");
        var (replies, carousels) = (connector.Replies - repliesBefore, connector.Carousels - carouselsBefore);

        var perWorker = await Task.WhenAll(workers);
        var result = new DriveResult(
            perWorker.Sum(w => w.Errors), elapsed.TotalMilliseconds, [.. perWorker.SelectMany(w => w.LatenciesMs).Order()], replies, carousels);
        Console.Out.WriteLine("result " + JsonSerializer.Serialize(result));
        return 0;
    }

    private static async Task<(List<double> LatenciesMs, int Errors)> ShopperAsync(
        HttpClient http, Uri[] instances, string serviceUrl, ConversationScript script, string shopper, MeasuringWindow window, Func<string, int, string>? userIdFor)
    {
        var latencies = new List<double>(capacity: 4096);
        var errors = 0;
        var turn = 0;
        for (var conversation = 0; !window.IsClosed; conversation++)
        {
            // By default a new shopper per conversation, so the gift finder always runs the same questions (no returning-shopper offer).
            var (conversationId, userId) = ($"bench-{shopper}-{conversation}", userIdFor?.Invoke(shopper, conversation) ?? $"shopper-{shopper}-{conversation}");
            foreach (var text in script.Turns)
            {
                if (window.IsClosed) break;
                var json = ConversationScript.ActivityJson(serviceUrl, conversationId, userId, text);
                var started = Stopwatch.GetTimestamp();
                // With several instances, consecutive turns of one conversation land on different instances, as behind a
                // round-robin load balancer: each turn reads the state the other instance wrote.
                var ok = await PostAsync(http, instances[turn++ % instances.Length], json);
                var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!window.IsOpen) continue;
                latencies.Add(latency);
                if (!ok) errors++;
            }
        }
        return (latencies, errors);
    }

    private static async Task<bool> PostAsync(HttpClient http, Uri messages, string json)
    {
        try
        {
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(messages, content);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private sealed class MeasuringWindow
    {
        private volatile int _state; // 0 warm-up, 1 measuring, 2 closed

        public bool IsOpen => _state == 1;
        public bool IsClosed => _state == 2;
        public void Open() => _state = 1;
        public void Close() => _state = 2;
    }
}

/// <summary>What the parent asks the driver process to run (its command line).</summary>
public sealed record DriveRequest(Uri[] Bots, ConversationScript Script, int Connections, int Seconds, int WarmupSeconds, int? ReturningCustomers)
{
    public IEnumerable<string> ToArguments()
    {
        yield return ShopperLoad.Mode;
        foreach (var bot in Bots) { yield return "--bot"; yield return bot.ToString(); }
        yield return "--script"; yield return Script.Name;
        yield return "--connections"; yield return Connections.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return "--seconds"; yield return Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return "--warmup"; yield return WarmupSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (ReturningCustomers is { } customers) { yield return "--returning-customers"; yield return customers.ToString(System.Globalization.CultureInfo.InvariantCulture); }
    }

    public static DriveRequest Parse(string[] args)
    {
        var request = new DriveRequest([], ConversationScript.Echo, 1, 1, 0, null);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            request = args[i] switch
            {
                "--bot" => request with { Bots = [.. request.Bots, new Uri(value)] },
                "--script" => request with { Script = ConversationScript.Named(value) },
                "--connections" => request with { Connections = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "--seconds" => request with { Seconds = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "--warmup" => request with { WarmupSeconds = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "--returning-customers" => request with { ReturningCustomers = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown drive option {args[i]}."),
            };
        }
        if (request.Bots.Length == 0) throw new ArgumentException("drive needs at least one --bot address.");
        return request;
    }
}

/// <summary>What the driver process measured inside its window; turns are the latencies' count.</summary>
public sealed record DriveResult(int Errors, double ElapsedMs, double[] SortedLatenciesMs, long Replies, long Carousels);
