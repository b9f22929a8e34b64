using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.Tests.Infrastructure;

/// <summary>Storage whose reads of conversation state fail while <see cref="FailConversationReads"/> is set (a corrupt row, a broken disk).</summary>
public sealed class FlakyStorage(IStorage inner) : IStorage
{
    public bool FailConversationReads { get; set; }

    /// <summary>User state reads fail as the SQLite store reports a corrupt item.</summary>
    public bool UserStateCorrupt { get; set; }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        if (FailConversationReads && keys.Any(k => k.Contains("/conversations/", StringComparison.Ordinal)))
            throw new InvalidDataException("stored conversation state is unreadable");
        if (UserStateCorrupt && keys.FirstOrDefault(k => k.Contains("/users/", StringComparison.Ordinal)) is { } key)
            throw new GiftBot.Storage.StorageReadException(key, new Newtonsoft.Json.JsonReaderException("bad json"));
        return inner.ReadAsync(keys, cancellationToken);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        if (changes.Keys.Any(k => k.Contains("/users/", StringComparison.Ordinal))) UserStateCorrupt = false; // overwritten
        return inner.WriteAsync(changes, cancellationToken);
    }


    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
}
