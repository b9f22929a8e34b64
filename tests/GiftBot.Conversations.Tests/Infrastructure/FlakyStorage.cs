using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.Tests.Infrastructure;

/// <summary>Storage whose reads of conversation state fail while <see cref="FailConversationReads"/> is set (a corrupt row, a broken disk).</summary>
public sealed class FlakyStorage(IStorage inner) : IStorage
{
    public bool FailConversationReads { get; set; }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
        FailConversationReads && keys.Any(k => k.Contains("/conversations/", StringComparison.Ordinal))
            ? throw new InvalidDataException("stored conversation state is unreadable")
            : inner.ReadAsync(keys, cancellationToken);

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) => inner.WriteAsync(changes, cancellationToken);

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
}
