using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Inbound;

/// <summary>What a webhook messaging item is, decided once from its fields.</summary>
public enum MessengerEventKind
{
    Unknown,
    Message,
    Echo,
    Postback,
    Referral,
    Read,
    Delivery,
    Optin,
    Reaction,
    Handover,
}

public static class MessengerEventClassifier
{
    private static readonly string[] HandoverFields = ["pass_thread_control", "take_thread_control", "request_thread_control", "app_roles"];

    public static MessengerEventKind Classify(JObject raw)
    {
        if (raw["message"] is JObject message)
            return message.Value<bool?>("is_echo") == true ? MessengerEventKind.Echo : MessengerEventKind.Message;
        if (raw["postback"] is JObject) return MessengerEventKind.Postback;
        if (raw["referral"] is JObject) return MessengerEventKind.Referral;
        if (raw["read"] is JObject) return MessengerEventKind.Read;
        if (raw["delivery"] is JObject) return MessengerEventKind.Delivery;
        if (raw["optin"] is JObject) return MessengerEventKind.Optin;
        if (raw["reaction"] is JObject) return MessengerEventKind.Reaction;
        if (HandoverFields.Any(f => raw[f] is JObject)) return MessengerEventKind.Handover;
        return MessengerEventKind.Unknown;
    }

    /// <summary>The user's PSID: the sender, except on echoes where the Page is the sender.</summary>
    public static string? UserId(JObject raw, MessengerEventKind kind) =>
        kind == MessengerEventKind.Echo ? raw["recipient"]?.Value<string>("id") : raw["sender"]?.Value<string>("id") ?? raw["sender"]?.Value<string>("user_ref");

    /// <summary>The field name of a handover event (pass_thread_control, ...), or null.</summary>
    public static string? HandoverField(JObject raw) => HandoverFields.FirstOrDefault(f => raw[f] is JObject);
}
