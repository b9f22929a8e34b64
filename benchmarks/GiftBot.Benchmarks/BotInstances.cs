namespace GiftBot.Benchmarks;

/// <summary>
/// <c>--instances</c> copies of the real host on one database, as several App Service instances behind a load balancer:
/// PostgreSQL when <c>--provider postgres</c>, else one shared SQLite file (WAL allows several processes on one machine).
/// </summary>
public sealed class BotInstances : IAsyncDisposable
{
    private readonly List<BotUnderLoad> _bots;
    private readonly string? _sharedDirectory;

    private BotInstances(List<BotUnderLoad> bots, string? sharedDirectory, Uri[] addresses)
    {
        _bots = bots;
        _sharedDirectory = sharedDirectory;
        Addresses = addresses;
    }

    public IReadOnlyList<Uri> Addresses { get; }

    /// <summary>Write transactions committed by every instance so far.</summary>
    public long Commits => _bots.Sum(bot => bot.Commits);

    public static BotInstances Start(HostedBot bot, BenchmarkOptions options)
    {
        var settings = options.StorageSettings();
        string? sharedDirectory = null;
        if (options.Instances > 1 && options.PostgresConnectionString is null)
        {
            sharedDirectory = Path.Combine(Path.GetTempPath(), "giftbot-bench", Guid.NewGuid().ToString("N"));
            settings["Storage:DatabasePath"] = Path.Combine(sharedDirectory, "giftbot.db");
        }

        var bots = new List<BotUnderLoad>();
        try
        {
            for (var i = 0; i < options.Instances; i++) bots.Add(new BotUnderLoad(bot, settings));
            return new BotInstances(bots, sharedDirectory, bots.Select(b => b.Start()).ToArray());
        }
        catch
        {
            foreach (var started in bots) started.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var bot in _bots) await bot.DisposeAsync();
        if (_sharedDirectory is null) return;
        try { Directory.Delete(_sharedDirectory, recursive: true); }
        catch (IOException) { }
    }
}
