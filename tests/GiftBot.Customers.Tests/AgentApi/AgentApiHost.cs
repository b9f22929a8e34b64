using System.Net.Http.Headers;
using GiftBot.Customers.AgentApi;
using GiftBot.Customers.Context;
using GiftBot.Customers.Handover;
using GiftBot.Customers.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GiftBot.Customers.Tests.AgentApi;

/// <summary>A minimal web app on Kestrel (127.0.0.1, free port) wired like the host: SQLite storage, AddCustomers, MapAgentApi.</summary>
public sealed class AgentApiHost : IAsyncDisposable
{
    public const string Key = "test-agent-key-0123456789abcdef";

    private readonly WebApplication _app;
    private readonly TempDatabase _database;

    private AgentApiHost(WebApplication app, TempDatabase database, HttpClient client)
    {
        _app = app;
        _database = database;
        Client = client;
    }

    public HttpClient Client { get; }

    public FakeTimeProvider Clock => (FakeTimeProvider)_app.Services.GetRequiredService<TimeProvider>();

    public RecordingLoggerProvider Logs => _app.Services.GetRequiredService<RecordingLoggerProvider>();

    public IStorage Storage => _app.Services.GetRequiredService<IStorage>();

    public ICustomerContextStore Store => _app.Services.GetRequiredService<ICustomerContextStore>();

    public RecordingHandoverListener Listener => _app.Services.GetRequiredService<RecordingHandoverListener>();

    /// <param name="apiKey">The configured key; null leaves the API disabled.</param>
    public static async Task<AgentApiHost> StartAsync(string? apiKey = Key, bool sendKey = true)
    {
        var database = new TempDatabase();
        var builder = WebApplication.CreateSlimBuilder();
        var logs = new RecordingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AgentApi:ApiKey"] = apiKey,
            ["Customers:NoteTextLimit"] = "200",
            ["Content:RootPath"] = "no-content-here",
        });
        builder.Services.AddSingleton(logs);
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(CustomerServices.Start));
        builder.Services.AddSingleton<IStorage>(await database.OpenStorageAsync());
        builder.Services.AddSingleton<RecordingHandoverListener>();
        builder.Services.AddSingleton<IHandoverChangeListener>(sp => sp.GetRequiredService<RecordingHandoverListener>());
        builder.Services.AddCustomers(builder.Configuration);

        var app = builder.Build();
        app.MapAgentApi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        if (sendKey && apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return new AgentApiHost(app, database, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        _database.Dispose();
    }
}

public sealed class RecordingHandoverListener : IHandoverChangeListener
{
    public List<HandoverChange> Changes { get; } = [];

    public bool Fail { get; set; }

    public Task OnAgentChangedHandoverAsync(HandoverChange change, CancellationToken cancellationToken)
    {
        if (Fail)
        {
            throw new HttpRequestException("Graph API unavailable");
        }

        Changes.Add(change);
        return Task.CompletedTask;
    }
}
