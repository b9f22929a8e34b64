using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GiftBot.Storage.Sqlite;

/// <summary>
/// One SQLite database file shared by every store. Creates the folder, switches to WAL and applies the schema
/// on first use (no manual step); hands out a pooled connection per operation so many tasks can write safely.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMilliseconds;
    private readonly string _synchronous;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    // SQLite has one writer at a time. Queueing this process's writers here (fair, async) instead of letting them
    // poll the file lock avoids starvation under load ("database is locked" after the busy timeout); the busy
    // timeout still covers other processes (e.g. the CLI) writing to the same file.
    private readonly SemaphoreSlim _writerLock = new(1, 1);
    private volatile bool _initialized;
    private readonly Lazy<SqliteGroupCommitWriter> _writer;
    private readonly Lazy<SqliteWalCheckpointer> _checkpointer;

    public SqliteDatabase(string databasePath, int busyTimeoutMilliseconds = 30000, ILogger<SqliteDatabase>? logger = null, StorageSynchronousMode synchronous = StorageSynchronousMode.Full)
    {
        _synchronous = synchronous == StorageSynchronousMode.Normal ? "NORMAL" : "FULL";
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _busyTimeoutMilliseconds = busyTimeoutMilliseconds;
        _logger = logger ?? NullLogger<SqliteDatabase>.Instance;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = Math.Max(1, busyTimeoutMilliseconds / 1000),
        }.ToString();
        _checkpointer = new Lazy<SqliteWalCheckpointer>(() => new SqliteWalCheckpointer(OpenRawAsync, _writerLock, WalSizeLimitBytes / AssumedPageSizeBytes, busyTimeoutMilliseconds, _logger));
        _writer = new Lazy<SqliteGroupCommitWriter>(() => new SqliteGroupCommitWriter(OpenWriterAsync, _writerLock, _logger, _checkpointer.Value.PagesAppended));
    }

    /// <summary>This process's identity as a lease owner (inbox items it is working on), new on every start.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Write transactions committed by this process's group-commit writer (one fsync each at Synchronous=Full).</summary>
    public long Commits => _writer.IsValueCreated ? _writer.Value.Commits : 0;

    /// <summary>Write steps (a turn's unit of work, an enqueue, a lease ...) those transactions carried.</summary>
    public long CommittedSteps => _writer.IsValueCreated ? _writer.Value.Steps : 0;

    /// <summary>What this process's writes cost so far: pages per commit, COMMIT time, checkpoints (see <see cref="SqliteWriteStatistics"/>).</summary>
    public SqliteWriteStatistics WriteStatistics
    {
        get
        {
            if (!_writer.IsValueCreated)
            {
                return default;
            }

            var (writer, checkpointer) = (_writer.Value, _checkpointer.Value);
            return new SqliteWriteStatistics(
                writer.Commits, writer.Steps, writer.PagesWritten, writer.PagesRead, writer.CommitMilliseconds, writer.SlowCommits,
                checkpointer.Checkpoints, checkpointer.WalFramesAtCheckpoints, checkpointer.CheckpointMilliseconds,
                checkpointer.BlockingCheckpoints, checkpointer.BlockingCheckpointMilliseconds);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> inside the shared write transaction of the next group commit (see <see cref="SqliteGroupCommitWriter"/>).
    /// It must only use the given connection and transaction; an exception undoes this step alone and is rethrown here.
    /// </summary>
    public async Task<T> WriteAsync<T>(
        Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default, WritePriority priority = WritePriority.Normal)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await _writer.Value.ExecuteAsync(work, cancellationToken, priority).ConfigureAwait(false);
    }

    public async Task WriteAsync(
        Func<SqliteConnection, SqliteTransaction, CancellationToken, Task> work, CancellationToken cancellationToken = default, WritePriority priority = WritePriority.Normal)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await _writer.Value.ExecuteAsync(work, cancellationToken, priority).ConfigureAwait(false);
    }

    /// <summary>Finishes the writes already queued, then closes the writer's connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_writer.IsValueCreated)
        {
            await _writer.Value.DisposeAsync().ConfigureAwait(false);
        }

        if (_checkpointer.IsValueCreated)
        {
            await _checkpointer.Value.DisposeAsync().ConfigureAwait(false);
        }
    }

    public string DatabasePath { get; }

    internal string ConnectionString => _connectionString;

    /// <summary>Opens a connection for reading, creating and migrating the database the first time. Writes go through <see cref="WriteAsync{T}"/>.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        // Readers need no pragmas: WAL readers never wait for the writer, and the driver retries a busy file for DefaultTimeout.
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The WAL file is cut back to this size whenever it starts over, so one burst of writes (an import, a backlog) does not leave it large.</summary>
    internal const long WalSizeLimitBytes = 64L * 1024 * 1024;

    // SQLite's default page size (the schema does not change it); only used to turn the WAL size limit into frames.
    private const long AssumedPageSizeBytes = 4096;

    // The writer does not checkpoint: SQLite's automatic checkpoint would run inside the COMMIT of whichever batch crossed
    // 1,000 WAL pages, and that batch's turns would wait for the copy. SqliteWalCheckpointer does it on its own connection.
    private async Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenRawAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await connection.ExecuteAsync($"PRAGMA journal_size_limit = {WalSizeLimitBytes}; PRAGMA wal_autocheckpoint = 0;", cancellationToken).ConfigureAwait(false);
            // Every turn's unit of work runs the same few statements on this connection: parse them once.
            connection.KeepPreparedStatements();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Creates the folder and file, turns on WAL and applies pending schema migrations. Safe to call repeatedly.</summary>
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

            var folder = Path.GetDirectoryName(DatabasePath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            await using var connection = await OpenRawAsync(cancellationToken).ConfigureAwait(false);
            // WAL lets readers run while one writer commits; the mode is stored in the file, so setting it once sticks.
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
            var version = await SchemaMigrations.ApplyAsync(connection, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("Storage ready at {DatabasePath} (schema version {SchemaVersion})", DatabasePath, version);
            _initialized = true;
        }
        finally
        {
            _initLock.Release();
        }
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync($"PRAGMA busy_timeout = {_busyTimeoutMilliseconds}; PRAGMA synchronous = {_synchronous};", cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
