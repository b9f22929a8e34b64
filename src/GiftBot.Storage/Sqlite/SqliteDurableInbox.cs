using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GiftBot.Storage.Sqlite;

/// <summary>
/// The durable inbox in SQLite. An item is committed before EnqueueAsync returns (so the sender may be acknowledged; the
/// write goes in the writer's acknowledgement lane, ahead of queued turns),
/// dedup keys are remembered forever (even after the item is completed and its payload deleted), each partition is
/// served strictly in order (occurredAt, then id) with at most one item in flight, and a lease that expires
/// (the worker crashed) makes its item leasable again.
/// </summary>
/// <remarks>
/// A lease names its owner (<see cref="SqliteDatabase.InstanceId"/>). A lease held by an instance whose heartbeat (see
/// <see cref="StoreInstanceHeartbeat"/>) is older than <paramref name="ownerStaleAfter"/>, or which stopped, is ignored, so a
/// restarted process takes over a crashed one's work within seconds instead of waiting for the lease to run out.
/// </remarks>
public sealed class SqliteDurableInbox(SqliteDatabase database, TimeProvider timeProvider, ILogger<SqliteDurableInbox>? logger = null, TimeSpan? ownerStaleAfter = null) : IDurableInbox
{
    private readonly TimeSpan _ownerStaleAfter = ownerStaleAfter ?? StorageOptions.DefaultInstanceStaleAfter;
    internal const int MaxErrorLength = 4000;
    private readonly ILogger _logger = logger ?? NullLogger<SqliteDurableInbox>.Instance;

