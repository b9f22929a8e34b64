using GiftBot.Storage.Postgres;
using GiftBot.Storage.Sqlite;
using GiftBot.Testing.Postgres;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GiftBot.Storage.Tests.Contracts;

/// <summary>
/// One provider's stores over one empty database, for the contract tests. Every Create call opens the database afresh,
/// as another process or instance would, so "restart" and "two instances" tests need nothing provider-specific.
/// </summary>
public abstract class StoreBackend : IAsyncDisposable
{
    public abstract Task InitializeAsync();

    public abstract IStorage CreateStorage();

    public abstract IDurableInbox CreateInbox(TimeProvider clock);

    public abstract IScheduledJobStore CreateJobStore();

    public abstract IFunnelEventStore CreateFunnelStore();

    public abstract IUnitOfWorkCommitter CreateCommitter();

    public abstract IReplyOutbox CreateReplyOutbox();

    public abstract ICustomerListStore CreateCustomerList();

    public abstract IStoreRetention CreateRetention();

    public abstract IRejectedEventStore CreateRejectedEventStore();

    /// <summary>Raw SQL against the provider's tables (both use the same table and column names), e.g. to damage a row.</summary>
    public abstract Task ExecuteSqlAsync(string sql);

    public abstract ValueTask DisposeAsync();
}

public sealed class SqliteBackend : StoreBackend
{
    private readonly TempDatabase _db = new();

    public override Task InitializeAsync() => Task.CompletedTask;

    public override IStorage CreateStorage() => new SqliteStorage(_db.Open());

    public override IDurableInbox CreateInbox(TimeProvider clock) => new SqliteDurableInbox(_db.Open(), clock);

    public override IScheduledJobStore CreateJobStore() => new SqliteScheduledJobStore(_db.Open());

    public override IFunnelEventStore CreateFunnelStore() => new SqliteFunnelEventStore(_db.Open());

    public override IUnitOfWorkCommitter CreateCommitter() => new SqliteUnitOfWorkCommitter(_db.Open());

    public override IReplyOutbox CreateReplyOutbox() => new SqliteReplyOutbox(_db.Open());

    public override ICustomerListStore CreateCustomerList() => new SqliteCustomerListStore(_db.Open());

    public override IStoreRetention CreateRetention() => new SqliteStoreRetention(_db.Open());

    public override IRejectedEventStore CreateRejectedEventStore() => new SqliteRejectedEventStore(_db.Open());

    public override async Task ExecuteSqlAsync(string sql)
    {
        await _db.Open().EnsureCreatedAsync();
        await using var connection = new SqliteConnection(_db.Open().ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public override ValueTask DisposeAsync()
    {
        _db.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>A throw-away schema on the test server; each Create opens its own connection pool, like a separate instance.</summary>
public sealed class PostgresBackend : StoreBackend
{
    private readonly List<PostgresDatabase> _opened = [];
    private PostgresTestSchema? _schema;

    public override async Task InitializeAsync() => _schema = await PostgresTestServer.CreateSchemaAsync();

    /// <summary>The test schema's connection string, for PostgreSQL-only checks of its tables.</summary>
    public string ConnectionString => _schema!.ConnectionString;

    public override IStorage CreateStorage() => new PostgresStorage(Open());

    public override IDurableInbox CreateInbox(TimeProvider clock) => new PostgresDurableInbox(Open(), clock);

    public override IScheduledJobStore CreateJobStore() => new PostgresScheduledJobStore(Open());

    public override IFunnelEventStore CreateFunnelStore() => new PostgresFunnelEventStore(Open());

    public override IUnitOfWorkCommitter CreateCommitter() => new PostgresUnitOfWorkCommitter(Open());

    public override IReplyOutbox CreateReplyOutbox() => new PostgresReplyOutbox(Open());

    public override ICustomerListStore CreateCustomerList() => new PostgresCustomerListStore(Open());

    public override IStoreRetention CreateRetention() => new PostgresStoreRetention(Open());

    public override IRejectedEventStore CreateRejectedEventStore() => new PostgresRejectedEventStore(Open());

    public override async Task ExecuteSqlAsync(string sql)
    {
        await Open().EnsureCreatedAsync();
        await using var connection = new NpgsqlConnection(_schema!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }

        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }

    private PostgresDatabase Open()
    {
        var database = new PostgresDatabase(_schema!.ConnectionString);
        _opened.Add(database);
        return database;
    }
}
