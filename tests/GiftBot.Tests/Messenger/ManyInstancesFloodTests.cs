using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using GiftBot.Messenger.Webhook;
using GiftBot.Testing;
using GiftBot.Testing.Postgres;
using GiftBot.Tests.Hosting;
using Npgsql;
using Xunit.Abstractions;

namespace GiftBot.Tests.Messenger;

/// <summary>
/// Two real GiftBot processes on one PostgreSQL database behind a simulated load balancer: signed Messenger webhooks for
/// 200 people, each event to a random instance, some delivered twice (sometimes to both at once). One instance is killed
/// (SIGKILL) midway; the other must take over its leases. Every shopper adds five products to the basket in turn, and
/// the reply names the product, so the Send API calls the Graph stand-in recorded show which event was answered, how
/// often and in which order.
/// </summary>
[RequiresPostgres]
[Trait("Category", "Postgres")]
public sealed class ManyInstancesFloodTests(ITestOutputHelper testOutput, DiagnosticOutput ciOutput) : IClassFixture<DiagnosticOutput>
{
    private const string AppSecret = "flood-app-secret";
    private const string PageId = "1000001";
    private const int People = 200;
    private const int EventsEach = 5;
    private const double DuplicateShare = 0.15;
    private const long FirstTimestamp = 1_765_000_000_000;
    // Long enough that a turn on a busy machine finishes within it (a lease that runs out mid-turn hands the event to the
    // other instance: answered twice), short enough to keep the takeover quick.
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);

    [StoreFact]
    public async Task TwoInstancesOnOnePostgres_AnswerEveryEventOnceAndInOrder_AndTheSurvivorTakesOverTheDeadOnesLeases()
    {
        await using var database = await PostgresTestServer.CreateDatabaseAsync();
        await using var graph = await StartGraphAsync();
        var catalogFolder = Directory.CreateTempSubdirectory("giftbot-flood-");
        var instances = await Task.WhenAll(
            GiftBotProcess.StartAsync(Settings("a", database.ConnectionString, graph, catalogFolder.FullName), TimeSpan.FromSeconds(120)),
            GiftBotProcess.StartAsync(Settings("b", database.ConnectionString, graph, catalogFolder.FullName), TimeSpan.FromSeconds(120)));
        var (a, b) = (instances[0], instances[1]);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var products = await PickProductsAsync(http, a.BaseAddress);
            var plan = Enumerable.Range(0, People).Select(i => Enumerable.Range(0, EventsEach).Select(k => products[(i + k) % products.Count]).ToArray()).ToArray();

            var flood = new Flood(http, [a.BaseAddress, b.BaseAddress]);
            // In the middle of the work: both instances answering and deliveries still arriving (whichever comes first:
            // 15 % of the events answered, or 70 % delivered).
            var killAfter = People * EventsEach * 15 / 100;
            var kill = Task.Run(async () =>
            {
                while (graph.Requests.Count(r => r.Path.EndsWith("/me/messages", StringComparison.Ordinal) && r.Body.Contains("to your basket", StringComparison.Ordinal)) < killAfter
                       && flood.DistinctDelivered < People * EventsEach * 7 / 10)
                    await Task.Delay(20);
                var deliveredBefore = flood.DistinctDelivered;
                var answeredBefore = graph.Requests.Count(r => r.Path.EndsWith("/me/messages", StringComparison.Ordinal) && r.Body.Contains("to your basket", StringComparison.Ordinal));
                a.Kill();
                flood.MarkDead(0);
                return (await MeasureTakeoverAsync(database.ConnectionString)) with { DeliveredAtKill = deliveredBefore, AnsweredAtKill = answeredBefore };
            });

            var clock = Stopwatch.StartNew();
            using var concurrency = new SemaphoreSlim(24);
            await Task.WhenAll(Enumerable.Range(0, People).Select(async person =>
            {
                await concurrency.WaitAsync();
                try
                {
                    var random = new Random(person);
                    for (var k = 0; k < EventsEach; k++)
                        await flood.DeliverAsync(Postback(person, k, plan[person][k].Id), random, DuplicateShare);
                }
                finally { concurrency.Release(); }
            }));
            var delivered = clock.Elapsed;
            var takeover = await kill;
            await WaitUntilDrainedAsync(database.ConnectionString, TimeSpan.FromSeconds(240));
            var drained = clock.Elapsed;

            var replies = ReadReplies(graph, plan);
            var missing = replies.Where(r => r.Value.Count(k => k >= 0) == 0).ToList();
            var answers = replies.SelectMany(r => r.Value.GroupBy(k => k).Select(g => (Person: r.Key.Person, K: g.Key, Count: g.Count()))).ToList();
            var duplicates = answers.Where(x => x.Count > 1).ToList();
            var duplicatesOutsideTheKill = duplicates.Where(x => !takeover.InFlight.Contains((x.Person, x.K))).ToList();
            var orderViolations = replies.Count(r => r.Value.Zip(r.Value.Skip(1)).Any(pair => pair.First > pair.Second));
            var everyEventAnswered = Enumerable.Range(0, People).All(p => Enumerable.Range(0, EventsEach).All(k => answers.Any(x => x.Person == p && x.K == k)));
            var sends = graph.Requests.Where(r => r.Path.EndsWith("/me/messages", StringComparison.Ordinal)).ToList();

            void Report(string line)
            {
                testOutput.WriteLine(line);
                ciOutput.WriteLine(line);
            }

            Report($"Flood over two GiftBot processes on one PostgreSQL database ({People} people x {EventsEach} events):");
            Report($"  events: {People * EventsEach}, deliveries: {flood.Deliveries} ({flood.DuplicateDeliveries} duplicate deliveries, {flood.Failovers} failed over to the survivor), all acknowledged in {delivered.TotalSeconds:0.0} s, all answered after {drained.TotalSeconds:0.0} s");
            Report($"  answered: {answers.Count} events, by instance a: {sends.Count(s => s.Path.StartsWith("/a/", StringComparison.Ordinal))} sends, by instance b: {sends.Count(s => s.Path.StartsWith("/b/", StringComparison.Ordinal))} sends");
            Report($"  duplicates answered: {duplicates.Sum(x => x.Count - 1)} (all of events in flight when instance a was killed: {duplicatesOutsideTheKill.Count == 0}); order violations: {orderViolations}; unanswered: {People * EventsEach - answers.Count}");
            Report($"  kill: instance a killed at {takeover.AnsweredAtKill} events answered ({takeover.DeliveredAtKill} of {People * EventsEach} events delivered by then); leases held at that moment: {takeover.InFlight.Count}; all answered {takeover.Elapsed.TotalSeconds:0.00} s after the kill (lease duration {Lease.TotalSeconds:0} s)");

            if (duplicatesOutsideTheKill.Count > 0) testOutput.WriteLine(b.RecentOutput);
            Assert.True(everyEventAnswered, $"Unanswered events; instance b said:{Environment.NewLine}{b.RecentOutput}");
            Assert.Empty(missing);
            Assert.Equal(0, orderViolations);
            Assert.Empty(duplicatesOutsideTheKill);
            Assert.True(flood.DuplicateDeliveries > 0);
            Assert.True(takeover.InFlight.Count > 0, "Instance a held no lease when it was killed: nothing was taken over.");
            Assert.Contains(sends, s => s.Path.StartsWith("/a/", StringComparison.Ordinal));
            Assert.Contains(sends, s => s.Path.StartsWith("/b/", StringComparison.Ordinal) && s.ReceivedAt > takeover.KilledAt);
        }
        finally
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
            try { catalogFolder.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private static Dictionary<string, string> Settings(string name, string connectionString, RecordingHttpServer graph, string folder) => new()
    {
        ["Storage__Provider"] = "Postgres",
        ["ConnectionStrings__GiftBot"] = connectionString,
        ["Storage__DatabasePath"] = Path.Combine(folder, name, "unused.db"),
        ["Catalog__DatabasePath"] = Path.Combine(folder, name, "catalog.db"),
        ["Facebook__AppId"] = "3000003",
        ["Facebook__AppSecret"] = AppSecret,
        ["Facebook__PageAccessToken"] = "flood-page-token",
        ["Facebook__VerifyToken"] = "flood-verify",
        ["Facebook__PageId"] = PageId,
        ["Facebook__PageName"] = "littlewonders",
        // Each instance calls the stand-in under its own prefix, so the recorded sends say which instance answered.
        ["Facebook__GraphApiBaseUrl"] = new Uri(graph.BaseAddress, name).ToString(),
        ["Facebook__Inbox__LeaseDuration"] = Lease.ToString(),
        ["Facebook__Inbox__PollInterval"] = "00:00:00.100",
        ["Facebook__Inbox__Parallelism"] = "8",
        ["Facebook__Send__BaseDelay"] = "00:00:00.010",
        ["MicrosoftAppId"] = "",
        ["MicrosoftAppPassword"] = "",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    private static async Task<RecordingHttpServer> StartGraphAsync()
    {
        var graph = await RecordingHttpServer.StartAsync();
        foreach (var name in new[] { "a", "b" })
        {
            graph.On("GET", $"/{name}/*").Respond(200, new { first_name = "Sam" });
            graph.On("POST", $"/{name}/*").Respond(200, new { success = true });
            // A little latency, as Meta has, so turns are really in flight when an instance dies.
            graph.On("POST", $"/{name}/v25.0/me/messages").Respond(ScriptedResponse.Json(200, new { recipient_id = "x", message_id = "m" }) with { Delay = TimeSpan.FromMilliseconds(20) });
        }

        return graph;
    }

    /// <summary>In-stock products from the running catalog whose titles never contain one another, so a reply names exactly one.</summary>
    private static async Task<List<(string Id, string Title)>> PickProductsAsync(HttpClient http, Uri instance)
    {
        var found = await http.GetFromJsonAsync<JsonArray>(new Uri(instance, "/api/catalog/search?limit=50"));
        var candidates = found!.Where(p => p!["inStock"]!.GetValue<bool>())
            .Select(p => (Id: p!["id"]!.GetValue<string>(), Title: p["title"]!.GetValue<string>())).ToList();
        var picked = candidates.Where(c => !candidates.Any(o => o.Id != c.Id && (o.Title.Contains(c.Title, StringComparison.Ordinal) || c.Title.Contains(o.Title, StringComparison.Ordinal))))
            .Take(10).ToList();
        Assert.True(picked.Count >= EventsEach, "The bundled catalog should offer enough distinct in-stock products.");
        return picked;
    }

    private static string Psid(int person) => $"3{person:D6}";

    private static JsonObject Postback(int person, int k, string productId) => new()
    {
        ["object"] = "page",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = PageId,
            ["time"] = FirstTimestamp,
            ["messaging"] = new JsonArray(new JsonObject
            {
                ["sender"] = new JsonObject { ["id"] = Psid(person) },
                ["recipient"] = new JsonObject { ["id"] = PageId },
                ["timestamp"] = FirstTimestamp + k * 1000L,
                ["postback"] = new JsonObject { ["title"] = "Add to basket", ["payload"] = "ADD_TO_BASKET:" + productId, ["mid"] = $"mid.flood.{person}.{k}" },
            }),
        }),
    };

    /// <summary>Per person, the index of the event each "Added ... to your basket" reply answers, in the order the Send API received them.</summary>
    private static Dictionary<(int Person, string Psid), List<int>> ReadReplies(RecordingHttpServer graph, (string Id, string Title)[][] plan)
    {
        var replies = Enumerable.Range(0, People).ToDictionary(p => (p, Psid(p)), _ => new List<int>());
        foreach (var request in graph.Requests.Where(r => r.Path.EndsWith("/me/messages", StringComparison.Ordinal)))
        {
            var body = request.Json;
            var psid = body?["recipient"]?["id"]?.GetValue<string>();
            var text = body?["message"]?["text"]?.GetValue<string>();
            if (psid is null || text is null || !int.TryParse(psid[1..], out var person) || person >= People) continue;
            var k = Array.FindIndex(plan[person], product => text.Contains($"Added {product.Title} to your basket", StringComparison.Ordinal));
            if (k >= 0) replies[(person, psid)].Add(k);
        }

        return replies;
    }

    /// <summary>Which events were leased at the kill, and how long until every one of them was completed by the survivor.</summary>
    private static async Task<Takeover> MeasureTakeoverAsync(string connectionString)
    {
        var killedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var held = new List<(long Id, int Person, int K)>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT i.id, p.partition_key, i.dedup_key FROM inbox_partitions p JOIN inbox i ON i.id = p.leased_item
            WHERE p.lease_until > @now;
            """, connection))
        {
            command.Parameters.AddWithValue("now", killedAt.ToUnixTimeMilliseconds());
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                // partition "page:psid", dedup "postback:page:psid:timestamp"
                var psid = reader.GetString(1).Split(':')[1];
                var timestamp = long.Parse(reader.GetString(2).Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture);
                held.Add((reader.GetInt64(0), int.Parse(psid[1..], System.Globalization.CultureInfo.InvariantCulture), (int)((timestamp - FirstTimestamp) / 1000)));
            }
        }

        var ids = held.Select(h => h.Id).ToArray();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM inbox WHERE id = ANY(@ids);", connection);
            command.Parameters.AddWithValue("ids", ids);
            if ((long)(await command.ExecuteScalarAsync())! == 0) break;
            await Task.Delay(25);
        }

        return new Takeover(killedAt, clock.Elapsed, held.Select(h => (h.Person, h.K)).ToHashSet());
    }

    private static async Task WaitUntilDrainedAsync(string connectionString, TimeSpan timeout)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM inbox;", connection);
            var left = (long)(await command.ExecuteScalarAsync())!;
            if (left == 0) return;
            await Task.Delay(100);
        }
    }

    private sealed record Takeover(DateTimeOffset KilledAt, TimeSpan Elapsed, HashSet<(int Person, int K)> InFlight)
    {
        public int DeliveredAtKill { get; init; }

        public int AnsweredAtKill { get; init; }
    }

    /// <summary>The load balancer: a random live instance per delivery; a refused connection is retried on the other, as Meta retries.</summary>
    private sealed class Flood(HttpClient http, Uri[] instances)
    {
        private readonly bool[] _dead = new bool[instances.Length];
        private int _distinct;
        private int _deliveries;
        private int _duplicates;
        private int _failovers;

        public int DistinctDelivered => Volatile.Read(ref _distinct);
        public int Deliveries => _deliveries;
        public int DuplicateDeliveries => _duplicates;
        public int Failovers => _failovers;

        public void MarkDead(int instance) => Volatile.Write(ref _dead[instance], true);

        public async Task DeliverAsync(JsonObject body, Random random, double duplicateShare)
        {
            var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
            var twice = random.NextDouble() < duplicateShare;
            var atOnce = twice && random.Next(2) == 0;
            var first = random.Next(instances.Length);
            var second = random.Next(instances.Length);
            if (atOnce)
            {
                await Task.WhenAll(PostUntilAcceptedAsync(bytes, first), PostUntilAcceptedAsync(bytes, second));
            }
            else
            {
                await PostUntilAcceptedAsync(bytes, first);
                if (twice) await PostUntilAcceptedAsync(bytes, second);
            }

            if (twice) Interlocked.Increment(ref _duplicates);
            Interlocked.Increment(ref _distinct);
        }

        private async Task PostUntilAcceptedAsync(byte[] bytes, int instance)
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                if (Volatile.Read(ref _dead[instance])) instance = (instance + 1) % instances.Length;
                using var content = new ByteArrayContent(bytes);
                content.Headers.ContentType = new("application/json");
                content.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Sign(bytes, AppSecret));
                try
                {
                    Interlocked.Increment(ref _deliveries);
                    using var response = await http.PostAsync(new Uri(instances[instance], "/api/facebook"), content);
                    if (response.StatusCode == HttpStatusCode.OK) return;
                }
                catch (HttpRequestException)
                {
                    // The instance died under the request: Meta would retry; the balancer sends it to the other one.
                    Interlocked.Increment(ref _failovers);
                    instance = (instance + 1) % instances.Length;
                }

                await Task.Delay(50);
            }

            throw new InvalidOperationException("A webhook delivery was never acknowledged.");
        }
    }
}
