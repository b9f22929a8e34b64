using Npgsql;

namespace GiftBot.Storage.Postgres;

/// <summary>The reply outbox in PostgreSQL: one row per part sent, keyed by scope and sequence; cleared with the item's completion.</summary>
public sealed class PostgresReplyOutbox(PostgresDatabase database) : IReplyOutbox
{
    public async Task<IReadOnlySet<int>> ListSentAsync(string scope, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT sequence FROM reply_outbox WHERE scope = @scope;", null, ("scope", scope));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var sent = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            sent.Add(reader.GetInt32(0));
        }

        return sent;
    }

    public async Task RecordSentAsync(string scope, int sequence, string? messageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(
            "INSERT INTO reply_outbox (scope, sequence, message_id, sent_at) VALUES (@scope, @sequence, @messageId, @now) ON CONFLICT DO NOTHING;",
            cancellationToken, null, ("scope", scope), ("sequence", sequence), ("messageId", messageId), ("now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())).ConfigureAwait(false);
    }

    internal static Task<int> ClearRowsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string scope, CancellationToken cancellationToken) =>
        connection.ExecuteAsync("DELETE FROM reply_outbox WHERE scope = @scope;", cancellationToken, transaction, ("scope", scope));
}
