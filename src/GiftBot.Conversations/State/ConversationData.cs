namespace GiftBot.Conversations.State;

/// <summary>Small facts about one conversation (ConversationState), outside the dialog stack.</summary>
public sealed class ConversationData
{
    /// <summary>The conversation-started funnel event was recorded.</summary>
    public bool Started { get; set; }

    /// <summary>The opaque token click-tracking links carry for this conversation (see ClickTracking).</summary>
    public string? ClickToken { get; set; }

    /// <summary>How often each varied line (content key) was said, so the next one is a different variant.</summary>
    public Dictionary<string, int> LinesSaid { get; set; } = new(StringComparer.Ordinal);
}
