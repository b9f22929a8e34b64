using System.Net;
using GiftBot.Messenger.Tests.Support;
using GiftBot.Testing;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Tests.Inbound;

/// <summary>Each documented event kind, from webhook to the bot's answer as recorded by the Graph API stand-in.</summary>
public sealed class InboundEventTests : MessengerHostTest
{
    private async Task<IReadOnlyList<string?>> DeliverAsync(int expectedReplies, params string[] messaging)
    {
        using var response = await Host.PostWebhookAsync(MetaSamples.Envelope(messaging));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Graph.WaitForRequestsAsync(expectedReplies, r => r.Path == MessengerTestHost.MessagesPath);
        return MessengerTestHost.SentTexts(Graph);
    }

    [Fact]
    public async Task QuickReplyTap_ReachesTheBotAsItsPayload_WithTitleKeptInChannelData()
    {
        var replies = await DeliverAsync(1, MetaSamples.QuickReply("m_qr", "Cheaper please", "CHEAPER"));

        Assert.Equal(["text:CHEAPER"], replies);
        var activity = Assert.Single(Host.Received.All);
        Assert.Equal("Cheaper please", ((JObject)activity.ChannelData)["message"]!["text"]!.ToString());
    }

    [Fact]
    public async Task GetStartedPostbackWithShortlinkReferral_IsAReferralEventThenThePostback()
    {
        var replies = await DeliverAsync(2, MetaSamples.Postback("GET_STARTED", "Get Started", MetaSamples.ShortLink("space-gifts")));

        Assert.Equal(["event:referral:space-gifts", "text:GET_STARTED"], replies);
        var referral = Host.Received.All[0];
        Assert.Equal(ActivityTypes.Event, referral.Type);
        Assert.Equal("SHORTLINK", ((JObject)referral.Value).Value<string>("source"));
    }

    [Fact]
    public async Task ExistingThreadAdReferral_IsAReferralEventWithAdIdAndContext()
    {
        var replies = await DeliverAsync(1, MetaSamples.Referral(MetaSamples.Ad("6045246247433", "Space week", productId: "SKU-42")));

        Assert.Equal(["event:referral:ADS"], replies);
        var value = (JObject)Host.Received.All[0].Value;
        Assert.Equal("6045246247433", value.Value<string>("ad_id"));
        Assert.Equal("SKU-42", value["ads_context_data"]!.Value<string>("product_id"));
    }

    [Fact]
    public async Task FirstMessageAfterClickToMessengerAd_IsAReferralEventThenTheMessage()
    {
        var replies = await DeliverAsync(2, MetaSamples.MessageWithReferral("m_ad", "Hi! I saw your ad", MetaSamples.Ad("77", "Dino days", reference: "dino-gifts")));

        Assert.Equal(["event:referral:dino-gifts", "text:Hi! I saw your ad"], replies);
    }

    [Theory]
    [InlineData("image", """{"url":"https://scontent.xx.fbcdn.net/v/t1/photo_n.jpg?_nc_cat=1"}""", "attachment:image/jpeg:https://scontent.xx.fbcdn.net/v/t1/photo_n.jpg?_nc_cat=1")]
    [InlineData("audio", """{"url":"https://cdn.fbsbx.com/v/t59/audioclip.mp4?x=1"}""", "attachment:audio/*:https://cdn.fbsbx.com/v/t59/audioclip.mp4?x=1")]
    [InlineData("video", """{"url":"https://video.xx.fbcdn.net/v/t42/clip.mp4"}""", "attachment:video/mp4:https://video.xx.fbcdn.net/v/t42/clip.mp4")]
    [InlineData("file", """{"url":"https://cdn.fbsbx.com/v/t59/wishlist.pdf"}""", "attachment:application/pdf:https://cdn.fbsbx.com/v/t59/wishlist.pdf")]
    [InlineData("sticker", """{"url":"https://scontent.xx.fbcdn.net/v/t39/thumbs.png","sticker_id":126361874215276}""", "attachment:application/vnd.facebook.messenger.sticker:https://scontent.xx.fbcdn.net/v/t39/thumbs.png")]
    [InlineData("image", """{"url":"https://scontent.xx.fbcdn.net/v/t39/thumbs.png","sticker_id":126361874215276}""", "attachment:application/vnd.facebook.messenger.sticker:https://scontent.xx.fbcdn.net/v/t39/thumbs.png")]
    [InlineData("fallback", """{"url":"https://www.littlewonders.example/p/1","title":"Rocket kit"}""", "attachment:application/vnd.facebook.messenger.fallback:https://www.littlewonders.example/p/1")]
    public async Task Attachment_ReachesTheBotWithMappedContentTypeAndUrl(string type, string payload, string expected)
    {
        var replies = await DeliverAsync(1, MetaSamples.Attachment($"m_{type}", type, payload));

        Assert.Equal([expected], replies);
    }

