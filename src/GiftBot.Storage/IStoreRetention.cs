namespace GiftBot.Storage;

/// <summary>Keeps the store from growing without bound: old dedup keys go, old funnel events become daily figures.</summary>
public interface IStoreRetention
{
    /// <summary>
    /// Removes dedup keys (and leftover reply-outbox records) accepted before <paramref name="dedupKeysBefore"/>, and rolls funnel
    /// events of whole UTC days before <paramref name="rawEventsBefore"/> up into per-day counts by entry source and kind
    /// (<see cref="IFunnelEventStore.CountByKindAsync"/> still counts them), deleting the raw rows; and drops per-person lease
    /// bookkeeping of people with nothing in the inbox.
    /// </summary>
    Task<RetentionResult> ApplyAsync(DateTimeOffset dedupKeysBefore, DateTimeOffset rawEventsBefore, CancellationToken cancellationToken);
}

/// <param name="InboxPartitionsRemoved">PostgreSQL's per-person lease rows of people with nothing in the inbox (SQLite keeps none).</param>
public sealed record RetentionResult(long DedupKeysRemoved, long FunnelEventsRolledUp, long InboxPartitionsRemoved = 0);
