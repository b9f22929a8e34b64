namespace GiftBot.Conversations.EntryPoints;

/// <summary>Conversation facts about how this conversation was entered (plain JSON in ConversationState).</summary>
public sealed class EntryState
{
    /// <summary>When a referral last began a flow: a Get Started tap right after it must not restart that flow.</summary>
    public DateTimeOffset? ReferralAt { get; set; }

    /// <summary>The ref that began the conversation (a preset ref or "share-..."); never personal data.</summary>
    public string? Ref { get; set; }
}
