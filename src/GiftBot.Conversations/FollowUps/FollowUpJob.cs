using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace GiftBot.Conversations.FollowUps;

/// <summary>
/// The durable payload of one scheduled follow-up (IScheduledJobStore, one job per conversation): where to send it and
/// what was known about the shopper, since the worker runs outside any turn. Plain JSON.
/// </summary>
public sealed class FollowUpJob
{
    public const string Kind = "gift-finder-follow-up";

    [JsonProperty("conversation")] public ConversationReference Conversation { get; set; } = new();
    [JsonProperty("channelId")] public string ChannelId { get; set; } = "";
    [JsonProperty("userId")] public string UserId { get; set; } = "";
    [JsonProperty("locale")] public string? Locale { get; set; }
    [JsonProperty("firstName")] public string? FirstName { get; set; }
    [JsonProperty("timeZone")] public string? TimeZone { get; set; }

    /// <summary>When the shopper's last turn happened: one follow-up per silence, so a re-run after a crash does not repeat it.</summary>
    [JsonProperty("lastTurnAt")] public DateTimeOffset LastTurnAt { get; set; }

    public static string KeyFor(string channelId, string conversationId) => $"follow-up/{channelId}/{conversationId}";

    public string ToJson() => JsonConvert.SerializeObject(this);

    /// <summary>The job, or null when the payload is not a usable follow-up (written by another version, damaged).</summary>
    public static FollowUpJob? TryParse(string payload)
    {
        try
        {
            var job = JsonConvert.DeserializeObject<FollowUpJob>(payload);
            return job is { ChannelId.Length: > 0, UserId.Length: > 0, Conversation.Conversation.Id.Length: > 0 } ? job : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
