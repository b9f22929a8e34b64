using Microsoft.Bot.Builder;
using StjIgnore = System.Text.Json.Serialization.JsonIgnoreAttribute;

namespace GiftBot.Customers.Context;

/// <summary>
/// What the business knows about one person on one channel (the agent's context card): profile, how they came in,
/// tags, assignment, notes, recent messages, the facts the 24-hour messaging window needs and who owns the thread.
/// Stored as plain JSON through Bot Builder <see cref="IStorage"/>; change it through <see cref="ICustomerContextStore"/>.
/// </summary>
public sealed class CustomerContext : IStoreItem
{
    public string ChannelId { get; set; } = "";

    /// <summary>The channel's user id (a Messenger PSID, an Emulator user id).</summary>
    public string UserId { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public CustomerProfile Profile { get; set; } = new();

    public EntrySource? FirstEntry { get; set; }

    public EntrySource? LatestEntry { get; set; }

    /// <summary>Normalised (see <see cref="CustomerTags"/>), distinct, sorted.</summary>
    public List<string> Tags { get; set; } = [];

    public string? AssignedAgent { get; set; }

    public List<CustomerNote> Notes { get; set; } = [];

    /// <summary>The last messages in and out, oldest first, capped by <c>Customers:RecentMessageLimit</c>.</summary>
    public List<RecentMessage> RecentMessages { get; set; } = [];

    /// <summary>Last message, postback, referral or reaction: what opens Messenger's 24-hour window.</summary>
    public DateTimeOffset? LastInteractionAt { get; set; }

    /// <summary>Last message (or postback) the person sent: HUMAN_AGENT replies are allowed for 7 days after it.</summary>
    public DateTimeOffset? LastUserMessageAt { get; set; }

    /// <summary>Last sign of the person being there (any qualifying interaction, or a read receipt reported by the channel).</summary>
    public DateTimeOffset? LastSeenAt { get; set; }

    public HandoverInfo Handover { get; set; } = new();

    /// <summary>The person said "stop": no bot-initiated follow-ups.</summary>
    public bool FollowUpsOptedOut { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    [StjIgnore]
    public string? ETag { get; set; }

    public static CustomerContext Create(string channelId, string userId, DateTimeOffset now) =>
        new() { ChannelId = channelId, UserId = userId, CreatedAt = now, UpdatedAt = now };
}

public sealed class CustomerProfile
{
    public string? FirstName { get; set; }

    /// <summary>As the channel reports it, e.g. "en_US" from Messenger or "en-US" from Bot Framework.</summary>
    public string? Locale { get; set; }

    /// <summary>An IANA zone ("Europe/Berlin") or a UTC offset in hours as Messenger reports it ("-7").</summary>
    public string? TimeZone { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>How the person reached the bot: an m.me link, a click-to-Messenger ad, a share.</summary>
public sealed class EntrySource
{
    /// <summary>Meta's source: ADS, SHORTLINK, SHARE, CUSTOMER_CHAT_PLUGIN, ...</summary>
    public string? Source { get; set; }

    public string? Ref { get; set; }

    public string? AdId { get; set; }

    public string? AdTitle { get; set; }

    public DateTimeOffset At { get; set; }
}

public sealed class CustomerNote
{
    public string Id { get; set; } = "";

    public string Text { get; set; } = "";

    public string Author { get; set; } = "";

    public DateTimeOffset At { get; set; }
}

public sealed class RecentMessage
{
    public MessageDirection Direction { get; set; }

    /// <summary>Truncated text, or a short summary such as "[carousel: 5 products]".</summary>
    public string Text { get; set; } = "";

    public DateTimeOffset At { get; set; }
}

[Newtonsoft.Json.JsonConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<MessageDirection>))]
public enum MessageDirection
{
    Inbound,
    Outbound,
}
