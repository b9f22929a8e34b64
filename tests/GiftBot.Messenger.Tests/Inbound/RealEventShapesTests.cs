using System.Net;
using System.Text;
using GiftBot.Messenger.Inbound;
using GiftBot.Messenger.Tests.Support;
using GiftBot.Messenger.Webhook;
using GiftBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Messenger.Tests.Inbound;

/// <summary>
/// The checks must never refuse what Meta really sends. Each item follows a documented shape (MP/webhooks/webhook-events
/// and shared/reference/messenger-platform.md §2, §7), including the optional and oddly typed fields seen there:
/// numeric app ids, a null previous owner, stickers as images, postbacks without payload on standby, plugin user_refs.
/// </summary>
public sealed class RealEventShapesTests : MessengerHostTest
{
    private const string From = "\"sender\":{\"id\":\"1254459154682919\"},\"recipient\":{\"id\":\"PAGE_ID\"},\"timestamp\":1458692752478";

    private static string Item(string kindFields) => "{" + From + "," + kindFields + "}";

    public static TheoryData<string, string, MessengerEventKind> RealItems() => new()
    {
        { "text", Item(""" "message":{"mid":"mid.1457764197618:41d102a3e1ae206a38","text":"hello, world!"}"""), MessengerEventKind.Message },
        { "quick reply", Item(""" "message":{"mid":"m_1","text":"Cheaper","quick_reply":{"payload":"CHEAPER"}}"""), MessengerEventKind.Message },
        { "reply to", Item(""" "message":{"mid":"m_2","text":"this one","reply_to":{"mid":"m_1","is_self_reply":false}}"""), MessengerEventKind.Message },
        { "commands", Item(""" "message":{"mid":"m_3","text":"/gift","commands":[{"name":"gift"}]}"""), MessengerEventKind.Message },
        { "image", Item(""" "message":{"mid":"m_4","attachments":[{"type":"image","payload":{"url":"https://scontent.xx.fbcdn.net/v/t1/p.jpg?_nc_cat=1"}}]}"""), MessengerEventKind.Message },
        { "audio video file", Item(""" "message":{"mid":"m_5","attachments":[{"type":"audio","payload":{"url":"https://cdn.fbsbx.com/a.mp4"}},{"type":"video","payload":{"url":"https://video.xx.fbcdn.net/v.mp4"}},{"type":"file","payload":{"url":"https://cdn.fbsbx.com/w.pdf"}}]}"""), MessengerEventKind.Message },
        { "sticker", Item(""" "message":{"mid":"m_6","attachments":[{"type":"sticker","payload":{"url":"https://scontent.xx.fbcdn.net/s.png","sticker_id":369239263222822}}]}"""), MessengerEventKind.Message },
        { "sticker as image", Item(""" "message":{"mid":"m_7","attachments":[{"type":"image","payload":{"url":"https://scontent.xx.fbcdn.net/s.png","sticker_id":369239263222822}}]}"""), MessengerEventKind.Message },
        { "reel and post", Item(""" "message":{"mid":"m_8","attachments":[{"type":"reel","payload":{"url":"https://www.facebook.com/reel/1","reel_video_id":1234567890}},{"type":"post","payload":{"url":"https://www.facebook.com/p/1","title":"A post"}}]}"""), MessengerEventKind.Message },
        { "fallback", Item(""" "message":{"mid":"m_9","attachments":[{"type":"fallback","title":"Rocket kit","url":"https://shop.example/p/1","payload":null}]}"""), MessengerEventKind.Message },
        { "product template", Item(""" "message":{"mid":"m_10","attachments":[{"type":"template","payload":{"product":{"elements":[{"id":"1","retailer_id":"SKU-42","image_url":"https://x/y.jpg","title":"Rocket","subtitle":"€20"}]}}}]}"""), MessengerEventKind.Message },
        { "first message after an ad", Item(""" "message":{"mid":"m_11","text":"Hi! I saw your ad","referral":{"ref":"dino","ad_id":"6045246247433","source":"ADS","type":"OPEN_THREAD","ads_context_data":{"ad_title":"Dino days","photo_url":"https://scontent.example/ad.jpg","video_url":"https://scontent.example/ad.mp4","post_id":"4455","product_id":"SKU-42","flow_id":"778899"}}}"""), MessengerEventKind.Message },
        { "ad for a catalog product whose retailer id has spaces", Item(""" "referral":{"ad_id":"6045246247433","source":"ADS","type":"OPEN_THREAD","ads_context_data":{"ad_title":"Space week","product_id":"Rocket kit 42"}}"""), MessengerEventKind.Referral },
        { "shared post with a long text", Item(" \"message\":{\"mid\":\"m_post\",\"attachments\":[{\"type\":\"post\",\"payload\":{\"url\":\"https://www.facebook.com/p/2\",\"title\":\"" + new string('w', 5000) + "\"}}]}"), MessengerEventKind.Message },
        { "echo", """{"sender":{"id":"PAGE_ID"},"recipient":{"id":"1254459154682919"},"timestamp":1458692752478,"message":{"is_echo":true,"app_id":1517776481860111,"metadata":"meta","mid":"m_12","text":"echoed"}}""", MessengerEventKind.Echo },
        { "echo of a template", """{"sender":{"id":"PAGE_ID"},"recipient":{"id":"1254459154682919"},"timestamp":1458692752478,"message":{"is_echo":true,"app_id":263902037430900,"mid":"m_13","attachments":[{"type":"template","payload":{"template_type":"generic","elements":[{"title":"Rocket","buttons":[{"type":"postback","title":"Add","payload":"ADD_TO_BASKET:1"}]}]}}]}}""", MessengerEventKind.Echo },
        { "get started with a referral", Item(""" "postback":{"title":"Get Started","payload":"GET_STARTED","mid":"m_14","referral":{"ref":"space-gifts","source":"SHORTLINK","type":"OPEN_THREAD"}}"""), MessengerEventKind.Postback },
        { "standby postback without payload", Item(""" "postback":{"title":"Add to basket","mid":"m_15"}"""), MessengerEventKind.Postback },
        { "referral from a shortlink", Item(""" "referral":{"ref":"space-gifts","source":"SHORTLINK","type":"OPEN_THREAD"}"""), MessengerEventKind.Referral },
        { "referral from an ad with a numeric ad id", Item(""" "referral":{"ad_id":6045246247433,"source":"ADS","type":"OPEN_THREAD","ads_context_data":{"ad_title":"Space week","photo_url":"https://x/ad.jpg","post_id":4455}}"""), MessengerEventKind.Referral },
        { "lead ad referral", Item(""" "referral":{"source":"ADS","type":"LEAD_COMPLETE","ad_id":"1","lead":{"data":[{"question":"Age?","answer":"8"}]}}"""), MessengerEventKind.Referral },
        { "legacy chat plugin referral", """{"sender":{"user_ref":"plugin-user-ref-123"},"recipient":{"id":"PAGE_ID"},"timestamp":1458692752478,"referral":{"ref":"home","source":"CUSTOMER_CHAT_PLUGIN","type":"OPEN_THREAD","referer_uri":"https://shop.example/"}}""", MessengerEventKind.Referral },
        { "read", Item(""" "read":{"watermark":1458668856253}"""), MessengerEventKind.Read },
        { "delivery", Item(""" "delivery":{"mids":["mid.1458668856218:ed81099e15d3f4f233"],"watermark":1458668856253}"""), MessengerEventKind.Delivery },
        { "delivery without mids", Item(""" "delivery":{"watermark":1458668856253}"""), MessengerEventKind.Delivery },
        { "reaction", Item(""" "reaction":{"reaction":"love","emoji":"\u2764\uFE0F","action":"react","mid":"m_16"}"""), MessengerEventKind.Reaction },
        { "unreaction without emoji", Item(""" "reaction":{"action":"unreact","mid":"m_16"}"""), MessengerEventKind.Reaction },
        { "marketing messages optin", Item(""" "optin":{"type":"notification_messages","payload":"SALE_ALERTS","notification_messages_token":"TOKEN","notification_messages_frequency":"DAILY","notification_messages_timezone":"Europe/Dublin","token_expiry_timestamp":1700000000000,"user_token_status":"NOT_REFRESHED","notification_messages_status":"RESUME NOTIFICATIONS","title":"Sale alerts"}"""), MessengerEventKind.Optin },
        { "send to messenger optin", Item(""" "optin":{"ref":"PASS_THROUGH_PARAM"}"""), MessengerEventKind.Optin },
        { "checkbox plugin optin", """{"recipient":{"id":"PAGE_ID"},"timestamp":1458692752478,"optin":{"ref":"PASS_THROUGH_PARAM","user_ref":"UNIQUE_REF_PARAM"}}""", MessengerEventKind.Optin },
        { "pass thread control from idle", Item(""" "pass_thread_control":{"previous_owner_app_id":null,"new_owner_app_id":"123456789","metadata":"Additional content that the caller wants to set"}"""), MessengerEventKind.Handover },
        { "take thread control", Item(""" "take_thread_control":{"previous_owner_app_id":"123456789","new_owner_app_id":"263902037430900","metadata":"taken"}"""), MessengerEventKind.Handover },
        { "request thread control", Item(""" "request_thread_control":{"requested_owner_app_id":123456789,"metadata":"please"}"""), MessengerEventKind.Handover },
        { "app roles", Item(""" "app_roles":{"123456789":["primary_receiver"],"263902037430900":["secondary_receiver"]}"""), MessengerEventKind.Handover },
    };

