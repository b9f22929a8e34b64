using GiftBot.Storage.Postgres;
using GiftBot.Storage.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Benchmarks;

public enum HostedBot
{
    /// <summary>The bot that ships (gift finder, persona assistant).</summary>
    GiftBot,

    /// <summary>GiftBot's pipeline (adapter, middleware, unit of work) around <see cref="EchoDialogBot"/>.</summary>
    EchoDialog,
}

/// <summary>
/// The real GiftBot host (Program.cs, every capability wired) on Kestrel in this process, with its own temporary
/// databases. The echo-dialog scenario swaps only the IBot.
/// </summary>
public sealed class BotUnderLoad : WebApplicationFactory<Program>
{
    private readonly HostedBot _bot;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _observe;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "giftbot-bench", Guid.NewGuid().ToString("N"));

    /// <param name="observe">Adds measuring seams around the real services (e.g. timing a background job); never replaces what ships.</param>
    public BotUnderLoad(HostedBot bot, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? observe = null)
    {
        _bot = bot;
        _observe = observe;
        _settings = settings ?? new Dictionary<string, string?>();
        // The build output holds appsettings.json and content/; no source tree needed to run the benchmark.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_GIFTBOT", AppContext.BaseDirectory);
        UseKestrel(0);
    }

    /// <summary>Write transactions the bot's database committed so far (SQLite: one fsync each at Synchronous=Full).</summary>
    public long Commits => _settings.TryGetValue("Storage:Provider", out var provider) && provider == "Postgres"
        ? Services.GetRequiredService<PostgresDatabase>().Commits
        : Services.GetRequiredService<SqliteDatabase>().Commits;

    /// <summary>Starts the server and returns its address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("MicrosoftAppId", "");
        builder.UseSetting("MicrosoftAppPassword", "");
        builder.UseSetting("Storage:DatabasePath", Path.Combine(_dataDirectory, "giftbot.db"));
        builder.UseSetting("Catalog:DatabasePath", Path.Combine(_dataDirectory, "catalog.db"));
        // Console logging per turn would measure the terminal, not the bot.
        builder.UseSetting("Logging:LogLevel:Default", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_bot == HostedBot.EchoDialog) builder.ConfigureTestServices(services => services.AddTransient<IBot, EchoDialogBot>());
        if (_observe is not null) builder.ConfigureTestServices(_observe);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { }
    }
}
