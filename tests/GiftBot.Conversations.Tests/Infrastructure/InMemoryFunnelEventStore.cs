using System.Collections.Concurrent;
using GiftBot.Storage;

namespace GiftBot.Conversations.Tests.Infrastructure;

/// <summary>Funnel events kept in memory; can be told to fail like a broken database.</summary>
public sealed class InMemoryFunnelEventStore : IFunnelEventStore
{
    private readonly ConcurrentQueue<FunnelEvent> _events = new();

    public bool Fail { get; set; }

    public IReadOnlyList<FunnelEvent> Events => _events.ToList();

    public IReadOnlyList<FunnelEvent> OfKind(string kind) => _events.Where(e => e.Kind == kind).ToList();

    public Task RecordAsync(FunnelEvent funnelEvent, CancellationToken cancellationToken = default)
    {
        if (Fail) throw new IOException("funnel store unavailable");
        _events.Enqueue(funnelEvent);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, long>> CountByKindAsync(DateTimeOffset? since = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, long>>(_events.Where(e => since is null || e.Timestamp >= since)
            .GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => (long)g.Count()));

    public Task<IReadOnlyList<FunnelEvent>> ListAsync(string? kind = null, int limit = 100, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<FunnelEvent>>(_events.Where(e => kind is null || e.Kind == kind).Take(limit).ToList());

    public Task<int> ForgetUserAsync(string channelId, string userId, CancellationToken cancellationToken = default)
    {
        var forgotten = 0;
        var kept = _events.ToList();
        _events.Clear();
        foreach (var e in kept)
        {
            var match = e.ChannelId == channelId && e.UserId == userId;
            forgotten += match ? 1 : 0;
            _events.Enqueue(match ? e with { UserId = null, ConversationId = "forgotten" } : e);
        }
        return Task.FromResult(forgotten);
    }
}
