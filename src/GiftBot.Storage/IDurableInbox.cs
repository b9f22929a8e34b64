namespace GiftBot.Storage;

/// <summary>
/// A durable, de-duplicating work queue: items are written before they are acknowledged to the sender
/// and processed in order per partition (e.g. per Messenger user); different partitions may run in parallel.
/// </summary>
public interface IDurableInbox
{
    /// <summary>Stores the item unless one with the same <paramref name="dedupKey"/> was ever stored. Returns false for a duplicate.</summary>
    Task<bool> EnqueueAsync(string partitionKey, string dedupKey, string payload, DateTimeOffset occurredAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the new items of one delivery (a webhook POST carrying several events) in one commit, all or nothing. An item whose
    /// dedup key was ever stored, or repeats an earlier item of <paramref name="items"/>, is skipped. Returns, per item, whether it was stored.
    /// </summary>
    Task<IReadOnlyList<bool>> EnqueueAllAsync(IReadOnlyList<InboxEntry> items, CancellationToken cancellationToken = default);

    /// <summary>Leases up to <paramref name="max"/> items that are ready, at most one per partition, oldest first, skipping partitions that have a leased item.</summary>
    Task<IReadOnlyList<InboxItem>> LeaseAsync(int max, TimeSpan leaseDuration, CancellationToken cancellationToken = default);

    Task CompleteAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Records a failed attempt; after <paramref name="maxAttempts"/> attempts the item is parked with its error and no longer leased.</summary>
    Task FailAsync(long id, string error, int maxAttempts, TimeSpan retryDelay, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<InboxItem>> ListParkedAsync(int limit = 100, CancellationToken cancellationToken = default);

    Task<int> CountPendingAsync(CancellationToken cancellationToken = default);
}

/// <summary>One item for <see cref="IDurableInbox.EnqueueAllAsync"/>.</summary>
public sealed record InboxEntry(string PartitionKey, string DedupKey, string Payload, DateTimeOffset OccurredAt)
{
    internal static void EnsureValid(IReadOnlyList<InboxEntry> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(items));
            ArgumentNullException.ThrowIfNull(item.PartitionKey, nameof(items));
            ArgumentException.ThrowIfNullOrEmpty(item.DedupKey, nameof(items));
            ArgumentNullException.ThrowIfNull(item.Payload, nameof(items));
        }
    }
}

public sealed record InboxItem(long Id, string PartitionKey, string DedupKey, string Payload, DateTimeOffset OccurredAt, int Attempts, string? LastError);
