namespace GiftBot.Storage;

/// <summary>
/// A durable, de-duplicating work queue: items are written before they are acknowledged to the sender
/// and processed in order per partition (e.g. per Messenger user); different partitions may run in parallel.
/// </summary>
public interface IDurableInbox
{
    /// <summary>Stores the item unless one with the same <paramref name="dedupKey"/> was ever stored. Returns false for a duplicate.</summary>
    Task<bool> EnqueueAsync(string partitionKey, string dedupKey, string payload, DateTimeOffset occurredAt, CancellationToken cancellationToken = default);

    /// <summary>Leases up to <paramref name="max"/> items that are ready, at most one per partition, oldest first, skipping partitions that have a leased item.</summary>
    Task<IReadOnlyList<InboxItem>> LeaseAsync(int max, TimeSpan leaseDuration, CancellationToken cancellationToken = default);

    Task CompleteAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Records a failed attempt; after <paramref name="maxAttempts"/> attempts the item is parked with its error and no longer leased.</summary>
    Task FailAsync(long id, string error, int maxAttempts, TimeSpan retryDelay, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<InboxItem>> ListParkedAsync(int limit = 100, CancellationToken cancellationToken = default);

    Task<int> CountPendingAsync(CancellationToken cancellationToken = default);
}

public sealed record InboxItem(long Id, string PartitionKey, string DedupKey, string Payload, DateTimeOffset OccurredAt, int Attempts, string? LastError);
