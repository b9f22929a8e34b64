using GiftBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace GiftBot.WebConsole.Storage;

/// <summary>
/// The console's own tables in the bot's SQLite database, created on first use (IF NOT EXISTS), so the console adds no
/// migration to the shared schema list. Other providers (PostgreSQL) implement the store interfaces instead.
/// </summary>
public sealed class ConsoleSqlite(SqliteDatabase database)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    private const string Schema =
        """
        CREATE TABLE IF NOT EXISTS console_agents (
            name          TEXT    NOT NULL PRIMARY KEY COLLATE NOCASE,
            display_name  TEXT    NOT NULL,
            password_hash TEXT    NOT NULL,
            failed_count  INTEGER NOT NULL DEFAULT 0,
            locked_until  INTEGER NULL,
            created_at    INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS console_transcript (
            id         INTEGER PRIMARY KEY AUTOINCREMENT,
            channel_id TEXT    NOT NULL,
            user_id    TEXT    NOT NULL,
            direction  TEXT    NOT NULL,
            route      TEXT    NOT NULL,
            at         INTEGER NOT NULL,
            activity   TEXT    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_console_transcript_person ON console_transcript (channel_id, user_id, id);
        CREATE INDEX IF NOT EXISTS ix_console_transcript_at ON console_transcript (at);
        CREATE TABLE IF NOT EXISTS console_orders (
            order_id      TEXT    NOT NULL PRIMARY KEY,
            total         TEXT    NOT NULL,
            currency      TEXT    NOT NULL,
            at            INTEGER NOT NULL,
            token         TEXT    NULL,
            channel_id    TEXT    NULL,
            user_id       TEXT    NULL,
            first_touch   TEXT    NOT NULL,
            last_touch    TEXT    NOT NULL,
            received_at   INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_console_orders_at ON console_orders (at);
        CREATE TABLE IF NOT EXISTS console_ad_spend (
            ad_id       TEXT    NOT NULL,
            day         TEXT    NOT NULL,
            campaign    TEXT    NULL,
            spend       TEXT    NOT NULL,
            PRIMARY KEY (ad_id, day)
        );
        CREATE TABLE IF NOT EXISTS console_deletions (
            code        TEXT    NOT NULL PRIMARY KEY,
            user_id     TEXT    NOT NULL,
            requested_at INTEGER NOT NULL,
            completed_at INTEGER NULL
        );
        """;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await database.OpenAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="work"/> as one step of the database's group-committed writer (the bot's one write path).</summary>
    public async Task<T> WriteAsync<T>(Func<ConsoleWrite, Task<T>> work, CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await database.WriteAsync((connection, transaction, _) => work(new ConsoleWrite(connection, transaction)), cancellationToken).ConfigureAwait(false);
    }

    private async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_ready) return;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_ready) return;
            await database.WriteAsync(async (connection, transaction, token) =>
            {
                await using var command = connection.Command(Schema, transaction);
                await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            _ready = true;
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>The connection and transaction of one write step.</summary>
public readonly record struct ConsoleWrite(SqliteConnection Connection, SqliteTransaction Transaction);

/// <summary>Parameterised SQL in one line per call.</summary>
internal static class Sql
{
    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? transaction, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    // A write step runs on the group-commit writer's connection, which keeps each statement parsed once.
    public static Task<int> ExecuteAsync(this ConsoleWrite write, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        SqliteWriteStatements.ExecuteAsync(write.Connection, write.Transaction, sql, cancellationToken, parameters);
}
