using GiftBot.Bot;
using GiftBot.Testing;
using GiftBot.Testing.BotFramework;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using Newtonsoft.Json.Linq;

namespace GiftBot.Tests.Bot;

/// <summary>
/// Replies leave a kept connector client through <see cref="Utf8ReplyConversations"/>, which builds the request itself
/// instead of through the SDK's generated client: the connector must get exactly what the SDK would have sent (path,
/// headers, the same JSON bytes: cards, quick replies, accents and emoji), and a refusal must fail the send as the SDK's does.
/// </summary>
public sealed class ConnectorRepliesTests
{
    [Fact]
    public async Task ACarouselReply_AndASendToTheConversation_ReachTheConnectorAsTheSdkSendsThem()
    {
        await using var connector = await BotConnectorStandIn.StartAsync();
        using var client = Client(connector.ServiceUrl);
        var lean = new Utf8ReplyConversations(client);
        var reply = Carousel(connector.ServiceUrl, replyToId: "in-1");
        var proactive = Carousel(connector.ServiceUrl, replyToId: null);

        var sdkReplyId = (await client.Conversations.ReplyToActivityAsync(reply)).Id;
        var leanReplyId = (await lean.ReplyToActivityAsync(reply)).Id;
        await client.Conversations.SendToConversationAsync(proactive);
        var leanSendId = (await lean.SendToConversationAsync(proactive)).Id;

        var requests = connector.Server.Requests;
        Assert.Equal(4, requests.Count);
        foreach (var (sdk, ours) in new[] { (requests[0], requests[1]), (requests[2], requests[3]) })
        {
            Assert.Equal(sdk.Path, ours.Path);
            Assert.Equal(sdk.Body, ours.Body);
            Assert.Equal(sdk.BodyBytes, ours.BodyBytes);
            Assert.Equal(Header(sdk, "Content-Type"), Header(ours, "Content-Type"));
            Assert.Equal(Header(sdk, "x-ms-conversation-id"), Header(ours, "x-ms-conversation-id"));
        }
        Assert.Equal("/v3/conversations/conv 1%2Fa/activities/in-1", requests[1].Path); // as the server decodes it
        Assert.Equal("conv 1/a", Header(requests[1], "x-ms-conversation-id"));
        Assert.Null(Header(requests[3], "x-ms-conversation-id"));
        Assert.Contains("Un cadeau pour ma sœur 🎁", requests[1].Body, StringComparison.Ordinal);
        Assert.Equal(["reply-1", "reply-2", "reply-4"], new[] { sdkReplyId, leanReplyId, leanSendId });
    }

    [Fact]
    public async Task AConnectorThatRefuses_FailsTheSendWithItsError_AsTheSdkDoes()
    {
        await using var server = await RecordingHttpServer.StartAsync();
        server.On("POST", "/v3/conversations/*")
            .Respond(_ => ScriptedResponse.Json(403, new { error = new { code = "BotNotInConversationRoster", message = "The bot is not part of the conversation roster." } }));
        using var client = Client(server.BaseAddress.ToString());
        var reply = Carousel(server.BaseAddress.ToString(), replyToId: "in-1");

        var sdk = await Assert.ThrowsAsync<ErrorResponseException>(() => client.Conversations.ReplyToActivityAsync(reply));
        var ours = await Assert.ThrowsAsync<ErrorResponseException>(() => new Utf8ReplyConversations(client).ReplyToActivityAsync(reply));

        Assert.Equal(sdk.Message, ours.Message);
        Assert.Equal("BotNotInConversationRoster", ours.Body.Error.Code);
        Assert.Equal(sdk.Body.Error.Message, ours.Body.Error.Message);
        Assert.Equal(sdk.Response.StatusCode, ours.Response.StatusCode);
        Assert.Equal(sdk.Request.Content, ours.Request.Content);
    }

    private static ConnectorClient Client(string serviceUrl)
    {
        var client = new ConnectorClient(new Uri(serviceUrl));
        var resolver = new ConnectorContractResolver();
        client.SerializationSettings.ContractResolver = resolver;
        client.DeserializationSettings.ContractResolver = resolver;
        return client;
    }

    private static Activity Carousel(string serviceUrl, string? replyToId)
    {
        var card = (string title, int price) => new HeroCard(
            title, $"£{price}", "Un cadeau pour ma sœur 🎁 \"quoted\" <b>",
            [new CardImage($"https://shop.example/{price}.jpg")],
            [new CardAction(ActionTypes.OpenUrl, "View", value: $"https://shop.example/p/{price}"), new CardAction(ActionTypes.PostBack, "More like this", value: $"more:{price}")]).ToAttachment();
        var activity = (Activity)MessageFactory.Carousel([card("Puzzle", 18), card("Kite", 25), card("Torch", 12)], "Un cadeau pour ma sœur 🎁");
        activity.ServiceUrl = serviceUrl;
        activity.ChannelId = "emulator";
        activity.Conversation = new ConversationAccount(id: "conv 1/a");
        activity.From = new ChannelAccount("bot", "GiftBot");
        activity.Recipient = new ChannelAccount("shopper-1", "Shopper");
        activity.ReplyToId = replyToId;
        activity.Locale = "fr-FR";
        activity.SuggestedActions = new SuggestedActions(actions: [new CardAction(ActionTypes.ImBack, "Moins cher", value: "moins cher")]);
        activity.ChannelData = new JObject { ["notification_type"] = "REGULAR" };
        return activity;
    }

    private static string? Header(RecordedRequest request, string name) =>
        request.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