    // The like button is a reply: the bot reads it as the thumbs-up a shopper could have typed.
    [Theory]
    [InlineData("sticker", 369239263222822)]
    [InlineData("image", 369239343222814)]
    [InlineData("image", 369239383222810)]
    public async Task TheLikeSticker_ReachesTheBotAsAThumbsUp(string type, long stickerId)
    {
        var replies = await DeliverAsync(2, MetaSamples.Attachment("m_like", type, $$"""{"url":"https://scontent.xx.fbcdn.net/v/t39/like.png","sticker_id":{{stickerId}}}"""));

        // The echo bot answers the text, then each attachment: the sticker is still there.
        Assert.Equal(["text:\U0001F44D", "attachment:application/vnd.facebook.messenger.sticker:https://scontent.xx.fbcdn.net/v/t39/like.png"], replies);
    }

    [Fact]
    public async Task HandoverEventsAndOptin_ReachTheBotAsNamedEventsWithTheRawObject()
    {
        var replies = await DeliverAsync(5,
            MetaSamples.PassThreadControl(MessengerTestHost.AppId, 1),
            MetaSamples.TakeThreadControl("263902037430900", 2),
            MetaSamples.RequestThreadControl(3),
            MetaSamples.AppRoles(4),
            MetaSamples.Optin(5));

        Assert.Equal(["event:pass_thread_control:", "event:take_thread_control:", "event:request_thread_control:", "event:app_roles:", "event:optin:notification_messages"], replies);
        Assert.Equal(MessengerTestHost.AppId, ((JObject)Host.Received.All[0].Value).Value<string>("new_owner_app_id"));
    }

    [Fact]
    public async Task EchoesReadsDeliveriesAndStandby_MakeNoTurn()
    {
        await Host.PostWebhookAsync(MetaSamples.StandbyEnvelope(MetaSamples.Text("m_standby", "to the human", 1)));
        // The same user's later message is processed after the earlier events (in order per user), so its reply proves they were handled.
        var replies = await DeliverAsync(1,
            MetaSamples.Echo("m_echo", 2), MetaSamples.Read(2, 3), MetaSamples.Delivery(3, 4), MetaSamples.Text("m_after", "still there?", 5));

        Assert.Equal(["text:still there?"], replies);
        Assert.Single(Host.Received.All);
    }

    [Fact]
    public async Task UnknownEventKind_IsAcknowledgedAndLogged_WithoutCrashing()
    {
        var unknown = $$"""{"sender":{"id":"{{MetaSamples.Psid}}"},"recipient":{"id":"PAGE_ID"},"timestamp":1,"message_edit":{"mid":"m_1","text":"edited","num_edit":1} }""";

        var replies = await DeliverAsync(1, unknown, MetaSamples.Text("m_next", "next", 2));

        Assert.Equal(["text:next"], replies);
        Assert.Contains(Host.Logs.Entries, e => e.Text.Contains("message_edit"));
    }

    [Fact]
    public async Task EveryEntryAndMessagingItem_IsHandled()
    {
        var second = MetaSamples.Text("m_b", "from entry two", 2, psid: "999");
        var body = $$"""{"object":"page","entry":[{"id":"PAGE_ID","time":1,"messaging":[{{MetaSamples.Text("m_a", "from entry one", 1)}}]},{"id":"PAGE_ID","time":2,"messaging":[{{second}}]}]}""";

        using var response = await Host.PostWebhookAsync(body);
        await Graph.WaitForRequestsAsync(2, r => r.Path == MessengerTestHost.MessagesPath);

        Assert.Equal(["text:from entry one", "text:from entry two"], MessengerTestHost.SentTexts(Graph).Order());
        Assert.Contains(Graph.Requests, r => (string?)r.Json?["recipient"]?["id"] == "999");
    }
}
