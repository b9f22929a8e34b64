using Microsoft.Data.Sqlite;
using Npgsql;

namespace GiftBot.Benchmarks.Growth;

/// <summary>
/// A fresh, empty bot store for one host of the benchmark: a SQLite file in a temporary folder, or a new database on the
/// PostgreSQL server named by ConnectionStrings__GiftBot (created here, dropped at the end). Gives the host its settings
/// and reports the store's size on disk.
/// </summary>
public sealed class GrowthDatabase : IAsyncDisposable
{
    public const string ConnectionStringVariable = "ConnectionStrings__GiftBot";

    private readonly string? _serverConnectionString;
    private readonly string? _databaseName;
    private readonly string? _folder;

    private GrowthDatabase(GrowthProvider provider, string? folder, string? serverConnectionString, string? databaseName)
    {
        Provider = provider;
        (_folder, _serverConnectionString, _databaseName) = (folder, serverConnectionString, databaseName);
    }

    public GrowthProvider Provider { get; }

    public string? SqlitePath => _folder is null ? null : Path.Combine(_folder, "giftbot.db");

    public string? ConnectionString => _databaseName is null
        ? null
        : new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = _databaseName, MaxPoolSize = 100 }.ConnectionString;

    public static async Task<GrowthDatabase> CreateAsync(GrowthProvider provider, string label)
    {
        if (provider == GrowthProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "giftbot-growth", $"{label}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(folder);
            return new GrowthDatabase(provider, folder, null, null);
        }

        var server = ServerConnectionString();
        var name = $"giftbot_growth_{label}_{Guid.NewGuid().ToString("N")[..8]}";
        await ExecuteAsync(server, $"CREATE DATABASE {name};");
        return new GrowthDatabase(provider, null, server, name);
    }

    /// <summary>What the host needs to use this store (Storage:Provider and its path or connection string).</summary>
    public IReadOnlyDictionary<string, string?> HostSettings => Provider == GrowthProvider.Sqlite
        ? new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite", ["Storage:DatabasePath"] = SqlitePath }
        : new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres", ["ConnectionStrings:GiftBot"] = ConnectionString };

    public string Describe() => Provider == GrowthProvider.Sqlite
        ? $"SQLite, {SqlitePath}"
        : $"PostgreSQL, database {_databaseName} on {new NpgsqlConnectionStringBuilder(_serverConnectionString).Host}";

    /// <summary>The bot store on disk: the SQLite file with its WAL, or pg_database_size.</summary>
    public async Task<long> SizeBytesAsync()
    {
        if (Provider == GrowthProvider.Sqlite)
        {
            return new[] { "", "-wal", "-shm" }.Select(suffix => new FileInfo(SqlitePath + suffix)).Where(f => f.Exists).Sum(f => f.Length);
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_database_size(current_database());", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Moves the seeded dedup keys <paramref name="days"/> into the past and funnel events as far, so retention finds a backlog
    /// past its windows (the default 7 days for keys; 90 days for raw events, of which the seeding spreads 85): the soak then
    /// watches the host's own retention job prune and roll it up while turns are served. The same SQL on both stores.
    /// </summary>
    public async Task AgeSeededRowsAsync(int days)
    {
        var sql = $"UPDATE inbox_dedup SET accepted_at = accepted_at - {days * 86_400_000L}; UPDATE funnel_events SET timestamp = timestamp - {days * 86_400_000L};";
        if (Provider == GrowthProvider.Sqlite)
        {
            await using var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = SqlitePath, Pooling = false, DefaultTimeout = 60 }.ToString());
            await sqlite.OpenAsync();
            await using var command = sqlite.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
        else
        {
            await ExecuteAsync(ConnectionString!, sql);
        }
    }

    /// <summary>
    /// What a running PostgreSQL server does by itself (autovacuum, autoanalyze) after a bulk load, done at once so the
    /// measurement does not race it. SQLite: the seeding's WAL is copied into the database and cut back to nothing (a TRUNCATE
    /// checkpoint), so the first measured windows neither pay for checkpointing the load nor read through a long WAL; then the
    /// file's dirty pages are flushed and the machine given a few seconds, so the seeding's write-back does not fall into a window.
    /// </summary>
    public async Task SettleAsync()
    {
        if (Provider == GrowthProvider.Sqlite)
        {
            await using var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = SqlitePath, Pooling = false, DefaultTimeout = 60 }.ToString());
            await sqlite.OpenAsync();
            await using var checkpoint = sqlite.CreateCommand();
            checkpoint.CommandText = "PRAGMA busy_timeout = 60000; PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
            await using (var file = new FileStream(SqlitePath!, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
            {
                file.Flush(flushToDisk: true);
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
        }
        else
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("VACUUM (ANALYZE);", connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            // GIFTBOT_BENCH_KEEP_STORE=1 leaves the file for a look at what was stored (sqlite3 on the printed path).
            if (Environment.GetEnvironmentVariable("GIFTBOT_BENCH_KEEP_STORE") == "1")
            {
                Console.WriteLine($"store kept: {SqlitePath}");
                return;
            }

            try { Directory.Delete(_folder, recursive: true); }
            catch (IOException) { }
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_serverConnectionString!, $"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE);");
    }

    private static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } value
            ? value
            : throw new ArgumentException($"--provider postgres needs {ConnectionStringVariable} (an Npgsql connection string for a login that may create databases).");

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
