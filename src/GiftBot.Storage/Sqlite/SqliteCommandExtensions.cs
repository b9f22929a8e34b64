using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace GiftBot.Storage.Sqlite;

/// <summary>Small helpers that keep the stores' SQL readable: every value goes in as a parameter.</summary>
internal static class SqliteCommandExtensions
{
    // Long-lived connections (the group-commit writer's) that keep their commands, so SQLite parses each statement once.
    private static readonly ConditionalWeakTable<SqliteConnection, PreparedStatements> Kept = new();

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
        if (Kept.TryGetValue(connection, out var statements) && statements.Rent(sql, transaction, parameters) is { } kept)
        {
            return await kept.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var command = connection.Command(sql, transaction, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<T?> ScalarAsync<T>(this SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        if (Kept.TryGetValue(connection, out var statements) && statements.Rent(sql, transaction, parameters) is { } kept)
        {
            return await DbCommandValues.ScalarAsync<T>(kept, cancellationToken).ConfigureAwait(false);
        }

        await using var command = connection.Command(sql, transaction, parameters);
        return await DbCommandValues.ScalarAsync<T>(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The rows <paramref name="sql"/> returns, each read by <paramref name="read"/> (a kept statement where the connection keeps them).</summary>
    public static async Task<List<T>> QueryAsync<T>(this SqliteConnection connection, string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        var kept = Kept.TryGetValue(connection, out var statements) ? statements.Rent(sql, transaction, parameters) : null;
        var command = kept ?? connection.Command(sql, transaction, parameters);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
        finally
        {
            if (kept is null)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// From now on <see cref="ExecuteAsync"/>, <see cref="QueryAsync{T}"/> and <see cref="ScalarAsync{T}"/> on this connection reuse one command per SQL text
    /// with its parameters rebound: Microsoft.Data.Sqlite prepares a statement again for every new command, and the writer runs
    /// the same few statements for every turn. Only for a connection used by one caller at a time; closing it finalizes them.
    /// </summary>
    public static void KeepPreparedStatements(this SqliteConnection connection) => Kept.AddOrUpdate(connection, new PreparedStatements(connection));

    /// <summary>
    /// BEGIN IMMEDIATE: takes the write lock up front, so a read-then-write transaction waits for other writers
    /// (busy timeout) instead of failing with SQLITE_BUSY when it tries to upgrade its lock.
    /// </summary>
    public static SqliteTransaction BeginWrite(this SqliteConnection connection) => connection.BeginTransaction(deferred: false);

    public static long ToUnixMs(this DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromUnixMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    // One command per SQL text. SQL built per call (a PRAGMA with a number, an IN list) would grow this without end: past the
    // limit a new text gets a command of its own, as before.
    private sealed class PreparedStatements(SqliteConnection connection)
    {
        private const int MaxStatements = 64;
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public SqliteCommand? Rent(string sql, SqliteTransaction? transaction, (string Name, object? Value)[] parameters)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                if (_commands.Count >= MaxStatements)
                {
                    return null;
                }

                command = connection.CreateCommand();
                command.CommandText = sql;
                _commands.Add(sql, command);
            }

            command.Transaction = transaction;
            Rebind(command.Parameters, parameters);
            return command;
        }

        // The same statement is called with the same names in the same order: only the values change.
        private static void Rebind(SqliteParameterCollection bound, (string Name, object? Value)[] parameters)
        {
            var sameNames = bound.Count == parameters.Length;
            for (var i = 0; sameNames && i < parameters.Length; i++)
            {
                sameNames = bound[i].ParameterName == parameters[i].Name;
            }

            if (!sameNames)
            {
                bound.Clear();
                foreach (var (name, _) in parameters)
                {
                    bound.Add(new SqliteParameter { ParameterName = name });
                }
            }

            for (var i = 0; i < parameters.Length; i++)
            {
                bound[i].Value = parameters[i].Value ?? DBNull.Value;
            }
        }
    }
}
