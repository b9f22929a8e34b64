using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace GiftBot.Bot;

/// <summary>
/// Connector clients kept across turns. CloudAdapter asks for a client on every turn (a ConnectorClient, its credentials
/// and Newtonsoft settings: ~13 % of a turn's allocations) and disposes it at the end of the turn, so what is handed out is
/// a wrapper whose Dispose does nothing. A client is kept per (service URL, audience, bot app id), which is everything the
/// SDK's factory builds it from; at most <see cref="Capacity"/> of them (least recently used go first, so a stream of
/// service URLs cannot grow memory), each for at most <see cref="Lifetime"/> so its pooled HttpClient handler is renewed as
/// IHttpClientFactory intends (DNS changes). A dropped client is not disposed: a turn may still be using it, and it owns
/// nothing the garbage collector does not reclaim (its HttpClient comes from IHttpClientFactory). The credentials object
/// is reused with the client, so its cached token serves many turns until it expires.
/// </summary>
public sealed class ConnectorClientCache(int capacity = ConnectorClientCache.DefaultCapacity, TimeSpan? lifetime = null)
{
    public const int DefaultCapacity = 256;

    private readonly ConcurrentDictionary<Key, Entry> _clients = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    /// <summary>IHttpClientFactory's default handler lifetime.</summary>
    public TimeSpan Lifetime { get; } = lifetime ?? TimeSpan.FromMinutes(2);

    public int Count => _clients.Count;

    public readonly record struct Key(string ServiceUrl, string? Audience, string? AppId);

    public async Task<IConnectorClient> GetOrCreateAsync(Key key, Func<Task<IConnectorClient>> create)
    {
        var now = Stopwatch.GetTimestamp();
        if (_clients.TryGetValue(key, out var entry) && Stopwatch.GetElapsedTime(entry.CreatedAt, now) < Lifetime)
        {
            Volatile.Write(ref entry.LastUsedAt, now);
            return entry.Client;
        }

        var created = new Entry(new TurnScopedConnectorClient(await create().ConfigureAwait(false)), now);
        if (!_clients.ContainsKey(key) && _clients.Count >= Capacity) EvictLeastRecentlyUsed();
        _clients[key] = created;
        return created.Client;
    }

    private void EvictLeastRecentlyUsed()
    {
        KeyValuePair<Key, Entry>? oldest = null;
        foreach (var pair in _clients)
        {
            if (oldest is null || Volatile.Read(ref pair.Value.LastUsedAt) < Volatile.Read(ref oldest.Value.Value.LastUsedAt)) oldest = pair;
        }
        if (oldest is { } victim) _clients.TryRemove(victim);
    }

    private sealed class Entry(IConnectorClient client, long createdAt)
    {
        public IConnectorClient Client { get; } = client;
        public long CreatedAt { get; } = createdAt;
        public long LastUsedAt = createdAt;
    }

    /// <summary>
    /// The kept client as a turn sees it: everything delegated, except Dispose (the adapter's end-of-turn using) and the
    /// replies, sent by <see cref="Utf8ReplyConversations"/>.
    /// </summary>
    private sealed class TurnScopedConnectorClient(IConnectorClient client) : IConnectorClient
    {
        private readonly IConversations _conversations = client is ConnectorClient sdk ? new Utf8ReplyConversations(sdk) : client.Conversations;

        public Uri BaseUri { get => client.BaseUri; set => client.BaseUri = value; }
        public JsonSerializerSettings SerializationSettings => client.SerializationSettings;
        public JsonSerializerSettings DeserializationSettings => client.DeserializationSettings;
        public ServiceClientCredentials Credentials => client.Credentials;
        public IAttachments Attachments => client.Attachments;
        public IConversations Conversations => _conversations;

        public void Dispose()
        {
        }
    }
}
