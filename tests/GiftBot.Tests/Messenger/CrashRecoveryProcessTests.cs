using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using GiftBot.Messenger.Webhook;
using GiftBot.Storage.Sqlite;
using GiftBot.Testing;

namespace GiftBot.Tests.Messenger;

/// <summary>
/// The shipped host as a real child process (dotnet GiftBot.dll, configured through environment variables like a deployment),
/// killed with SIGKILL in the middle of a burst of signed Messenger webhooks and started again on the same database:
/// every acknowledged event is answered, and no reply part reaches a person twice except one in flight at the kill.
/// </summary>
public sealed class CrashRecoveryProcessTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const string AppSecret = "crash-app-secret";
    private const string PageId = "1000001";
    private const int Shoppers = 24;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "giftbot-crash-tests", Guid.NewGuid().ToString("N"));
    private RecordingHttpServer _graph = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _graph = await RecordingHttpServer.StartAsync();
        // A slow Send API, so the burst is still being answered when the process dies.
        _graph.On("POST", "/v25.0/me/messages").Respond(ScriptedResponse.Json(200, new { recipient_id = "x", message_id = "m_sent" }) with { Delay = TimeSpan.FromMilliseconds(80) });
        _graph.On("GET", "/v25.0/*").Respond(200, new { first_name = "Ann" });
        _graph.On("POST", "/v25.0/*").Respond(200, new { success = true });
    }

    public async Task DisposeAsync()
    {
        await _graph.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task KillNineMidBurst_LosesNoEvent_AndSendsNoReplyPartTwice_ExceptOneInFlight()
    {
        // How many Send API calls a new shopper's "hello" gets, from a clean run.
        var partsPerHello = await CleanRunPartsAsync();
        Assert.InRange(partsPerHello, 1, 20);
        _graph.ClearRequests();

        var port = FreePort();
        using (var first = StartHost(port))
        {
            await WaitUntilReadyAsync(first, port);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            // All at once, as a burst arrives: posted one by one on a slow disk (an fsync per acknowledgement), the last
            // ones came in after the first were all answered, and the kill then came too late to prove anything.
            var responses = await Task.WhenAll(Enumerable.Range(0, Shoppers).Select(i => PostSignedAsync(client, HelloEvent($"psid-{i}", $"mid.crash.{i}"))));
            Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));

            // Some answers are out, most are not: now the process dies without any chance to clean up.
            await _graph.WaitForRequestsAsync(Math.Max(3, partsPerHello), r => r.Path == "/v25.0/me/messages", TimeSpan.FromSeconds(60));
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        var sentBeforeKill = SendsByShopper().Values.Sum(c => c.Count);
        Assert.True(sentBeforeKill < Shoppers * partsPerHello, "the kill came after everything was answered; the test proves nothing");

        var restartedAt = Stopwatch.StartNew();
        TimeSpan takeoverTime;
        using (var second = StartHost(port))
        {
            await WaitUntilReadyAsync(second, port);
            await WaitUntilNothingPendingAsync(TimeSpan.FromSeconds(60));
            var takeover = takeoverTime = restartedAt.Elapsed;
            // The crashed instance's leases (Facebook:Inbox:LeaseDuration = 2 minutes) were taken over within seconds.
            Assert.True(takeover < TimeSpan.FromSeconds(45), $"takeover took {takeover}");
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }

        var sends = SendsByShopper();
        var repeated = 0;
        for (var i = 0; i < Shoppers; i++)
        {
            var parts = sends.TryGetValue($"psid-{i}", out var list) ? list : [];
            Assert.True(parts.Count >= partsPerHello, $"psid-{i} got {parts.Count} of {partsPerHello} parts");
            Assert.True(parts.Count <= partsPerHello + 1, $"psid-{i} got {parts.Count} parts, more than one repeat");
            repeated += parts.Count - partsPerHello;
        }

        output.WriteLine($"{partsPerHello} parts per hello; {sentBeforeKill} of {Shoppers * partsPerHello} sent before the kill; {repeated} repeated; restart to all answered {takeoverTime}");
        // Only a part in flight at the kill may repeat: at most one per event being answered (Facebook:Inbox:Parallelism = 4).
        Assert.InRange(repeated, 0, 4);
    }

    private async Task<int> CleanRunPartsAsync()
    {
        var port = FreePort();
        using var probe = StartHost(port, Path.Combine(_folder, "probe"));
        await WaitUntilReadyAsync(probe, port);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        await PostSignedAsync(client, HelloEvent("psid-probe", "mid.probe"));
        await WaitUntilNothingPendingAsync(TimeSpan.FromSeconds(60), Path.Combine(_folder, "probe"));
        await Task.Delay(300);
        probe.Kill(entireProcessTree: true);
        await probe.WaitForExitAsync();
        return SendsByShopper().GetValueOrDefault("psid-probe")?.Count ?? 0;
    }

    private Dictionary<string, List<string>> SendsByShopper() => _graph.RequestsTo("/v25.0/me/messages", "POST")
        .Where(r => r.Json?["recipient"]?["id"] is not null)
        .GroupBy(r => r.Json!["recipient"]!["id"]!.GetValue<string>())
        .ToDictionary(g => g.Key, g => g.Select(r => r.Body).ToList());

    private Process StartHost(int port, string? dataFolder = null)
    {
        var folder = dataFolder ?? Path.Combine(_folder, "data");
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "GiftBot.dll")}\"")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = start.Environment;
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["DOTNET_CONTENTROOT"] = AppContext.BaseDirectory;
        environment["MicrosoftAppId"] = "";
        environment["MicrosoftAppPassword"] = "";
        environment["Storage__DatabasePath"] = Path.Combine(folder, "giftbot.db");
        environment["Storage__InstanceHeartbeatInterval"] = "00:00:01";
        environment["Catalog__DatabasePath"] = Path.Combine(folder, "catalog.db");
        environment["Facebook__AppId"] = "3000003";
        environment["Facebook__AppSecret"] = AppSecret;
        environment["Facebook__PageAccessToken"] = "crash-page-token";
        environment["Facebook__VerifyToken"] = "crash-verify";
        environment["Facebook__PageId"] = PageId;
        environment["Facebook__GraphApiBaseUrl"] = _graph.BaseAddress.ToString();
        environment["Facebook__Inbox__PollInterval"] = "00:00:00.200";
        environment["Facebook__Inbox__LeaseDuration"] = "00:02:00";
        environment["Facebook__Send__BaseDelay"] = "00:00:00.001";
        environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        // Drain the output so the child never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilReadyAsync(Process process, int port)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"the host exited with code {(process.HasExited ? process.ExitCode : 0)}");
            try
            {
                if ((await client.GetAsync("health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }

        throw new TimeoutException("The host did not become ready.");
    }

    private async Task WaitUntilNothingPendingAsync(TimeSpan timeout, string? dataFolder = null)
    {
        var database = new SqliteDatabase(Path.Combine(dataFolder ?? Path.Combine(_folder, "data"), "giftbot.db"));
        var inbox = new SqliteDurableInbox(database, TimeProvider.System);
        var deadline = DateTime.UtcNow + timeout;
        while (await inbox.CountPendingAsync() > 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{await inbox.CountPendingAsync()} Messenger events still pending.");
            await Task.Delay(200);
        }

        Assert.Empty(await inbox.ListParkedAsync());
    }

    private static JsonNode HelloEvent(string psid, string mid) => new JsonObject
    {
        ["object"] = "page",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = PageId,
            ["time"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ["messaging"] = new JsonArray(new JsonObject
            {
                ["sender"] = new JsonObject { ["id"] = psid },
                ["recipient"] = new JsonObject { ["id"] = PageId },
                ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                ["message"] = new JsonObject { ["mid"] = mid, ["text"] = "hello" },
            }),
        }),
    };

    private static Task<HttpResponseMessage> PostSignedAsync(HttpClient client, JsonNode body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "api/facebook") { Content = content };
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Sign(bytes, AppSecret));
        return client.SendAsync(request);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
