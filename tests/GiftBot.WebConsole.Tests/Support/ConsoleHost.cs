using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using GiftBot.Messenger.Webhook;
using GiftBot.Testing;
using GiftBot.WebConsole.Agents;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.WebConsole.Tests.Support;

/// <summary>
/// The real GiftBot host (same Program as production) on Kestrel at a local port, so a browser can reach it, with its own
/// SQLite files and the Graph API pointed at a recording stand-in. Shoppers reach it as Meta would: signed webhooks.
/// </summary>
public sealed class ConsoleHost : WebApplicationFactory<Program>
{
    public const string AppSecret = "console-app-secret";
    public const string PageId = "1000001";
    public const string OrderSecret = "order-webhook-secret-0123456789";
    private readonly Dictionary<string, string?> _settings;

    private ConsoleHost(RecordingHttpServer graph, Dictionary<string, string?> extra)
    {
        Graph = graph;
        DataDirectory = Path.Combine(Path.GetTempPath(), "giftbot-console-tests", Guid.NewGuid().ToString("N"));
        Port = FreePort();
        _settings = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:DatabasePath"] = Path.Combine(DataDirectory, "giftbot.db"),
            ["Catalog:DatabasePath"] = Path.Combine(DataDirectory, "catalog.db"),
            ["MicrosoftAppId"] = "",
            ["MicrosoftAppPassword"] = "",
            ["Facebook:AppId"] = "3000003",
            ["Facebook:AppSecret"] = AppSecret,
            ["Facebook:PageAccessToken"] = "console-page-token",
            ["Facebook:VerifyToken"] = "console-verify",
            ["Facebook:PageId"] = PageId,
            ["Facebook:GraphApiBaseUrl"] = graph.BaseAddress.ToString(),
            ["Facebook:Inbox:PollInterval"] = "00:00:00.050",
            ["Facebook:Send:BaseDelay"] = "00:00:00.001",
            ["Orders:WebhookSecret"] = OrderSecret,
        };
        foreach (var (key, value) in extra) _settings[key] = value;
    }

    public RecordingHttpServer Graph { get; }
    public string DataDirectory { get; }
    public int Port { get; }
    public Uri Address => new($"http://127.0.0.1:{Port}");

    public static async Task<ConsoleHost> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var graph = await RecordingHttpServer.StartAsync();
        graph.On("POST", "/v25.0/me/messages").Respond(200, new { recipient_id = "x", message_id = "m_sent" });
        graph.On("GET", "/v25.0/*").Respond(200, new { first_name = "Ann", id = "x" });
        graph.On("POST", "/v25.0/*").Respond(200, new { success = true });
        var host = new ConsoleHost(graph, settings ?? []);
        host.UseKestrel(host.Port);
        host.StartServer();
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    public async Task AddAgentAsync(string name, string password)
    {
        var store = Services.GetRequiredService<IAgentAccountStore>();
        Assert.True(await store.AddAsync(new AgentAccount(name, name, AgentSignIn.Hash(password), 0, null, DateTimeOffset.UtcNow), default));
    }

    /// <summary>A Messenger webhook signed as Meta signs it, carrying one messaging item from <paramref name="psid"/>.</summary>
    public async Task SendWebhookAsync(string psid, JsonObject item)
    {
        item["sender"] = new JsonObject { ["id"] = psid };
        item["recipient"] = new JsonObject { ["id"] = PageId };
        item["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var body = new JsonObject
        {
            ["object"] = "page",
            ["entry"] = new JsonArray(new JsonObject { ["id"] = PageId, ["time"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), ["messaging"] = new JsonArray(item) }),
        };
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");
        content.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Sign(bytes, AppSecret));
        using var client = new HttpClient { BaseAddress = Address };
        var response = await client.PostAsync("/api/facebook", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static JsonObject Text(string mid, string text) => new() { ["message"] = new JsonObject { ["mid"] = mid, ["text"] = text } };

    public static JsonObject Postback(string title, string payload) =>
        new() { ["postback"] = new JsonObject { ["title"] = title, ["payload"] = payload, ["mid"] = "mid.pb." + Guid.NewGuid().ToString("N") } };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Graph.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (DirectoryNotFoundException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
