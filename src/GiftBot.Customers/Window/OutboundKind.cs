namespace GiftBot.Customers.Window;

/// <summary>Why GiftBot is about to message a person.</summary>
public enum OutboundKind
{
    /// <summary>A direct reply to what the person just sent.</summary>
    Reply,

    /// <summary>Something the bot starts on its own: a follow-up, a reminder.</summary>
    BotUpdate,

    /// <summary>A message written by a human agent and sent through GiftBot.</summary>
    HumanAgent,
}

/// <summary>Messenger's <c>messaging_type</c> values.</summary>
public static class MessagingTypes
{
    public const string Response = "RESPONSE";
    public const string Update = "UPDATE";
    public const string MessageTag = "MESSAGE_TAG";
}

/// <summary>Messenger message tags GiftBot knows about.</summary>
public static class MessageTags
{
    public const string HumanAgent = "HUMAN_AGENT";

    /// <summary>Meta answers these with error 100 since 2026-04-27; sending them only fails at Meta.</summary>
    public static readonly IReadOnlySet<string> Retired = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "ACCOUNT_UPDATE",
        "CONFIRMED_EVENT_UPDATE",
        "POST_PURCHASE_UPDATE",
    };

    /// <summary>The last check before anything reaches Meta: a retired tag is refused here, not at Meta.</summary>
    public static void EnsureNotRetired(string? tag, OutboundKind kind)
    {
        if (tag is not null && Retired.Contains(tag.Trim())) throw new RetiredMessageTagException(tag.Trim().ToUpperInvariant(), kind);
    }
}

/// <summary>How to send: put <see cref="MessagingType"/> and (when set) <see cref="Tag"/> on the Send API request.</summary>
public sealed record OutboundDecision(string MessagingType, string? Tag);

/// <summary>The timing facts of one person's window, as the agent card shows them.</summary>
public sealed record MessagingWindowStatus(bool IsOpen, DateTimeOffset? ClosesAt, bool HumanAgentAllowed, DateTimeOffset? HumanAgentUntil);
