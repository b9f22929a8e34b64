using Microsoft.Extensions.Options;

namespace GiftBot.Storage;

/// <summary>
/// Which database holds the bot's data, bound to the "Storage" configuration section: the embedded SQLite file (default,
/// one instance) or PostgreSQL (ConnectionStrings:GiftBot; any number of instances share it).
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The name under ConnectionStrings that holds the PostgreSQL connection string.</summary>
    public const string ConnectionStringName = "GiftBot";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>ConnectionStrings:GiftBot, a standard Npgsql connection string; read for the Postgres provider only.</summary>
    public string? PostgresConnectionString { get; internal set; }

    /// <summary>Database file; a relative path is resolved against the host's content root. The folder is created on first use.</summary>
    public string DatabasePath { get; set; } = "data/giftbot.db";

    /// <summary>How long a connection waits for another process's write lock on the file before giving up.</summary>
    public int BusyTimeoutMilliseconds { get; set; } = 30000;

    /// <summary>
    /// Full (default): every commit is on disk before it returns, so an acknowledged inbox item survives a power cut.
    /// Normal: several times more writes per second; survives a process crash, but the last commits may be lost if the machine loses power.
    /// </summary>
    public StorageSynchronousMode Synchronous { get; set; } = StorageSynchronousMode.Full;

    /// <summary>How often this process tells others sharing the database that it is alive; after three missed beats its inbox leases are taken over.</summary>
    public TimeSpan InstanceHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long Messenger dedup keys are kept, so Meta's redeliveries within that window are recognised.</summary>
    public TimeSpan DedupKeyRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long raw funnel events are kept; older ones are rolled up into daily figures per entry source and kind.</summary>
    public TimeSpan FunnelEventRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often the retention job prunes dedup keys and rolls up funnel events.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    internal static readonly TimeSpan DefaultInstanceStaleAfter = TimeSpan.FromSeconds(6);

    /// <summary>Three missed heartbeats.</summary>
    internal TimeSpan InstanceStaleAfter => InstanceHeartbeatInterval * 3;
}

public enum StorageProvider
{
    Sqlite,
    Postgres,
}

public enum StorageSynchronousMode
{
    Full,
    Normal,
}

/// <summary>Fails start-up with a message naming the configuration key that is wrong.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add($"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)} must be Sqlite or Postgres.");
        }
        else if (options.Provider == StorageProvider.Postgres)
        {
            ValidatePostgres(options.PostgresConnectionString, failures);
        }

        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            failures.Add($"{StorageOptions.SectionName}:{nameof(StorageOptions.DatabasePath)} must name a database file, e.g. \"data/giftbot.db\".");
        }
        else if (options.DatabasePath.IndexOfAny(Path.GetInvalidPathChars()) >= 0 || options.DatabasePath.Trim() == ":memory:")
        {
            failures.Add($"{StorageOptions.SectionName}:{nameof(StorageOptions.DatabasePath)} is not a usable file path.");
        }

        if (options.BusyTimeoutMilliseconds is < 1 or > 600_000)
        {
            failures.Add($"{StorageOptions.SectionName}:{nameof(StorageOptions.BusyTimeoutMilliseconds)} must be between 1 and 600000.");
        }

        if (options.InstanceHeartbeatInterval < TimeSpan.FromMilliseconds(100) || options.InstanceHeartbeatInterval > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{StorageOptions.SectionName}:{nameof(StorageOptions.InstanceHeartbeatInterval)} must be between 00:00:00.1 and 00:05:00.");
        }

        if (options.DedupKeyRetention < TimeSpan.FromHours(1))
        {
            failures.Add($"{StorageOptions.SectionName}:{nameof(StorageOptions.DedupKeyRetention)} must be at least 01:00:00 (Meta redelivers for days; the default is 7.00:00:00).");
        }

        if (options.FunnelEventRetention < TimeSpan.FromDays(1))
        {
            failures.Add($"{StorageOptions.SectionName}:{nameof(StorageOptions.FunnelEventRetention)} must be at least 1.00:00:00.");
        }

        if (options.RetentionInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{StorageOptions.SectionName}:{nameof(StorageOptions.RetentionInterval)} must be at least 00:00:01.");
        }

        if (!Enum.IsDefined(options.Synchronous))
        {
            failures.Add($"{StorageOptions.SectionName}:{nameof(StorageOptions.Synchronous)} must be Full or Normal.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidatePostgres(string? connectionString, List<string> failures)
    {
        const string key = "ConnectionStrings:" + StorageOptions.ConnectionStringName;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            failures.Add($"{key} must be set when {StorageOptions.SectionName}:{nameof(StorageOptions.Provider)} is Postgres, e.g. \"Host=db.example.com;Database=giftbot;Username=giftbot;Password=...\".");
            return;
        }

        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                failures.Add($"{key} must name the server (Host=...).");
            }
        }
        catch (ArgumentException ex)
        {
            // The parser's message names the bad keyword; the string itself may hold a password, so it is not repeated.
            failures.Add($"{key} is not a valid Npgsql connection string: {ex.Message}");
        }
    }
}
