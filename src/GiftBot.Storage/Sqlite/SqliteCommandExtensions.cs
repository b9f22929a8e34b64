using Microsoft.Data.Sqlite;

namespace GiftBot.Storage.Sqlite;

/// <summary>Small helpers that keep the stores' SQL readable: every value goes in as a parameter.</summary>
internal static class SqliteCommandExtensions
{
    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        DbCommandValues.AddParameters(command, parameters);
        return command;
    }

    public static async Task<int> ExecuteAsync(this SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, transaction, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<T?> ScalarAsync<T>(this SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, transaction, parameters);
        return await DbCommandValues.ScalarAsync<T>(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// BEGIN IMMEDIATE: takes the write lock up front, so a read-then-write transaction waits for other writers
    /// (busy timeout) instead of failing with SQLITE_BUSY when it tries to upgrade its lock.
    /// </summary>
    public static SqliteTransaction BeginWrite(this SqliteConnection connection) => connection.BeginTransaction(deferred: false);

    public static long ToUnixMs(this DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromUnixMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);
}
