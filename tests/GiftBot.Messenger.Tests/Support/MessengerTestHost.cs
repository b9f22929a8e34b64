using System.Text;
using GiftBot.Messenger.Inbox;
using GiftBot.Messenger.Webhook;
using GiftBot.Storage;
using GiftBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GiftBot.Messenger.Tests.Support;

/// <summary>
/// A real web host on a random local port with AddMessenger + MapFacebookWebhook, SQLite storage in a given file,
/// an <see cref="EchoBot"/>, and the Graph API pointed at a <see cref="RecordingHttpServer"/>.
/// </summary>
public sealed class MessengerTestHost : IAsyncDisposable
{
    public const string AppSecret = "test-app-secret-3f9a";
    public const string PageToken = "EAAGtestPageTokenSECRET123";
    public const string VerifyToken = "verify-me-please";
    public const string AppId = "1111111111";
    public const string PageId = "PAGE_ID";
    public const string MessagesPath = "/v25.0/me/messages";

    private readonly WebApplication _app;

    private MessengerTestHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }
    public IServiceProvider Services => _app.Services;
    public ReceivedActivities Received => Services.GetRequiredService<ReceivedActivities>();
    public LogCollector Logs => Services.GetRequiredService<LogCollector>();

    public static Dictionary<string, string?> Settings(RecordingHttpServer graph, string databasePath) => new()
    {
        ["Facebook:AppId"] = AppId,
        ["Facebook:AppSecret"] = AppSecret,
        ["Facebook:PageAccessToken"] = PageToken,
        ["Facebook:VerifyToken"] = VerifyToken,
        ["Facebook:PageId"] = PageId,
        ["Facebook:GraphApiBaseUrl"] = graph.BaseAddress.ToString(),
        ["Facebook:MaxBodyBytes"] = "65536",
        ["Facebook:Send:MaxRetries"] = "2",
        ["Facebook:Send:BaseDelay"] = "00:00:00.001",
        ["Facebook:Send:AttemptTimeout"] = "00:00:05",
        ["Facebook:Inbox:MaxAttempts"] = "2",
        ["Facebook:Inbox:RetryDelay"] = "00:00:00",
        ["Facebook:Inbox:PollInterval"] = "00:00:00.050",
        ["Storage:DatabasePath"] = databasePath,
    };

    public static async Task<MessengerTestHost> StartAsync(RecordingHttpServer graph, string databasePath,
        Action<Dictionary<string, string?>>? adjust = null, bool runWorker = true, Action<IServiceCollection>? services = null)
    {
        var settings = Settings(graph, databasePath);
        adjust?.Invoke(settings);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = Path.GetDirectoryName(databasePath) });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var logs = new LogCollector();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton(logs);
        builder.Services.AddSingleton<ReceivedActivities>();
        builder.Services.AddTransient<IBot, EchoBot>();
        builder.Services.AddStorage(builder.Configuration);
        builder.Services.AddMessenger(builder.Configuration).AddCustomerCardsOnEveryAdapter();
        if (!runWorker) builder.Services.RemoveAll<IHostedService>().AddHostedService<StorageOnlyInitializer>();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapFacebookWebhook();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new MessengerTestHost(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>POSTs a webhook body signed as Meta signs it (over the exact bytes), unless a signature is given.</summary>
    public Task<HttpResponseMessage> PostWebhookAsync(string body, string? signature = null, bool sign = true) =>
        PostWebhookAsync(Encoding.UTF8.GetBytes(body), signature, sign);

    /// <summary>POSTs exactly these bytes (a BOM, invalid UTF-8 ...), signed over them unless told otherwise.</summary>
    public Task<HttpResponseMessage> PostWebhookAsync(byte[] bytes, string? signature = null, bool sign = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/facebook") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        if (sign) request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signature ?? WebhookSignature.Sign(bytes, AppSecret));
        return Client.SendAsync(request);
    }

    /// <summary>A Graph API stand-in whose Send API answers success until a test scripts otherwise.</summary>
    public static async Task<RecordingHttpServer> StartGraphAsync()
    {
        var graph = await RecordingHttpServer.StartAsync();
        graph.On("POST", MessagesPath).Respond(200, new { recipient_id = "PSID", message_id = "m_sent" });
        return graph;
    }

    /// <summary>The texts the bot sent through the Send API, in order.</summary>
    public static IReadOnlyList<string?> SentTexts(RecordingHttpServer graph) =>
        graph.RequestsTo(MessagesPath, "POST").Select(r => (string?)r.Json?["message"]?["text"]).ToList();

    public Task<int> PendingAsync() => Services.GetRequiredService<IDurableInbox>().CountPendingAsync();

    /// <summary>Waits until every stored event is handled and committed (an event's changes are stored after its replies went out).</summary>
    public async Task WaitUntilHandledAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (await PendingAsync() > 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Messenger events were still pending.");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>For "acknowledged, then stopped before processing": the database is created but no worker runs.</summary>
    private sealed class StorageOnlyInitializer(GiftBot.Storage.Sqlite.SqliteDatabase database) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => database.EnsureCreatedAsync(cancellationToken);
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
