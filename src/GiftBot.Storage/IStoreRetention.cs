namespace GiftBot.Storage;

/// <summary>Keeps the store from growing without bound: old dedup keys go, old funnel events become daily figures.</summary>
public interface IStoreRetention
{
    /// <summary>
    /// Removes dedup keys (and leftover reply-outbox records) accepted before <paramref name="dedupKeysBefore"/>, and rolls funnel
    /// events of whole UTC days before <paramref name="rawEventsBefore"/> up into per-day counts by entry source and kind
    /// (<see cref="IFunnelEventStore.CountByKindAsync"/> still counts them), deleting the raw rows.
    /// </summary>
    Task<RetentionResult> ApplyAsync(DateTimeOffset dedupKeysBefore, DateTimeOffset rawEventsBefore, CancellationToken cancellationToken);
}

public sealed record RetentionResult(long DedupKeysRemoved, long FunnelEventsRolledUp);
