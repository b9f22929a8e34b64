using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using GiftBot.Messenger.Webhook;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GiftBot.Benchmarks;

/// <summary>
/// Messenger burst: signed webhook events (one new shopper each, "hello") POSTed to /api/facebook at a fixed rate, open loop,
/// into the real host over the chosen store. Measures the acknowledgement latency, then how long after the burst every event
/// has been answered through a Send API stand-in, and checks each was answered exactly once (every shopper got the same
/// number of parts). The bot runs in this process; the sender and the stand-in each in a child (<see cref="RunSenderAsync"/>,
/// <see cref="RunGraphAsync"/>).
/// </summary>
public static class MessengerBurst
{
    private const string AppSecret = "bench-app-secret";
    private const string PageId = "1000001";

    public const string SenderMode = "messenger-sender";
    public const string GraphMode = "messenger-graph";

    public static async Task<bool> RunAsync(BenchmarkOptions options, TextWriter output)
    {
        // The sender and the Graph API stand-in run in child processes, as Meta does not run inside the bot: the CPU read
        // here is the bot host's alone, and an acknowledgement's latency is not the sender's own wait for a thread. Each has
        // a process of its own: in one, the stand-in's Send API calls (three per event) queued in the sender's thread pool
        // ahead of the acknowledgements it was timing, which Meta's sender, not serving the Send API, never sees.
        using var graph = DriverProcess.Start([GraphMode]);
        var graphBaseAddress = await graph.ExpectAsync("graph");
        using var sender = DriverProcess.Start([SenderMode, "--rate", Invariant(options.EventsPerSecond), "--seconds", Invariant(options.BurstSeconds), "--graph", graphBaseAddress]);
        var settings = options.StorageSettings();
        foreach (var (key, value) in new Dictionary<string, string?>
        {
            ["Facebook:AppId"] = "3000003",
            ["Facebook:AppSecret"] = AppSecret,
            ["Facebook:PageAccessToken"] = "bench-page-token",
            ["Facebook:VerifyToken"] = "bench-verify",
            ["Facebook:PageId"] = PageId,
            ["Facebook:GraphApiBaseUrl"] = graphBaseAddress,
            ["Facebook:Inbox:PollInterval"] = "00:00:00.050",
            ["Facebook:Inbox:Parallelism"] = "32",
        }) settings[key] = value;
        await using var bot = new BotUnderLoad(HostedBot.GiftBot, settings, AcknowledgementTimeline.Observe);
        await sender.SendAsync("bot " + bot.Start());
        // Like the turn scenarios (JitSettling), the burst is measured on a process that has been serving for a while: new
        // shoppers keep arriving at a fifth of the burst's rate until tiered compilation has settled. Twenty warm-up events
        // alone left about 2.8 s of JIT CPU inside the 10-s burst; a bot that has run for an hour has none.
        await sender.ExpectAsync("warming");
        await JitSettling.WaitAsync();
        await sender.SendAsync("settled");
        var warmUpEvents = await sender.ExpectAsync("warm");

        using var serverTimes = new ServerRequestTimes("/api/facebook");
        var commitsBefore = bot.Commits;
        var sqlite = settings.TryGetValue("Storage:Provider", out var provider) && provider == "Postgres" ? null : bot.Services.GetRequiredService<GiftBot.Storage.Sqlite.SqliteDatabase>();
        var writesBefore = sqlite?.WriteStatistics ?? default;
        var before = ProcessSampler.Snapshot();
        // Methods compiled (each tier counts): a count, so unlike JIT ms it does not grow when neighbours take the cores.
        var compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        serverTimes.Recording = true;
        await sender.SendAsync("burst");
        var result = System.Text.Json.JsonSerializer.Deserialize<BurstResult>(await sender.ExpectAsync("result"))
            ?? throw new InvalidOperationException("The Messenger sender sent an empty result.");
        serverTimes.Recording = false;
        var after = ProcessSampler.Snapshot();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - compiledBefore;
        var (gcs, gcPause) = (after.Collections - before.Collections, after.GcPause - before.GcPause);
        var commits = bot.Commits - commitsBefore;
        var writes = (sqlite?.WriteStatistics ?? default) - writesBefore;
        await sender.WaitForExitAsync();

        var total = result.Events;
        output.WriteLine($"Messenger burst: {total} signed events at {options.EventsPerSecond}/s for {options.BurstSeconds} s (sent in {result.SentSeconds:F1} s), Storage:Synchronous={options.Synchronous}, after {warmUpEvents} warm-up events until the JIT settled");
        output.WriteLine($"  acknowledgement ms: p50 {result.AckP50Ms:F1}  p99 {result.AckP99Ms:F1}  max {result.AckMaxMs:F1}  failed {result.Failures}");
        output.WriteLine($"    of which inside the bot host (ASP.NET Core's request duration, {serverTimes.Count} requests): p50 {serverTimes.Percentile(50):F1}  p99 {serverTimes.Percentile(99):F1}  max {serverTimes.Percentile(100):F1}");
        output.WriteLine($"    split on one clock, p50 / p99 ms: before the host's pipeline {result.BeforeHost}  in it {result.InHost} (durable enqueue {result.Enqueue})  after it {result.AfterHost}");
        output.WriteLine($"    the slowest 1 % ({result.SlowestCount}), mean ms: before {result.SlowestBeforeHost:F1}  in {result.SlowestInHost:F1} (enqueue {result.SlowestEnqueue:F1})  after {result.SlowestAfterHost:F1}");
        output.WriteLine(result.AllAnswered
            ? $"  every event answered {result.AnsweredSecondsAfterBurst:F2} s after the burst's end"
            : $"  NOT every event answered within 300 s after the burst ({result.EventsAnswered} of {total})");
        output.WriteLine($"  reply parts per event: expected {result.PartsPerEvent}, min {result.MinParts}, max {result.MaxParts} -> {(result.ExactlyOnce ? "exactly once" : "NOT exactly once")}");
        output.WriteLine($"  commits (fsyncs): {commits} for {total} events ({(double)commits / total:F2} per event); bot host CPU {(after.Cpu - before.Cpu).TotalMilliseconds / total:F2} ms per event, of which JIT {(after.JitTime - before.JitTime).TotalMilliseconds:F0} ms in all ({compiled} methods compiled; sender and Send API stand-in run in their own process)");
        // Every request in flight waits out a pause: with many pauses, they alone can make the acknowledgement's p99.
        output.WriteLine($"  garbage collections in the bot host: {gcs} ({gcPause.TotalMilliseconds:F0} ms paused in all, {(gcs == 0 ? 0 : gcPause.TotalMilliseconds / gcs):F1} ms each on average)");
        if (writes.Commits > 0)
            output.WriteLine($"  SQLite COMMIT (WAL append and fsync) avg {writes.CommitMilliseconds / writes.Commits:F2} ms, {writes.SlowCommits} of {writes.Commits} took >= {GiftBot.Storage.Sqlite.SqliteWriteStatistics.SlowCommitMilliseconds:F0} ms");
        return result.AllAnswered && result.ExactlyOnce && result.Failures == 0;
    }

