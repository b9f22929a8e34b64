using Newtonsoft.Json;

namespace GiftBot.Messenger.Users;

/// <summary>What the Messenger layer knows about one user of one Page: how they arrived, when they were last seen, who owns the thread.</summary>
public sealed class MessengerUserRecord
{
    /// <summary>The first link, ad or share that brought this user (kept forever).</summary>
    [JsonProperty("firstEntry")] public EntrySource? FirstEntry { get; set; }

    /// <summary>The most recent link, ad or share that brought this user back.</summary>
    [JsonProperty("latestEntry")] public EntrySource? LatestEntry { get; set; }

    [JsonProperty("entryCount")] public int EntryCount { get; set; }

    /// <summary>Last message, postback, referral or read receipt from the user.</summary>
    [JsonProperty("lastSeen")] public DateTimeOffset? LastSeen { get; set; }

    /// <summary>Everything the bot sent before this moment has been read.</summary>
    [JsonProperty("readUpTo")] public DateTimeOffset? ReadUpTo { get; set; }

    /// <summary>True while another app (the Page inbox, a human agent) owns the thread: events arrive on standby and the bot stays quiet.</summary>
    [JsonProperty("threadOwnedByOtherApp")] public bool ThreadOwnedByOtherApp { get; set; }

    [JsonProperty("threadOwnerChangedAt")] public DateTimeOffset? ThreadOwnerChangedAt { get; set; }
}

/// <summary>
/// One entry into the conversation. Source is Meta's referral source (ADS, SHORTLINK, ...) or "SHARE" when the m.me ref
/// is a share link (<see cref="GiftBot.Content.EntryPoints.ShareRef"/>), then <see cref="SharedBy"/> holds the sharer's code.
/// </summary>
public sealed record EntrySource(
    [property: JsonProperty("source")] string Source,
    [property: JsonProperty("ref")] string? Ref,
    [property: JsonProperty("adId")] string? AdId,
    [property: JsonProperty("adTitle")] string? AdTitle,
    [property: JsonProperty("productId")] string? ProductId,
    [property: JsonProperty("sharedBy")] string? SharedBy,
    [property: JsonProperty("at")] DateTimeOffset At);
