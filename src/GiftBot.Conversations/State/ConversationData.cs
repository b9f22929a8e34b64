namespace GiftBot.Conversations.State;

/// <summary>Small facts about one conversation (ConversationState), outside the dialog stack.</summary>
public sealed class ConversationData
{
    /// <summary>The conversation-started funnel event was recorded.</summary>
    public bool Started { get; set; }

    /// <summary>The opaque token click-tracking links carry for this conversation (see ClickTracking).</summary>
    public string? ClickToken { get; set; }
}
