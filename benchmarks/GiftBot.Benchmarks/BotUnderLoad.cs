using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Benchmarks;

/// <summary>
/// The real GiftBot host (Program.cs, every capability wired) on Kestrel in this process, with its own temporary
/// databases. The echo scenario swaps only the IBot; the per-turn fixes are switched with their configuration flags.
/// </summary>
public sealed class BotUnderLoad : WebApplicationFactory<Program>
{
    private readonly bool _echoBot;
    private readonly bool _shareContractResolver;
    private readonly bool _deferUserTokenClient;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "giftbot-bench", Guid.NewGuid().ToString("N"));
    private readonly string? _sharedStatePath;
    private readonly string? _postgresConnectionString;

    /// <param name="sharedStatePath">SQLite: the state file several instances on this machine share.</param>
    /// <param name="postgresConnectionString">Set: every store in PostgreSQL (Storage:Provider=Postgres).</param>
    public BotUnderLoad(bool echoBot, bool shareContractResolver, bool deferUserTokenClient, string? sharedStatePath = null, string? postgresConnectionString = null)
    {
        _sharedStatePath = sharedStatePath;
        _postgresConnectionString = postgresConnectionString;
        _echoBot = echoBot;
        _shareContractResolver = shareContractResolver;
        _deferUserTokenClient = deferUserTokenClient;
        // The build output holds appsettings.json and content/; no source tree needed to run the benchmark.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_GIFTBOT", AppContext.BaseDirectory);
        UseKestrel(0);
    }

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
        builder.UseSetting("Storage:DatabasePath", _sharedStatePath ?? Path.Combine(_dataDirectory, "giftbot.db"));
        if (_postgresConnectionString is not null)
        {
            builder.UseSetting("Storage:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:GiftBot", _postgresConnectionString);
        }
        builder.UseSetting("Catalog:DatabasePath", Path.Combine(_dataDirectory, "catalog.db"));
        builder.UseSetting("Bot:ShareConnectorContractResolver", _shareContractResolver.ToString());
        builder.UseSetting("Bot:DeferUserTokenClient", _deferUserTokenClient.ToString());
        // Console logging per turn would measure the terminal, not the bot.
        builder.UseSetting("Logging:LogLevel:Default", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        if (_echoBot) builder.ConfigureTestServices(services => services.AddTransient<IBot, EchoBot>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { }
    }
}
