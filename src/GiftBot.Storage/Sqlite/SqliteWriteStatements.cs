using Microsoft.Data.Sqlite;

namespace GiftBot.Storage.Sqlite;

/// <summary>
/// Statements run inside a step of <see cref="SqliteDatabase.WriteAsync{T}"/> by stores outside this assembly (the console's
/// transcript): on the group-commit writer's connection each SQL text is parsed once and kept, as the bot's own stores'
/// statements are, instead of being prepared again for every row while every other turn waits for the writer.
/// </summary>
public static class SqliteWriteStatements
{
    /// <summary>Runs <paramref name="sql"/> with its parameters (null goes in as SQL NULL); returns the rows changed.</summary>
    public static Task<int> ExecuteAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.ExecuteAsync(sql, cancellationToken, transaction, parameters);
    }
}
