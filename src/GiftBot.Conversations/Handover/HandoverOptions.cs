namespace GiftBot.Conversations.Handover;

/// <summary>Passing conversations to people and taking them back. Bound to the "Handover" configuration section.</summary>
public sealed class HandoverOptions
{
    public const string SectionName = "Handover";

    /// <summary>Meta's Page Inbox app: where Messenger threads go when a shopper asks for a person.</summary>
    public const string PageInboxAppId = "263902037430900";

    /// <summary>The app that receives the thread on Messenger (pass_thread_control target_app_id).</summary>
    public string TargetAppId { get; set; } = PageInboxAppId;

    /// <summary>
    /// This bot's own Facebook app id, to tell "the thread came back to us" from "another app took it" in
    /// pass/take_thread_control events. Defaults to Facebook:AppId. Unset: a pass_thread_control event is taken as a
    /// return (Meta sends it to the new owner) and a take_thread_control event as people taking the thread.
    /// </summary>
    public string? AppId { get; set; }

    /// <summary>With no human activity for this long, the bot takes the thread back on the person's next message.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(24);

    public string? Validate()
    {
        if (IdleTimeout <= TimeSpan.Zero) return $"{SectionName}:{nameof(IdleTimeout)} must be positive (e.g. \"12:00:00\").";
        if (string.IsNullOrWhiteSpace(TargetAppId)) return $"{SectionName}:{nameof(TargetAppId)} is required (Meta's Page Inbox is {PageInboxAppId}).";
        return null;
    }
}
