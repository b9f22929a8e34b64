using System.Net;
using GiftBot.Meaning;
using GiftBot.Storage;
using GiftBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GiftBot.Benchmarks.Growth;

/// <summary>The real GiftBot host (<see cref="BotUnderLoad"/>) on one benchmark store and a prepared catalog, started and ready to measure.</summary>
public sealed class GrowthHost : IAsyncDisposable
{
    /// <summary>The agents' API key the benchmark's waiting-list queries send.</summary>
    public const string AgentApiKey = "growth-benchmark-agent-key";

    private GrowthHost(BotUnderLoad bot, Uri address, GrowthDatabase store) => (Bot, Address, Store) = (bot, address, store);

    public BotUnderLoad Bot { get; }

    public Uri Address { get; }

    public GrowthDatabase Store { get; }

    public IServiceProvider Services => Bot.Services;

    /// <summary>Write transactions the bot's database committed so far (SQLite or PostgreSQL).</summary>
    public Func<long> Commits => () => Bot.Commits;

    public static async Task<GrowthHost> StartAsync(
        GrowthDatabase store, string? catalogPath, IReadOnlyDictionary<string, string?>? extraSettings = null, Action<IServiceCollection>? observe = null)
    {
        var settings = new Dictionary<string, string?>(store.HostSettings) { ["AgentApi:ApiKey"] = AgentApiKey };
        if (catalogPath is not null) settings["Catalog:DatabasePath"] = catalogPath;
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>()) settings[key] = value;
        var bot = new BotUnderLoad(HostedBot.GiftBot, settings, observe);
        var address = bot.Start();
        EnsureUses(bot.Services, store);
        await WaitUntilReadyAsync(address);
        // The sentence model loads in the background at start-up; the measurement starts once it is in memory.
        bot.Services.GetRequiredService<ITextEmbedder>().Embed("gift");
        return new GrowthHost(bot, address, store);
    }

    // Environment variables (ConnectionStrings__GiftBot, Storage__*) must not quietly point the host at another store.
    private static void EnsureUses(IServiceProvider services, GrowthDatabase store)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var uses = store.Provider == GrowthProvider.Sqlite
            ? options.Provider == StorageProvider.Sqlite && services.GetRequiredService<SqliteDatabase>().DatabasePath == Path.GetFullPath(store.SqlitePath!)
            : options.Provider == StorageProvider.Postgres && options.PostgresConnectionString == store.ConnectionString;
        if (!uses) throw new InvalidOperationException($"The host did not take the benchmark's store ({store.Describe()}); check Storage__* environment variables.");
    }

    private static async Task WaitUntilReadyAsync(Uri address)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }

            if (DateTime.UtcNow > deadline) throw new TimeoutException("The host was not ready (/health/ready) within 3 minutes.");
            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync() => await Bot.DisposeAsync();
}
