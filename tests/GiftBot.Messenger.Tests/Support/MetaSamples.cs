namespace GiftBot.Messenger.Tests.Support;

/// <summary>
/// Webhook bodies in the shapes of Meta's documented samples (MP/webhooks/webhook-events, m-me-links, conversation
/// routing), with ids filled in. Bodies are compact JSON like Meta's, non-ASCII escaped as \uXXXX where noted.
/// </summary>
public static class MetaSamples
{
    public const string Psid = "1254459154682919";
    public const string PageId = MessengerTestHost.PageId;

    /// <summary>One messaging item read as the webhook reads it (for tests that drive the adapter without a webhook).</summary>
    public static GiftBot.Messenger.Inbound.MessengerEvent Read(string item, bool standby = false)
    {
        using var document = GiftBot.Messenger.Webhook.StrictJson.Parse(System.Text.Encoding.UTF8.GetBytes(item));
        var reading = GiftBot.Messenger.Inbound.MessengerEventReader.Read(document.RootElement, PageId, standby);
        return reading.Event ?? throw new InvalidOperationException($"Sample not accepted: {reading.Rejection ?? reading.IgnoredFields}");
    }

    public static string Envelope(params string[] messaging) =>
        $$"""{"object":"page","entry":[{"id":"{{PageId}}","time":1458692752478,"messaging":[{{string.Join(",", messaging)}}]}]}""";

    public static string StandbyEnvelope(params string[] standby) =>
        $$"""{"object":"page","entry":[{"id":"{{PageId}}","time":1458692752478,"standby":[{{string.Join(",", standby)}}]}]}""";

    private static string Item(string body, long timestamp, string psid) =>
        $$"""{"sender":{"id":"{{psid}}"},"recipient":{"id":"{{PageId}}"},"timestamp":{{timestamp}},{{body}}}""";

    public static string Text(string mid, string text, long timestamp = 1458692752478, string psid = Psid) =>
        Item($$"""
        "message":{"mid":"{{mid}}","text":{{System.Text.Json.JsonSerializer.Serialize(text)}}}
        """.Trim(), timestamp, psid);

    /// <summary>A message whose text is given already JSON-escaped (e.g. "\u00e4\u00f6\u00e5"), as Meta sends non-ASCII.</summary>
    public static string RawText(string mid, string escapedText, long timestamp = 1458692752478) =>
        Item($$"""
        "message":{"mid":"{{mid}}","text":"{{escapedText}}"}
        """.Trim(), timestamp, Psid);

    public static string QuickReply(string mid, string title, string payload, long timestamp = 1458692752478) =>
        Item($$"""
        "message":{"mid":"{{mid}}","text":"{{title}}","quick_reply":{"payload":"{{payload}}"} }
        """.Trim(), timestamp, Psid);

    public static string Attachment(string mid, string type, string payloadJson, long timestamp = 1458692752478) =>
        Item($$"""
        "message":{"mid":"{{mid}}","attachments":[{"type":"{{type}}","payload":{{payloadJson}}}]}
        """.Trim(), timestamp, Psid);

    public static string Postback(string payload, string title, string? referralJson = null, long timestamp = 1458692752478, string psid = Psid) =>
        Item($$"""
        "postback":{"mid":"m_postback_{{timestamp}}","title":"{{title}}","payload":"{{payload}}"{{(referralJson is null ? "" : $",\"referral\":{referralJson}")}}}
        """.Trim(), timestamp, psid);

    public static string Referral(string referralJson, long timestamp = 1458692752478, string psid = Psid) =>
        Item($"\"referral\":{referralJson}", timestamp, psid);

    public static string MessageWithReferral(string mid, string text, string referralJson, long timestamp = 1458692752478) =>
        Item($$"""
        "message":{"mid":"{{mid}}","text":"{{text}}","referral":{{referralJson}}}
        """.Trim(), timestamp, Psid);

    public static string ShortLink(string reference) => $$"""{"ref":"{{reference}}","source":"SHORTLINK","type":"OPEN_THREAD"}""";

    public static string Ad(string adId, string title, string? reference = null, string? productId = null)
    {
        var referral = new System.Text.Json.Nodes.JsonObject();
        if (reference is not null) referral["ref"] = reference;
        referral["ad_id"] = adId;
        referral["source"] = "ADS";
        referral["type"] = "OPEN_THREAD";
        var context = new System.Text.Json.Nodes.JsonObject { ["ad_title"] = title, ["photo_url"] = "https://scontent.example/ad.jpg", ["post_id"] = "4455" };
        if (productId is not null) context["product_id"] = productId;
        referral["ads_context_data"] = context;
        return referral.ToJsonString();
    }

    public static string Echo(string mid, long timestamp = 1458692752478) =>
        $$"""{"sender":{"id":"{{PageId}}"},"recipient":{"id":"{{Psid}}"},"timestamp":{{timestamp}},"message":{"is_echo":true,"app_id":1517776481860111,"metadata":"meta","mid":"{{mid}}","text":"echoed"} }""";

    public static string Read(long watermark, long timestamp = 1458692752478) => Item($$"""
        "read":{"watermark":{{watermark}}}
        """.Trim(), timestamp, Psid);

    public static string Delivery(long watermark, long timestamp = 1458692752478) => Item($$"""
        "delivery":{"mids":["mid.1458668856218:ed81099e15d3f4f233"],"watermark":{{watermark}}}
        """.Trim(), timestamp, Psid);

    public static string PassThreadControl(string newOwner, long timestamp = 1458692752478) => Item($$"""
        "pass_thread_control":{"previous_owner_app_id":"263902037430900","new_owner_app_id":"{{newOwner}}","metadata":"Additional content that the caller wants to set"}
        """.Trim(), timestamp, Psid);

    public static string TakeThreadControl(string newOwner, long timestamp = 1458692752478) => Item($$"""
        "take_thread_control":{"previous_owner_app_id":"{{MessengerTestHost.AppId}}","new_owner_app_id":"{{newOwner}}","metadata":"taken"}
        """.Trim(), timestamp, Psid);

    public static string RequestThreadControl(long timestamp = 1458692752478) => Item("""
        "request_thread_control":{"requested_owner_app_id":"123456789","metadata":"please"}
        """.Trim(), timestamp, Psid);

    public static string AppRoles(long timestamp = 1458692752478) => Item("""
        "app_roles":{"123456789":["primary_receiver"]}
        """.Trim(), timestamp, Psid);

    public static string Optin(long timestamp = 1458692752478) => Item("""
        "optin":{"type":"notification_messages","payload":"SALE_ALERTS","notification_messages_token":"TOKEN","token_expiry_timestamp":1700000000000,"user_token_status":"NOT_REFRESHED","notification_messages_status":"RESUME NOTIFICATIONS","title":"Sale alerts"}
        """.Trim(), timestamp, Psid);

    public static string Reaction(string mid, long timestamp = 1458692752478) => Item($$"""
        "reaction":{"reaction":"love","emoji":"\u2764\uFE0F","action":"react","mid":"{{mid}}"}
        """.Trim(), timestamp, Psid);
}