    public async Task<bool> EnqueueAsync(string partitionKey, string dedupKey, string payload, DateTimeOffset occurredAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentException.ThrowIfNullOrEmpty(dedupKey);
        ArgumentNullException.ThrowIfNull(payload);
        var now = timeProvider.GetUtcNow().ToUnixMs();

        return await database.WriteAsync(async (connection, transaction, token) =>
        {
            var accepted = await connection.ExecuteAsync(
                "INSERT INTO inbox_dedup (dedup_key, accepted_at) VALUES ($dedup, $now) ON CONFLICT (dedup_key) DO NOTHING;",
                token, transaction, ("$dedup", dedupKey), ("$now", now)).ConfigureAwait(false);
            if (accepted == 0)
            {
                return false;
            }

            await connection.ExecuteAsync(
                """
                INSERT INTO inbox (partition_key, dedup_key, payload, occurred_at, enqueued_at, available_at)
                VALUES ($partition, $dedup, $payload, $occurred, $now, $now);
                """,
                token, transaction, ("$partition", partitionKey), ("$dedup", dedupKey), ("$payload", payload),
                ("$occurred", occurredAt.ToUnixMs()), ("$now", now)).ConfigureAwait(false);
            return true;
        }, cancellationToken, WritePriority.Acknowledgement).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<bool>> EnqueueAllAsync(IReadOnlyList<InboxEntry> items, CancellationToken cancellationToken = default)
    {
        InboxEntry.EnsureValid(items);
        if (items.Count == 0)
        {
            return [];
        }

        var now = timeProvider.GetUtcNow().ToUnixMs();
        return await database.WriteAsync(async (connection, transaction, token) =>
        {
            // One statement of each kind, prepared once and run per item (the batch's cost is its rows, not its statements).
            await using var dedup = connection.Command(
                "INSERT INTO inbox_dedup (dedup_key, accepted_at) VALUES ($dedup, $now) ON CONFLICT (dedup_key) DO NOTHING;",
                transaction, ("$dedup", ""), ("$now", now));
            await using var insert = connection.Command(
                """
                INSERT INTO inbox (partition_key, dedup_key, payload, occurred_at, enqueued_at, available_at)
                VALUES ($partition, $dedup, $payload, $occurred, $now, $now);
                """,
                transaction, ("$partition", ""), ("$dedup", ""), ("$payload", ""), ("$occurred", 0L), ("$now", now));
            var stored = new bool[items.Count];
            for (var i = 0; i < items.Count; i++)
            {
                dedup.Parameters["$dedup"].Value = items[i].DedupKey;
                if (await dedup.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 0)
                {
                    continue;
                }

                insert.Parameters["$partition"].Value = items[i].PartitionKey;
                insert.Parameters["$dedup"].Value = items[i].DedupKey;
                insert.Parameters["$payload"].Value = items[i].Payload;
                insert.Parameters["$occurred"].Value = items[i].OccurredAt.ToUnixMs();
                await insert.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                stored[i] = true;
            }

            return (IReadOnlyList<bool>)stored;
        }, cancellationToken, WritePriority.Acknowledgement).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<InboxItem>> LeaseAsync(int max, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        var now = timeProvider.GetUtcNow().ToUnixMs();

        var staleBefore = now - (long)_ownerStaleAfter.TotalMilliseconds;
        var leaseUntil = now + (long)leaseDuration.TotalMilliseconds;
        return await database.WriteAsync(async (connection, transaction, token) =>
        {
            // Each candidate is the head of its partition (nothing unparked comes before it), is ready, and its partition has
            // nothing in flight (a lease that has not run out and whose owner is alive). Parked items step out of the line.
            await using var select = connection.Command(
                """
                SELECT i.id, i.partition_key, i.dedup_key, i.payload, i.occurred_at, i.attempts, i.last_error
                FROM inbox i
                WHERE i.parked_at IS NULL
                  AND i.available_at <= $now
                  AND NOT EXISTS (
                      SELECT 1 FROM inbox e
                      WHERE e.partition_key = i.partition_key AND e.parked_at IS NULL
                        AND (e.occurred_at < i.occurred_at OR (e.occurred_at = i.occurred_at AND e.id < i.id)))
                  AND NOT EXISTS (
                      SELECT 1 FROM inbox l
                      WHERE l.partition_key = i.partition_key AND l.parked_at IS NULL AND l.lease_until > $now
                        AND NOT EXISTS (
                            SELECT 1 FROM store_instances s
                            WHERE s.instance_id = l.lease_owner AND s.instance_id <> $me AND (s.stopped_at IS NOT NULL OR s.heartbeat_at < $staleBefore)))
                ORDER BY i.occurred_at, i.id
                LIMIT $max;
                """,
                transaction, ("$now", now), ("$max", max), ("$me", database.InstanceId), ("$staleBefore", staleBefore));
            var items = new List<InboxItem>();
            await using (var reader = await select.ExecuteReaderAsync(token).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    items.Add(ReadItem(reader));
                }
            }

            foreach (var item in items)
            {
                await connection.ExecuteAsync("UPDATE inbox SET lease_until = $until, lease_owner = $me WHERE id = $id;", token, transaction,
                    ("$until", leaseUntil), ("$me", database.InstanceId), ("$id", item.Id)).ConfigureAwait(false);
            }

            return (IReadOnlyList<InboxItem>)items;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the processed item; its dedup key stays, so a redelivery is still recognised.</summary>
    public Task CompleteAsync(long id, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction, token) => CompleteRowAsync(connection, transaction, id, token), cancellationToken);

    internal static Task<int> CompleteRowAsync(SqliteConnection connection, SqliteTransaction transaction, long id, CancellationToken cancellationToken) =>
        connection.ExecuteAsync("DELETE FROM inbox WHERE id = $id;", cancellationToken, transaction, ("$id", id));

    public async Task FailAsync(long id, string error, int maxAttempts, TimeSpan retryDelay, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAttempts);
        ArgumentOutOfRangeException.ThrowIfLessThan(retryDelay, TimeSpan.Zero);
        var now = timeProvider.GetUtcNow().ToUnixMs();
        var errorText = Truncate(error ?? string.Empty);

        var parked = await database.WriteAsync(async (connection, transaction, token) =>
        {
            await using var update = connection.Command(
                """
                UPDATE inbox SET
                    attempts     = attempts + 1,
                    last_error   = $error,
                    lease_until  = NULL,
                    lease_owner  = NULL,
                    available_at = $retryAt,
                    parked_at    = CASE WHEN attempts + 1 >= $maxAttempts THEN $now ELSE NULL END
                WHERE id = $id AND parked_at IS NULL
                RETURNING partition_key, attempts, parked_at;
                """,
                transaction, ("$error", errorText), ("$retryAt", now + (long)retryDelay.TotalMilliseconds),
                ("$maxAttempts", maxAttempts), ("$now", now), ("$id", id));
            await using var reader = await update.ExecuteReaderAsync(token).ConfigureAwait(false);
            return await reader.ReadAsync(token).ConfigureAwait(false) && !reader.IsDBNull(2) ? (reader.GetString(0), reader.GetInt32(1)) : ((string, int)?)null;
        }, cancellationToken).ConfigureAwait(false);
        if (parked is { } p)
        {
            _logger.LogError("Inbox item {InboxItemId} of partition {PartitionKey} parked after {Attempts} failed attempts; see ListParkedAsync for its error",
                id, LoggedIds.Key(p.Item1), p.Item2);
        }
    }

    public async Task<IReadOnlyList<InboxItem>> ListParkedAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            """
            SELECT id, partition_key, dedup_key, payload, occurred_at, attempts, last_error
            FROM inbox WHERE parked_at IS NOT NULL ORDER BY parked_at DESC, id DESC LIMIT $limit;
            """,
            null, ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<InboxItem>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(ReadItem(reader));
        }

        return items;
    }

    /// <summary>Items not yet completed nor parked, including those waiting for a retry or currently leased.</summary>
    public async Task<int> CountPendingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ScalarAsync<int>("SELECT COUNT(*) FROM inbox WHERE parked_at IS NULL;", cancellationToken).ConfigureAwait(false);
    }

    private static InboxItem ReadItem(SqliteDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
        SqliteCommandExtensions.FromUnixMs(reader.GetInt64(4)), reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetString(6));

    internal static string Truncate(string error) => error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
}
