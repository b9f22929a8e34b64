using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GiftBot.Storage.Postgres;

/// <summary>
/// The durable inbox in PostgreSQL, shared by every instance, with the contract of the SQLite one: committed before
/// EnqueueAsync returns, dedup keys remembered until retention removes them, each partition served strictly in order with at most one item
/// in flight (across all instances), and an expired lease (the instance died) makes its item leasable again.
/// The per-partition lease lives in inbox_partitions, whose rows are taken FOR UPDATE SKIP LOCKED: instances leasing
/// at the same moment pass over each other's people instead of waiting or double-leasing. A lease names its owner
/// (<see cref="PostgresDatabase.InstanceId"/>); one held by an instance that stopped, or whose heartbeat
/// (<see cref="PostgresInstanceHeartbeat"/>) is older than <paramref name="ownerStaleAfter"/>, is taken over at once.
/// </summary>
public sealed class PostgresDurableInbox(PostgresDatabase database, TimeProvider timeProvider, ILogger<PostgresDurableInbox>? logger = null, TimeSpan? ownerStaleAfter = null) : IDurableInbox
{
    private readonly TimeSpan _ownerStaleAfter = ownerStaleAfter ?? StorageOptions.DefaultInstanceStaleAfter;
    private const int MaxErrorLength = 4000;

    /// <summary>
    /// Enqueuers hold this advisory lock shared from the moment they make sure a partition row exists until they commit its item;
    /// retention takes it exclusively to remove partition rows with nothing waiting, so it never removes a row an enqueue is
    /// about to give an item (an item without its partition row would never be leased).
    /// </summary>
    internal const long PartitionPruningLock = 0x6769667462_02;
    private const string ItemColumns = "i.id, i.partition_key, i.dedup_key, i.payload, i.occurred_at, i.attempts, i.last_error";
    private readonly ILogger _logger = logger ?? NullLogger<PostgresDurableInbox>.Instance;

