using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Inbound;

// Typed views of Meta's webhook "messaging" items (MP/webhooks/webhook-events). Only the fields the bot reads are
// modelled; the raw JObject always travels along as the activity's ChannelData, so nothing Meta sends is lost.

public sealed class MessagingEvent
{
    [JsonProperty("sender")] public MessengerParty? Sender { get; set; }
    [JsonProperty("recipient")] public MessengerParty? Recipient { get; set; }
    [JsonProperty("timestamp")] public long Timestamp { get; set; }
    [JsonProperty("message")] public MessengerMessage? Message { get; set; }
    [JsonProperty("postback")] public MessengerPostback? Postback { get; set; }
    [JsonProperty("referral")] public JObject? Referral { get; set; }
    [JsonProperty("read")] public MessengerWatermark? Read { get; set; }
    [JsonProperty("delivery")] public MessengerWatermark? Delivery { get; set; }
    [JsonProperty("optin")] public JObject? Optin { get; set; }
    [JsonProperty("reaction")] public MessengerReaction? Reaction { get; set; }
    [JsonProperty("pass_thread_control")] public JObject? PassThreadControl { get; set; }
    [JsonProperty("take_thread_control")] public JObject? TakeThreadControl { get; set; }
    [JsonProperty("request_thread_control")] public JObject? RequestThreadControl { get; set; }
    [JsonProperty("app_roles")] public JObject? AppRoles { get; set; }
}

public sealed class MessengerParty
{
    [JsonProperty("id")] public string? Id { get; set; }
    [JsonProperty("user_ref")] public string? UserRef { get; set; }
}

public sealed class MessengerMessage
{
    [JsonProperty("mid")] public string? Mid { get; set; }
    [JsonProperty("text")] public string? Text { get; set; }
    [JsonProperty("is_echo")] public bool IsEcho { get; set; }
    [JsonProperty("quick_reply")] public MessengerQuickReply? QuickReply { get; set; }
    [JsonProperty("reply_to")] public JObject? ReplyTo { get; set; }
    [JsonProperty("attachments")] public List<MessengerAttachment>? Attachments { get; set; }
    [JsonProperty("referral")] public JObject? Referral { get; set; }
}

public sealed class MessengerQuickReply
{
    [JsonProperty("payload")] public string? Payload { get; set; }
}

public sealed class MessengerAttachment
{
    [JsonProperty("type")] public string? Type { get; set; }
    [JsonProperty("title")] public string? Title { get; set; }
    [JsonProperty("url")] public string? Url { get; set; }
    [JsonProperty("payload")] public JObject? Payload { get; set; }
}

public sealed class MessengerPostback
{
    [JsonProperty("mid")] public string? Mid { get; set; }
    [JsonProperty("title")] public string? Title { get; set; }
    [JsonProperty("payload")] public string? Payload { get; set; }
    [JsonProperty("referral")] public JObject? Referral { get; set; }
}

public sealed class MessengerWatermark
{
    [JsonProperty("watermark")] public long Watermark { get; set; }
    [JsonProperty("mids")] public List<string>? Mids { get; set; }
}

public sealed class MessengerReaction
{
    [JsonProperty("mid")] public string? Mid { get; set; }
    [JsonProperty("action")] public string? Action { get; set; }
    [JsonProperty("reaction")] public string? Reaction { get; set; }
    [JsonProperty("emoji")] public string? Emoji { get; set; }
}
