namespace GiftBot.Conversations.Greeting;

/// <summary>The instant reply to a person's very first message. Bound to the "InstantReply" configuration section.</summary>
public sealed class InstantReplyOptions
{
    public const string SectionName = "InstantReply";

    /// <summary>Off: first messages get only the normal answer. The text itself is the content key automations.instantReply.</summary>
    public bool Enabled { get; set; } = true;
}
