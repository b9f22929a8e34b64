using System.Diagnostics;
using System.Text;

namespace GiftBot.Benchmarks;

/// <summary>
/// Drives <see cref="BenchmarkOptions.Connections"/> shoppers at once through /api/messages, each running the script in
/// conversation after conversation, and measures only the turns that complete inside the measuring window (after the warm-up).
/// A turn's latency is the /api/messages round trip, which includes the bot's replies to the connector.
/// </summary>
public static class LoadDriver
{
    public static async Task<LoadResult> RunAsync(string label, IReadOnlyList<Uri> botAddresses, ConnectorStandIn connector, ConversationScript script, BenchmarkOptions options, int connections, Func<long>? commits = null)
    {
        options = options with { Connections = connections };
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var instances = botAddresses.Select(address => new Uri(address, "api/messages")).ToArray();
        var window = new MeasuringWindow();
        var runId = Guid.NewGuid().ToString("N")[..6];
        var workers = Enumerable.Range(0, options.Connections)
            .Select(worker => Task.Run(() => ShopperAsync(http, instances, connector.ServiceUrl, script, $"{runId}-{worker}", window)))
            .ToArray();

        await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds));
        GC.Collect();
        await using var sampler = new ProcessSampler();
        var before = ProcessSampler.Snapshot();
        var commitsBefore = commits?.Invoke();
        var (repliesBefore, carouselsBefore) = (connector.Replies, connector.Carousels);
        var clock = Stopwatch.StartNew();
        window.Open();
        await Task.Delay(TimeSpan.FromSeconds(options.Seconds));
        window.Close();
        var elapsed = clock.Elapsed;
        var after = ProcessSampler.Snapshot();
        var commitsAfter = commits?.Invoke();
        var (replies, carousels) = (connector.Replies - repliesBefore, connector.Carousels - carouselsBefore);

        var perWorker = await Task.WhenAll(workers);
        var latencies = perWorker.SelectMany(w => w.LatenciesMs).Order().ToArray();
        return new LoadResult(
            label, latencies.Length, perWorker.Sum(w => w.Errors), elapsed, latencies,
            (after.Cpu - before.Cpu).TotalMilliseconds, after.AllocatedBytes - before.AllocatedBytes, after.Gen2Collections - before.Gen2Collections,
            sampler.PeakWorkingSetBytes, sampler.PeakGcHeapBytes, replies, carousels, commitsAfter - commitsBefore);
    }

    private static async Task<(List<double> LatenciesMs, int Errors)> ShopperAsync(HttpClient http, Uri[] instances, string serviceUrl, ConversationScript script, string shopper, MeasuringWindow window)
    {
        var latencies = new List<double>(capacity: 4096);
        var errors = 0;
        var turn = 0;
        for (var conversation = 0; !window.IsClosed; conversation++)
        {
            // A new shopper per conversation, so the gift finder always runs the same questions (no returning-shopper offer).
            var (conversationId, userId) = ($"bench-{shopper}-{conversation}", $"shopper-{shopper}-{conversation}");
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