    public async Task<bool> EnqueueAsync(string partitionKey, string dedupKey, string payload, DateTimeOffset occurredAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentException.ThrowIfNullOrEmpty(dedupKey);
        ArgumentNullException.ThrowIfNull(payload);
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        // Two instances given the same event at once: the second waits on the first's uncommitted key, then sees the conflict.
        var accepted = await write.Connection.ExecuteAsync(
            "INSERT INTO inbox_dedup (dedup_key, accepted_at) VALUES (@dedup, @now) ON CONFLICT (dedup_key) DO NOTHING;",
            cancellationToken, write.Transaction, ("dedup", dedupKey), ("now", now)).ConfigureAwait(false);
        if (accepted == 0)
        {
            return false;
        }

        await write.Connection.ExecuteAsync(
            $"""
            SELECT pg_advisory_xact_lock_shared({PartitionPruningLock});
            INSERT INTO inbox_partitions (partition_key) VALUES (@partition) ON CONFLICT (partition_key) DO NOTHING;
            INSERT INTO inbox (partition_key, dedup_key, payload, occurred_at, enqueued_at, available_at)
            VALUES (@partition, @dedup, @payload, @occurred, @now, @now);
            """,
            cancellationToken, write.Transaction, ("partition", partitionKey), ("dedup", dedupKey), ("payload", payload),
            ("occurred", occurredAt.ToUnixTimeMilliseconds()), ("now", now)).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<IReadOnlyList<bool>> EnqueueAllAsync(IReadOnlyList<InboxEntry> items, CancellationToken cancellationToken = default)
    {
        InboxEntry.EnsureValid(items);
        if (items.Count == 0)
        {
            return [];
        }

        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        // The keys this delivery brings for the first time (as EnqueueAsync, a key another instance is storing right now waits for it).
        // Keys are claimed in sorted order, so two overlapping deliveries on two instances wait for each other instead of deadlocking.
        var fresh = new HashSet<string>(StringComparer.Ordinal);
        await using (var claim = write.Connection.Command(
            """
            INSERT INTO inbox_dedup (dedup_key, accepted_at) SELECT k, @now FROM (SELECT DISTINCT k FROM unnest(@keys) AS k) d ORDER BY k
            ON CONFLICT (dedup_key) DO NOTHING RETURNING dedup_key;
            """,
            write.Transaction, ("now", now), ("keys", items.Select(i => i.DedupKey).ToArray())))
        await using (var reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                fresh.Add(reader.GetString(0));
            }
        }

        // The first item with a fresh key is stored; a repeat within the batch is a duplicate like any other.
        var stored = items.Select(item => fresh.Remove(item.DedupKey)).ToArray();
        var accepted = items.Where((_, i) => stored[i]).ToArray();
        if (accepted.Length > 0)
        {
            await write.Connection.ExecuteAsync(
                $"""
                SELECT pg_advisory_xact_lock_shared({PartitionPruningLock});
                INSERT INTO inbox_partitions (partition_key) SELECT p FROM (SELECT DISTINCT p FROM unnest(@partitions) AS p) d ORDER BY p ON CONFLICT (partition_key) DO NOTHING;
                INSERT INTO inbox (partition_key, dedup_key, payload, occurred_at, enqueued_at, available_at)
                SELECT p, k, b, o, @now, @now FROM unnest(@partitions, @keys, @payloads, @occurred) WITH ORDINALITY AS t(p, k, b, o, n) ORDER BY n;
                """,
                cancellationToken, write.Transaction, ("now", now),
                ("partitions", accepted.Select(i => i.PartitionKey).ToArray()), ("keys", accepted.Select(i => i.DedupKey).ToArray()),
                ("payloads", accepted.Select(i => i.Payload).ToArray()), ("occurred", accepted.Select(i => i.OccurredAt.ToUnixTimeMilliseconds()).ToArray())).ConfigureAwait(false);
        }

        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    public async Task<IReadOnlyList<InboxItem>> LeaseAsync(int max, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        // A candidate is a partition without a live lease whose head (first unparked item) is ready. Locking the partition
        // row re-checks the lease against the newest committed version, so a partition leased a moment ago elsewhere is passed over.
        // Only partitions with waiting items are looked at: inbox_partitions keeps a row for everyone who ever wrote (100,000
        // people after a campaign), and a lease must cost what is waiting, not who the shop has met.
        await using var select = write.Connection.Command(
            $"""
            SELECT {ItemColumns}
            FROM (SELECT DISTINCT partition_key FROM inbox WHERE parked_at IS NULL) waiting
            JOIN inbox_partitions p ON p.partition_key = waiting.partition_key
            CROSS JOIN LATERAL (
                SELECT * FROM inbox h
                WHERE h.partition_key = p.partition_key AND h.parked_at IS NULL
                ORDER BY h.occurred_at, h.id
                LIMIT 1) i
            WHERE (p.lease_until IS NULL OR p.lease_until <= @now
                   OR EXISTS (SELECT 1 FROM store_instances s
                              WHERE s.instance_id = p.lease_owner AND s.instance_id <> @me AND (s.stopped_at IS NOT NULL OR s.heartbeat_at < @staleBefore)))
              AND i.available_at <= @now
            ORDER BY i.occurred_at, i.id
            LIMIT @max
            FOR UPDATE OF p SKIP LOCKED;
            """,
            write.Transaction, ("now", now), ("max", max), ("me", database.InstanceId), ("staleBefore", now - (long)_ownerStaleAfter.TotalMilliseconds));
        var items = new List<InboxItem>();
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(ReadItem(reader));
            }
        }

        if (items.Count > 0)
        {
            items = await KeepCurrentHeadsAsync(write, items, cancellationToken).ConfigureAwait(false);
        }