    [Theory]
    [MemberData(nameof(RealItems))]
    public void RealShapedItem_IsAcceptedAsItsKind(string shape, string item, MessengerEventKind kind)
    {
        var reading = Read(item);

        Assert.True(reading.Event is not null, $"{shape}: {reading.Rejection ?? reading.IgnoredFields}");
        Assert.Equal(kind, reading.Event.Kind);
    }

    [Fact]
    public void MessageEdits_AreIgnoredAsAnUnhandledKind_NotRejected()
    {
        var reading = Read(Item(""" "message_edit":{"mid":"m_1","text":"edited","num_edit":1}"""));

        Assert.Null(reading.Rejection);
        Assert.Equal("sender,recipient,timestamp,message_edit", reading.IgnoredFields);
    }

    [Fact]
    public async Task EveryRealShape_InOneBodyAndOnStandby_IsAcceptedProcessedAndNothingIsRejectedOrParked()
    {
        var items = RealItems().Select(row => (string)row[1]).ToList();
        var body = $$"""{"object":"page","entry":[{"id":"PAGE_ID","time":1458692752478,"messaging":[{{string.Join(",", items)}}]},{"id":"PAGE_ID","time":1458692752478,"standby":[{{string.Join(",", items)}}]}]}""";

        using var response = await Host.PostWebhookAsync(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await Host.PendingAsync() > 0 && DateTime.UtcNow < deadline) await Task.Delay(50);

        Assert.Equal(0, await Host.PendingAsync());
        Assert.Equal(0, (await Host.Services.GetRequiredService<IRejectedEventStore>().SummarizeAsync()).Count);
        Assert.Empty(await Host.Services.GetRequiredService<IDurableInbox>().ListParkedAsync());
        Assert.Contains("text:hello, world!", MessengerTestHost.SentTexts(Graph));
        Assert.Contains("text:GET_STARTED", MessengerTestHost.SentTexts(Graph));
    }

    private static MessengerEventReading Read(string item)
    {
        using var document = StrictJson.Parse(Encoding.UTF8.GetBytes(item));
        return MessengerEventReader.Read(document.RootElement, MetaSamples.PageId, standby: false);
    }
}
