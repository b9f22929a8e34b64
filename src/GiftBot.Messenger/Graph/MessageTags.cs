namespace GiftBot.Messenger.Graph;

/// <summary>Messenger message tags (MP/send-messages, 2026): only HUMAN_AGENT is left for general use.</summary>
public static class MessageTags
{
    public const string HumanAgent = "HUMAN_AGENT";
    public const string CustomerFeedback = "CUSTOMER_FEEDBACK";

    public static readonly IReadOnlySet<string> Retired =
        new HashSet<string>(["ACCOUNT_UPDATE", "CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Throws <see cref="RetiredMessageTagException"/> for a retired tag.</summary>
    public static void EnsureAllowed(string? tag)
    {
        if (tag is not null && Retired.Contains(tag.Trim())) throw new RetiredMessageTagException(tag.Trim().ToUpperInvariant());
    }
}
