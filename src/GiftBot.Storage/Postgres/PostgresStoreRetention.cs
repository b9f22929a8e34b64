namespace GiftBot.Storage.Postgres;

/// <summary>
/// Retention in PostgreSQL, in steps of a few thousand rows so no transaction holds many locks for long. Funnel events are
/// rolled up by whole UTC days into <c>funnel_daily</c> in the same transaction that deletes them, so no count is lost or
/// doubled, also when two instances run retention at once (the rows are taken FOR UPDATE SKIP LOCKED).
/// </summary>
public sealed class PostgresStoreRetention(PostgresDatabase database) : IStoreRetention
{
    private const int RowsPerStep = 5000;
    private const long DayMs = 86_400_000;

    public async Task<RetentionResult> ApplyAsync(DateTimeOffset dedupKeysBefore, DateTimeOffset rawEventsBefore, CancellationToken cancellationToken)
    {
        var dedupCutoff = dedupKeysBefore.ToUnixTimeMilliseconds();
        long keys = 0;
        while (true)
        {
            var removed = await database.WriteAsync(async (connection, transaction, token) =>
            {
                // A key whose item is still waiting stays: the item itself proves the delivery.
                var deleted = await connection.ExecuteAsync(
                    """
                    DELETE FROM inbox_dedup WHERE dedup_key IN (
                        SELECT d.dedup_key FROM inbox_dedup d
                        WHERE d.accepted_at < @cutoff AND NOT EXISTS (SELECT 1 FROM inbox i WHERE i.dedup_key = d.dedup_key)
                        LIMIT @rows FOR UPDATE SKIP LOCKED);
                    """,
                    token, transaction, ("cutoff", dedupCutoff), ("rows", RowsPerStep)).ConfigureAwait(false);
                await connection.ExecuteAsync(
                    "DELETE FROM reply_outbox o WHERE o.sent_at < @cutoff AND NOT EXISTS (SELECT 1 FROM inbox i WHERE i.dedup_key = o.scope);",
                    token, transaction, ("cutoff", dedupCutoff)).ConfigureAwait(false);
                return deleted;
            }, cancellationToken).ConfigureAwait(false);
            keys += removed;
            if (removed < RowsPerStep)
            {
                break;
            }
        }

        // A person's lease row is only needed while something of theirs is in the inbox (the next enqueue adds it again), so rows
        // with nothing waiting, parked or leased go, instead of one row for everyone the shop ever met. The exclusive lock waits
        // for enqueues in flight and holds new ones back for the few milliseconds of one step.
        long partitions = 0;
        while (true)
        {
            var removed = await database.WriteAsync(async (connection, transaction, token) =>
            {
                await connection.ExecuteAsync($"SELECT pg_advisory_xact_lock({PostgresDurableInbox.PartitionPruningLock});", token, transaction).ConfigureAwait(false);
                return await connection.ExecuteAsync(
                    """
                    DELETE FROM inbox_partitions WHERE partition_key IN (
                        SELECT p.partition_key FROM inbox_partitions p
                        WHERE p.leased_item IS NULL AND NOT EXISTS (SELECT 1 FROM inbox i WHERE i.partition_key = p.partition_key)
                        LIMIT @rows FOR UPDATE SKIP LOCKED);
                    """,
                    token, transaction, ("rows", RowsPerStep)).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            partitions += removed;
            if (removed < RowsPerStep)
            {
                break;
            }
        }

        // Whole days only, so a day is either all raw or all rolled up.
        var eventCutoff = rawEventsBefore.ToUnixTimeMilliseconds() / DayMs * DayMs;
        long events = 0;
        while (true)
        {
            var rolled = await database.WriteAsync(async (connection, transaction, token) =>
            {
                await using var command = connection.Command(
                    """
                    WITH batch AS (
                        DELETE FROM funnel_events WHERE id IN (
                            SELECT id FROM funnel_events WHERE timestamp < @cutoff ORDER BY timestamp LIMIT @rows FOR UPDATE SKIP LOCKED)
                        RETURNING timestamp, entry_source, kind),
                    daily AS (
                        INSERT INTO funnel_daily (day, entry_source, kind, count)
                        SELECT timestamp / @dayMs, COALESCE(entry_source, ''), kind, COUNT(*) FROM batch
                        GROUP BY timestamp / @dayMs, COALESCE(entry_source, ''), kind
                        ON CONFLICT (day, entry_source, kind) DO UPDATE SET count = funnel_daily.count + excluded.count)
                    SELECT COUNT(*) FROM batch;
                    """,
                    transaction, ("cutoff", eventCutoff), ("rows", RowsPerStep), ("dayMs", DayMs));
                return Convert.ToInt32(await command.ExecuteScalarAsync(token).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            }, cancellationToken).ConfigureAwait(false);
            events += rolled;
            if (rolled < RowsPerStep)
            {
                break;
            }
        }

        return new RetentionResult(keys, events, partitions);
    }
}
