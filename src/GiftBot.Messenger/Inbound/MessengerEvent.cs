using System.Text.Json;
using System.Text.Json.Serialization;

namespace GiftBot.Messenger.Inbound;

// One webhook "messaging" (or "standby") item after MessengerEventReader checked it: every field the bot reads has its
// documented type and a bounded size. This is what the inbox stores and what the turn planner reads; ChannelData keeps the
// item as Meta sent it (strict JSON already) so nothing Meta sends is lost for the dialogs.

public sealed record MessengerEvent
{
    public required MessengerEventKind Kind { get; init; }
    public required string PageId { get; init; }
    /// <summary>Delivered on the standby channel: another app owns the thread.</summary>
    public bool Standby { get; init; }
    /// <summary>The person's PSID (the recipient on echoes), or a plugin's user_ref.</summary>
    public required string UserId { get; init; }
    /// <summary>Meta's timestamp, epoch milliseconds.</summary>
    public required long Timestamp { get; init; }
    public MessengerMessage? Message { get; init; }
    public MessengerPostback? Postback { get; init; }
    /// <summary>A referral on its own (messaging_referrals); referrals riding on a message or postback sit there.</summary>
    public MessengerReferral? Referral { get; init; }
    /// <summary>read or delivery.</summary>
    public MessengerWatermark? Watermark { get; init; }
    public MessengerReaction? Reaction { get; init; }
    public MessengerThreadControl? ThreadControl { get; init; }
    /// <summary>The optin object as sent (its fields are Meta's and change often; the bot passes it on as an event value).</summary>
    public JsonElement? Optin { get; init; }
    public required JsonElement ChannelData { get; init; }

    [JsonIgnore] public DateTimeOffset OccurredAt => DateTimeOffset.FromUnixTimeMilliseconds(Timestamp);

    /// <summary>The referral that came with this event, wherever Meta put it.</summary>
    [JsonIgnore] public MessengerReferral? AnyReferral => Referral ?? Postback?.Referral ?? Message?.Referral;
}

public sealed record MessengerMessage
{
    public string? Mid { get; init; }
    public string? Text { get; init; }
    public bool IsEcho { get; init; }
    public string? QuickReplyPayload { get; init; }
    public string? ReplyToMid { get; init; }
    public IReadOnlyList<MessengerAttachment> Attachments { get; init; } = [];
    public MessengerReferral? Referral { get; init; }
}

public sealed record MessengerAttachment
{
    public required string Type { get; init; }
    public string? Url { get; init; }
    public string? Title { get; init; }
    public string? StickerId { get; init; }
    /// <summary>The attachment's payload object as sent (template elements, product ids, ...), for the bot.</summary>
    public JsonElement? Payload { get; init; }
}

public sealed record MessengerPostback
{
    public string? Mid { get; init; }
    public string? Title { get; init; }
    /// <summary>Absent on standby: Meta leaves it out there.</summary>
    public string? Payload { get; init; }
    public MessengerReferral? Referral { get; init; }
}

public sealed record MessengerReferral
{
    public string? Ref { get; init; }
    public string? Source { get; init; }
    public string? Type { get; init; }
    public string? AdId { get; init; }
    public string? AdTitle { get; init; }
    /// <summary>The referral object as sent (ads_context_data, referer_uri, lead data ...), the value of the "referral" event.</summary>
    public required JsonElement Raw { get; init; }
}

public sealed record MessengerWatermark
{
    public required long Watermark { get; init; }
}

public sealed record MessengerReaction
{
    public string? Mid { get; init; }
    /// <summary>react or unreact.</summary>
    public string? Action { get; init; }
    public string? Reaction { get; init; }
    public string? Emoji { get; init; }
}

/// <summary>pass_thread_control, take_thread_control, request_thread_control or app_roles.</summary>
public sealed record MessengerThreadControl
{
    public required string Field { get; init; }
    public string? NewOwnerAppId { get; init; }
    public string? PreviousOwnerAppId { get; init; }
    public string? Metadata { get; init; }
    public required JsonElement Raw { get; init; }
}