        if (items.Count > 0)
        {
            await write.Connection.ExecuteAsync(
                """
                UPDATE inbox_partitions p SET leased_item = leased.id, lease_until = @until, lease_owner = @me
                FROM unnest(@partitions, @ids) AS leased(partition_key, id)
                WHERE p.partition_key = leased.partition_key;
                """,
                cancellationToken, write.Transaction, ("until", now + (long)leaseDuration.TotalMilliseconds), ("me", database.InstanceId),
                ("partitions", items.Select(i => i.PartitionKey).ToArray()), ("ids", items.Select(i => i.Id).ToArray())).ConfigureAwait(false);
        }

        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return items;
    }

    /// <summary>
    /// Drops candidates that stopped being their partition's head. Locking a partition row re-checks its lease against the newest
    /// version, but the head item was read from the statement's snapshot: a completion committed between the snapshot and the lock
    /// frees the partition while the candidate (already answered and deleted) still looks like its head, and would be served twice.
    /// This statement reads a fresh snapshot while the partition rows are locked, so no completion can move a head meanwhile.
    /// </summary>
    private static async Task<List<InboxItem>> KeepCurrentHeadsAsync(PostgresWriteScope write, List<InboxItem> candidates, CancellationToken cancellationToken)
    {
        await using var heads = write.Connection.Command(
            """
            SELECT h.id
            FROM unnest(@partitions) AS c(partition_key)
            CROSS JOIN LATERAL (
                SELECT id FROM inbox h
                WHERE h.partition_key = c.partition_key AND h.parked_at IS NULL
                ORDER BY h.occurred_at, h.id
                LIMIT 1) h;
            """,
            write.Transaction, ("partitions", candidates.Select(i => i.PartitionKey).ToArray()));
        var current = new HashSet<long>();
        await using (var reader = await heads.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                current.Add(reader.GetInt64(0));
            }
        }

        return candidates.Where(item => current.Contains(item.Id)).ToList();
    }

    /// <summary>Removes the processed item and frees its partition; its dedup key stays, so a redelivery is still recognised.</summary>
    public Task CompleteAsync(long id, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction, token) => CompleteRowAsync(connection, transaction, id, token), cancellationToken);

    internal static Task<int> CompleteRowAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, CancellationToken cancellationToken) =>
        CompleteRowsAsync(connection, transaction, [id], cancellationToken);

    /// <summary>Completes many items in one statement (a unit of work that completes several costs one round trip, not one each).</summary>
    internal static Task<int> CompleteRowsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long[] ids, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(
            """
            WITH done AS (DELETE FROM inbox WHERE id = ANY(@ids) RETURNING id, partition_key)
            UPDATE inbox_partitions p SET leased_item = NULL, lease_until = NULL, lease_owner = NULL
            FROM done WHERE p.partition_key = done.partition_key AND p.leased_item = done.id;
            """,
            cancellationToken, transaction, ("ids", ids));

    public async Task FailAsync(long id, string error, int maxAttempts, TimeSpan retryDelay, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAttempts);
        ArgumentOutOfRangeException.ThrowIfLessThan(retryDelay, TimeSpan.Zero);
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var errorText = Truncate(error ?? string.Empty);

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var update = connection.Command(
            """
            WITH failed AS (
                UPDATE inbox SET
                    attempts     = attempts + 1,
                    last_error   = @error,
                    available_at = @retryAt,
                    parked_at    = CASE WHEN attempts + 1 >= @maxAttempts THEN @now ELSE NULL END
                WHERE id = @id AND parked_at IS NULL
                RETURNING partition_key, attempts, parked_at),
            freed AS (
                UPDATE inbox_partitions p SET leased_item = NULL, lease_until = NULL, lease_owner = NULL
                FROM failed WHERE p.partition_key = failed.partition_key AND p.leased_item = @id)
            SELECT partition_key, attempts, parked_at FROM failed;
            """,
            null, ("error", errorText), ("retryAt", now + (long)retryDelay.TotalMilliseconds),
            ("maxAttempts", maxAttempts), ("now", now), ("id", id));
        await using var reader = await update.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && !reader.IsDBNull(2))
        {
            _logger.LogError("Inbox item {InboxItemId} of partition {PartitionKey} parked after {Attempts} failed attempts; see ListParkedAsync for its error",
                id, LoggedIds.Key(reader.GetString(0)), reader.GetInt32(1));
        }
    }

    public async Task<IReadOnlyList<InboxItem>> ListParkedAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            $"SELECT {ItemColumns} FROM inbox i WHERE i.parked_at IS NOT NULL ORDER BY i.parked_at DESC, i.id DESC LIMIT @limit;",
            null, ("limit", limit));
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

    internal static string Truncate(string error) => error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];

    private static InboxItem ReadItem(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)), reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetString(6));
}