    /// <summary>
    /// The child side (<c>GiftBot.Benchmarks messenger-sender --rate N --seconds S --graph URL</c>): reads "bot {url}"; sends 20 warm-up events, prints "warming" once they are answered and keeps
    /// sending new shoppers at a fifth of the rate until it reads "settled", then prints "warm {events}" once all are answered; on "burst"
    /// sends the burst open loop and prints "result {json}" once every event is answered (or 300 s have passed).
    /// </summary>
    public static async Task<int> RunSenderAsync(string[] args)
    {
        var (rate, seconds, graphAddress) = (500, 10, "");
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--graph") { graphAddress = args[i + 1]; continue; }
            var value = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
            if (args[i] == "--rate") rate = value;
            else if (args[i] == "--seconds") seconds = value;
            else throw new ArgumentException($"Unknown {SenderMode} option {args[i]}.");
        }

        using var graph = new GraphCounts(new HttpClient { BaseAddress = new Uri(graphAddress) });
        var botLine = await Console.In.ReadLineAsync();
        if (botLine is null || !botLine.StartsWith("bot ", StringComparison.Ordinal)) return 3;
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(botLine[4..]), Timeout = TimeSpan.FromSeconds(30) };

        // Warm-up: a few events, then new shoppers at a fifth of
        // the burst's rate until the bot's process says its JIT has settled, so connections, JIT and database pages are not
        // in the figures.
        const int firstWarmUpEvents = 20;
        await Task.WhenAll(Enumerable.Range(0, firstWarmUpEvents).Select(i => PostAsync(http, $"warm-{i}", $"mid.warm.{i}")));
        await WaitForAnswersAsync(graph, "warm-", firstWarmUpEvents, TimeSpan.FromSeconds(60));
        Console.Out.WriteLine("warming");
        // Console.In's async read completes synchronously; a thread of its own lets the warm-up go on while it waits.
        var settled = Task.Run(Console.In.ReadLine);
        var warmUpEvents = firstWarmUpEvents;
        var warmUpPosts = new List<Task>();
        var warmUpInterval = TimeSpan.FromSeconds(5.0 / rate);
        while (!settled.IsCompleted)
        {
            var i = warmUpEvents++;
            warmUpPosts.Add(PostAsync(http, $"warm-{i}", $"mid.warm.{i}"));
            await Task.WhenAny(settled, Task.Delay(warmUpInterval));
        }

        if (await settled != "settled") return 3;
        await Task.WhenAll(warmUpPosts);
        // Every warm-up shopper's answer, read once all have settled: how many parts each burst event must get.
        var partsPerEvent = (await WaitForAnswersAsync(graph, "warm-", warmUpEvents, TimeSpan.FromSeconds(60))).MaxParts;
        Console.Out.WriteLine($"warm {warmUpEvents}");
        if (await Console.In.ReadLineAsync() != "burst") return 3;

        var total = rate * seconds;
        var acks = new ConcurrentBag<AcknowledgementTimeline.Split>();
        var failures = 0;
        var psids = Enumerable.Range(0, total).Select(i => $"burst-{i}").ToList();
        var clock = Stopwatch.StartNew();
        var burstStarted = Stopwatch.GetTimestamp();
        var posts = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
            var psid = psids[i];
            var mid = $"mid.burst.{i}";
            posts.Add(Task.Run(async () =>
            {
                var (ok, split) = await PostAsync(http, psid, mid);
                acks.Add(split);
                if (!ok) Interlocked.Increment(ref failures);
            }));
        }

        await Task.WhenAll(posts);
        var burstEnded = Stopwatch.GetTimestamp();
        var answers = await WaitForAnswersAsync(graph, "burst-", total, TimeSpan.FromSeconds(300));

        var splits = acks.ToArray();
        var sorted = splits.Select(a => a.Total).Order().ToArray();
        double P(double p) => Percentile(sorted, p);
        string Parts(Func<AcknowledgementTimeline.Split, double?> part)
        {
            var values = splits.Select(part).OfType<double>().Order().ToArray();
            return $"{Percentile(values, 50):F1} / {Percentile(values, 99):F1}";
        }
        var slowest = splits.OrderByDescending(a => a.Total).Take(Math.Max(1, splits.Length / 100)).ToArray();
        double Mean(Func<AcknowledgementTimeline.Split, double?> part) => slowest.Select(part).OfType<double>().DefaultIfEmpty(double.NaN).Average();
        // When the last part of the last answer reached the stand-in (its clock is this one), not when a poll noticed it.
        var result = new BurstResult(
            total, Stopwatch.GetElapsedTime(burstStarted, burstEnded).TotalSeconds,
            P(50), P(99), P(100), failures, answers.Answered == total, answers.Answered,
            Stopwatch.GetElapsedTime(burstEnded, Math.Max(answers.LastPartAt, burstEnded)).TotalSeconds, partsPerEvent, answers.MinParts, answers.MaxParts,
            answers.Answered == total && answers.MinParts == partsPerEvent && answers.MaxParts == partsPerEvent,
            Parts(a => a.BeforeHost), Parts(a => a.InHost), Parts(a => a.Enqueue), Parts(a => a.AfterHost),
            slowest.Length, Mean(a => a.BeforeHost), Mean(a => a.InHost), Mean(a => a.Enqueue), Mean(a => a.AfterHost));
        Console.Out.WriteLine("result " + System.Text.Json.JsonSerializer.Serialize(result));
        return 0;
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What the sender measured: acknowledgements, how long after the burst every event was answered, parts per event.</summary>
    public sealed record BurstResult(
        int Events, double SentSeconds, double AckP50Ms, double AckP99Ms, double AckMaxMs, int Failures, bool AllAnswered, int EventsAnswered,
        double AnsweredSecondsAfterBurst, int PartsPerEvent, int MinParts, int MaxParts, bool ExactlyOnce,
        string BeforeHost, string InHost, string Enqueue, string AfterHost,
        int SlowestCount, double SlowestBeforeHost, double SlowestInHost, double SlowestEnqueue, double SlowestAfterHost);

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>The child side (<c>GiftBot.Benchmarks messenger-graph</c>): the Send API stand-in; prints "graph {url}" and runs until its input closes.</summary>
    public static async Task<int> RunGraphAsync()
    {
        await using var graph = await SendApiStandIn.StartAsync();
        Console.Out.WriteLine("graph " + graph.BaseAddress);
        while (await Console.In.ReadLineAsync() is not null) { }
        return 0;
    }

    /// <summary>What the stand-in saw for the shoppers whose ids start with a prefix: how many got a part, parts per shopper, the last part's time.</summary>
    private sealed record Answers(int Answered, int MinParts, int MaxParts, long LastPartAt);

    /// <summary>The sender's view of the Graph API stand-in in its own process.</summary>
    private sealed class GraphCounts(HttpClient http) : IDisposable
    {
        public async Task<Answers> ReadAsync(string prefix, int count) =>
            await http.GetFromJsonAsync<Answers>($"__answers?prefix={Uri.EscapeDataString(prefix)}&count={count}")
            ?? throw new InvalidOperationException("The Graph API stand-in sent no answer counts.");

        public void Dispose() => http.Dispose();
    }

    private static async Task<Answers> WaitForAnswersAsync(GraphCounts graph, string prefix, int count, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        var answers = await graph.ReadAsync(prefix, count);
        while (answers.Answered < count && deadline.Elapsed < timeout)
        {
            await Task.Delay(20);
            answers = await graph.ReadAsync(prefix, count);
        }

        // Every shopper has a first part; the counts are read once no part arrived for 200 ms, so a multi-part answer still
        // on its way on a loaded machine is not taken for a missing part (a fixed 200 ms wait once read 2 parts for 3).
        while (deadline.Elapsed < timeout)
        {
            await Task.Delay(200);
            var again = await graph.ReadAsync(prefix, count);
            if (again == answers) break;
            answers = again;
        }

        return answers;
    }

    private static async Task<(bool Ok, AcknowledgementTimeline.Split Split)> PostAsync(HttpClient http, string psid, string mid)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var body = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + PageId + "\",\"time\":" + now + ",\"messaging\":[{\"sender\":{\"id\":\"" + psid
            + "\"},\"recipient\":{\"id\":\"" + PageId + "\"},\"timestamp\":" + now + ",\"message\":{\"mid\":\"" + mid + "\",\"text\":\"hello\"}}]}]}";
        var bytes = Encoding.UTF8.GetBytes(body);
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/facebook") { Content = content };
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Sign(bytes, AppSecret));
        AcknowledgementTimeline.Stamp(request);
        var sent = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request);
            return (response.IsSuccessStatusCode, AcknowledgementTimeline.Read(request, response, Stopwatch.GetTimestamp()));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return (false, new AcknowledgementTimeline.Split(Stopwatch.GetElapsedTime(sent).TotalMilliseconds, null, null, null, null));
        }
    }

    /// <summary>The Graph API the bot sends to: counts Send API calls per recipient, answers profile lookups.</summary>
    private sealed class SendApiStandIn : IAsyncDisposable
    {
        private static readonly byte[] RecipientMarker = "\"recipient\":{\"id\":\""u8.ToArray();
        private readonly ConcurrentDictionary<string, int> _messages = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, long> _lastPartAt = new(StringComparer.Ordinal);
        private WebApplication _app = null!;

        public string BaseAddress { get; private set; } = "";

        public int MessagesTo(string psid) => _messages.TryGetValue(psid, out var count) ? count : 0;

        public static async Task<SendApiStandIn> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            builder.Logging.ClearProviders();
            var standIn = new SendApiStandIn { _app = builder.Build() };
            standIn._app.MapPost("/{version}/me/messages", (Delegate)standIn.AcceptAsync);
            standIn._app.MapGet("/__answers", (string prefix, int count) => standIn.Count(prefix, count));
            standIn._app.MapGet("/{**path}", () => Results.Json(new { first_name = "Sam" }));
            standIn._app.MapPost("/{**path}", () => Results.Json(new { success = true }));
            await standIn._app.StartAsync();
            standIn.BaseAddress = standIn._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
            return standIn;
        }

        private async Task<IResult> AcceptAsync(HttpContext context)
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            var bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
            var at = bytes.IndexOf(RecipientMarker);
            if (at >= 0 && bytes.IndexOf("\"sender_action\""u8) < 0)
            {
                var rest = bytes[(at + RecipientMarker.Length)..];
                var psid = Encoding.UTF8.GetString(rest[..rest.IndexOf((byte)'"')]);
                _messages.AddOrUpdate(psid, 1, (_, n) => n + 1);
                _lastPartAt[psid] = Stopwatch.GetTimestamp();
            }

            return Results.Json(new { recipient_id = "x", message_id = "m_sent" });
        }

        private Answers Count(string prefix, int count)
        {
            var (answered, min, max, last) = (0, int.MaxValue, 0, 0L);
            for (var i = 0; i < count; i++)
            {
                var psid = prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var parts = MessagesTo(psid);
                if (parts > 0) answered++;
                (min, max) = (Math.Min(min, parts), Math.Max(max, parts));
                if (_lastPartAt.TryGetValue(psid, out var at)) last = Math.Max(last, at);
            }

            return new Answers(answered, min, max, last);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
