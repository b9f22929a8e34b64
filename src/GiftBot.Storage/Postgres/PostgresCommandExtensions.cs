using Npgsql;

namespace GiftBot.Storage.Postgres;

/// <summary>Small helpers that keep the stores' SQL readable: every value goes in as a named parameter (@name).</summary>
public static class PostgresCommandExtensions
{
    public static NpgsqlCommand Command(this NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        DbCommandValues.AddParameters(command, parameters);
        return command;
    }

    public static async Task<int> ExecuteAsync(this NpgsqlConnection connection, string sql, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, transaction, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<T?> ScalarAsync<T>(this NpgsqlConnection connection, string sql, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, transaction, parameters);
        return await DbCommandValues.ScalarAsync<T>(command, cancellationToken).ConfigureAwait(false);
    }
}
