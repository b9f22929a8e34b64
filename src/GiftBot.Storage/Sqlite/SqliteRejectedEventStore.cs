using Microsoft.Data.Sqlite;

namespace GiftBot.Storage.Sqlite;

/// <summary>Rejected incoming events in SQLite: one row per (body, location), reasons bounded in length. Recorded before the webhook answers, so in the acknowledgement lane.</summary>
public sealed class SqliteRejectedEventStore(SqliteDatabase database) : IRejectedEventStore
{
    public async Task RecordAsync(IReadOnlyCollection<RejectedEvent> rejected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        if (rejected.Count == 0) return;
        await database.WriteAsync(async (connection, transaction, token) =>
        {
            foreach (var item in rejected)
            {
                await connection.ExecuteAsync(
                    """
                    INSERT INTO rejected_events (source, location, reason, body_hash, received_at)
                    VALUES ($source, $location, $reason, $hash, $received)
                    ON CONFLICT (body_hash, location) DO NOTHING;
                    """,
                    token, transaction,
                    ("$source", item.Source), ("$location", RejectedEventRow.Bound(item.Location)), ("$reason", RejectedEventRow.Bound(item.Reason)),
                    ("$hash", item.BodyHash), ("$received", item.ReceivedAt.ToUnixMs())).ConfigureAwait(false);
            }
        }, cancellationToken, WritePriority.Acknowledgement).ConfigureAwait(false);
    }

    public async Task<RejectedEventSummary> SummarizeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var count = await connection.ScalarAsync<long>("SELECT COUNT(*) FROM rejected_events;", cancellationToken).ConfigureAwait(false);
        return new RejectedEventSummary(count, count == 0 ? null : (await ListAsync(connection, 1, cancellationToken).ConfigureAwait(false))[0]);
    }

    public async Task<IReadOnlyList<RejectedEvent>> ListRecentAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ListAsync(connection, Math.Min(limit, RejectedEventRow.MaxListLimit), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<RejectedEvent>> ListAsync(SqliteConnection connection, int limit, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            $"SELECT {RejectedEventRow.SelectColumns} FROM rejected_events ORDER BY received_at DESC, id DESC LIMIT $limit;",
            null, ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await RejectedEventRow.ReadAllAsync(reader, cancellationToken).ConfigureAwait(false);
    }
}
