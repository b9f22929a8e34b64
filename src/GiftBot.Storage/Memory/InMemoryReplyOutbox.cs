using System.Collections.Concurrent;

namespace GiftBot.Storage.Memory;

/// <summary>The reply outbox for runs without a database: survives retries in the process, not a restart.</summary>
public sealed class InMemoryReplyOutbox : IReplyOutbox
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<int, string?>> _sent = new(StringComparer.Ordinal);

    public Task<IReadOnlySet<int>> ListSentAsync(string scope, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<int>>(_sent.TryGetValue(scope, out var parts) ? parts.Keys.ToHashSet() : new HashSet<int>());

    public Task RecordSentAsync(string scope, int sequence, string? messageId, CancellationToken cancellationToken)
    {
        _sent.GetOrAdd(scope, _ => new ConcurrentDictionary<int, string?>()).TryAdd(sequence, messageId);
        return Task.CompletedTask;
    }

    public void Clear(string scope) => _sent.TryRemove(scope, out _);
}
