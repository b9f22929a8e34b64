namespace GiftBot.Storage;

/// <summary>Funnel events recorded during a turn are committed with the turn (<see cref="UnitOfWork"/>); reads and outside-turn records pass through.</summary>
public sealed class UnitOfWorkFunnelEventStore(IFunnelEventStore inner) : IFunnelEventStore
{
    public Task RecordAsync(FunnelEvent funnelEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(funnelEvent);
        if (UnitOfWork.Current is not { } unit)
        {
            return inner.RecordAsync(funnelEvent, cancellationToken);
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(funnelEvent.Kind, nameof(funnelEvent));
        unit.RecordFunnelEvent(funnelEvent);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, long>> CountByKindAsync(DateTimeOffset? since = null, CancellationToken cancellationToken = default) =>
        inner.CountByKindAsync(since, cancellationToken);

    public Task<IReadOnlyList<FunnelEvent>> ListAsync(string? kind = null, int limit = 100, CancellationToken cancellationToken = default) =>
        inner.ListAsync(kind, limit, cancellationToken);

    public Task<int> ForgetUserAsync(string channelId, string userId, CancellationToken cancellationToken = default) =>
        inner.ForgetUserAsync(channelId, userId, cancellationToken);
}
