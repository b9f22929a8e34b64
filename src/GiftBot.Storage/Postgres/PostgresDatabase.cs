using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GiftBot.Storage.Postgres;

/// <summary>
/// One PostgreSQL database shared by every store and every instance. Applies the schema on first use (no manual step;
/// safe when several instances start at once) and hands out pooled connections. Unlike SQLite there is no in-process
/// writer queue: PostgreSQL's row locks let many writers, on many machines, commit at once.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile bool _initialized;
    private long _commits;

    public PostgresDatabase(string connectionString, ILogger<PostgresDatabase>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _logger = logger ?? NullLogger<PostgresDatabase>.Instance;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "GiftBot";
        }

        // GiftBot keeps no session state on a connection (no SET, no session advisory locks, no LISTEN), so the pool
        // need not send DISCARD ALL on every return: that was one extra round trip per store call, five per turn.
        // A shop that sets it either way ("No Reset On Close" or "NoResetOnClose") keeps its choice.
        if (!connectionString.Replace(" ", "", StringComparison.Ordinal).Contains("NoResetOnClose", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        _dataSource = NpgsqlDataSource.Create(builder);
        Target = $"{builder.Host}:{builder.Port}/{builder.Database}";
    }

    /// <summary>This process's name in store_instances: inbox leases name it, and a heartbeat keeps them.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Write transactions this process committed so far (the load benchmark's commits per turn).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Host, port and database, for logs (never the password).</summary>
    public string Target { get; }

    /// <summary>Opens a pooled connection, applying the schema the first time.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens a connection with a READ COMMITTED transaction; disposing without committing rolls back.</summary>
    public async Task<PostgresWriteScope> BeginWriteAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return new PostgresWriteScope(connection, await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false), () => Interlocked.Increment(ref _commits));
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction and commits it; an exception rolls everything back.</summary>
    public async Task<T> WriteAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var write = await BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var result = await work(write.Connection, write.Transaction, cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    public Task WriteAsync(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task> work, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction, token) =>
        {
            await work(connection, transaction, token).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>Applies pending schema migrations under an advisory lock. Safe to call repeatedly and from many instances at once.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        if (_initialized)
        {
            return;
        }

        await _initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }

            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var version = await PostgresSchemaMigrations.ApplyAsync(connection, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("Storage ready in PostgreSQL at {DatabaseTarget} (schema version {SchemaVersion})", Target, version);
            _initialized = true;
        }
        finally
        {
            _initLock.Release();
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}

/// <summary>An open connection with a transaction. Disposing without <see cref="CommitAsync"/> rolls back.</summary>
public sealed class PostgresWriteScope(NpgsqlConnection connection, NpgsqlTransaction transaction, Action committed) : IAsyncDisposable
{
    public NpgsqlConnection Connection { get; } = connection;

    public NpgsqlTransaction Transaction { get; } = transaction;

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await Transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        committed();
    }

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync().ConfigureAwait(false);
        await Connection.DisposeAsync().ConfigureAwait(false);
    }
}
