using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GiftBot.Conversations.FollowUps;

/// <summary>
/// Which silence of a conversation already got its follow-up, in the bot's IStorage. Written before sending, so a
/// worker that crashes and re-runs the job never sends it twice (at most once, as a nudge should be).
/// </summary>
public sealed class FollowUpLedger
{
    private readonly IStorage _storage;

    public FollowUpLedger(IStorage storage) => _storage = storage;

    public async Task<FollowUpRecord?> GetAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        var key = KeyFor(channelId, conversationId);
        var items = await _storage.ReadAsync([key], cancellationToken);
        // Stores hand back the typed object or a JObject: convert, never cast.
        return items.TryGetValue(key, out var value) && value is not null ? JObject.FromObject(value).ToObject<FollowUpRecord>() : null;
    }

    public Task RecordSentAsync(string channelId, string conversationId, FollowUpRecord record, CancellationToken cancellationToken) =>
        _storage.WriteAsync(new Dictionary<string, object> { [KeyFor(channelId, conversationId)] = JObject.FromObject(record) }, cancellationToken);

    public Task ForgetAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        _storage.DeleteAsync([KeyFor(channelId, conversationId)], cancellationToken);

    public static string KeyFor(string channelId, string conversationId) =>
        $"assistant/follow-ups/{Uri.EscapeDataString(channelId)}/{Uri.EscapeDataString(conversationId)}";
}

/// <param name="LastTurnAt">The shopper's last turn before the follow-up (identifies the silence it answered).</param>
public sealed record FollowUpRecord(
    [property: JsonProperty("lastTurnAt")] DateTimeOffset LastTurnAt,
    [property: JsonProperty("sentAt")] DateTimeOffset SentAt);
