using GiftBot.Messenger.Outbound;
using GiftBot.Messenger.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Tests.Outbound;

public sealed class MessengerRendererTests
{
    private readonly LogCollector _logs = new();
    private MessengerRenderer Renderer => new(new LoggerAdapter(_logs.CreateLogger(nameof(MessengerRenderer))));

    private static IMessageActivity WithSuggestedActions(string text, IList<CardAction> actions)
    {
        var activity = MessageFactory.Text(text);
        activity.SuggestedActions = new SuggestedActions { Actions = actions };
        return activity;
    }

    private IReadOnlyList<JObject> Send(IActivity activity, string? personaId = null) =>
        MessengerRenderer.ToSendRequests(Renderer.Render(activity), "PSID", "RESPONSE", personaId);

    private static JObject Message(JObject request) => (JObject)request["message"]!;

    [Fact]
    public void SendsText_AsResponseToThePsid()
    {
        var request = Assert.Single(Send(MessageFactory.Text("Hello!")));

        Assert.True(JToken.DeepEquals(JObject.Parse("""{"recipient":{"id":"PSID"},"messaging_type":"RESPONSE","message":{"text":"Hello!"}}"""), request));
    }

    [Fact]
    public void SplitsLongText_OnWordBoundaries_BelowTheLimit_WithoutLosingWords()
    {
        var words = Enumerable.Range(0, 900).Select(i => $"word{i}").ToList();
        var text = string.Join(' ', words);

        var pieces = Send(MessageFactory.Text(text)).Select(r => Message(r).Value<string>("text")!).ToList();

        Assert.True(pieces.Count >= 3);
        Assert.All(pieces, p => Assert.True(p.Length < 2000, $"piece of {p.Length} characters"));
        Assert.Equal(words, pieces.SelectMany(p => p.Split(' ')).ToList());
        Assert.Contains(_logs.Entries, e => e.Text.Contains("sent as"));
    }

    [Fact]
    public void SplitsTextWithoutSpaces_WithoutBreakingSurrogatePairs()
    {
        var text = string.Concat(Enumerable.Repeat("🎁", 1500));

        var pieces = Send(MessageFactory.Text(text)).Select(r => Message(r).Value<string>("text")!).ToList();

        Assert.Equal(text, string.Concat(pieces));
        Assert.All(pieces, p => Assert.False(char.IsHighSurrogate(p[^1])));
    }

    [Fact]
    public void RendersSuggestedActions_AsAtMost13QuickReplies_WithTitlesCutAtWordsAndValuesAsPayloads()
    {
        var actions = Enumerable.Range(1, 15).Select(i => new CardAction(ActionTypes.ImBack, $"Option {i}", value: $"OPTION_{i}")).ToList();
        actions[0] = new CardAction(ActionTypes.PostBack, "Something much cheaper please", value: "CHEAPER");
        var activity = WithSuggestedActions("Pick one", actions);

        var quickReplies = (JArray)Message(Assert.Single(Send(activity)))["quick_replies"]!;

        Assert.Equal(13, quickReplies.Count);
        Assert.Equal("Something much…", quickReplies[0]!.Value<string>("title"));
        Assert.Equal("CHEAPER", quickReplies[0]!.Value<string>("payload"));
        Assert.Equal("text", quickReplies[0]!.Value<string>("content_type"));
        Assert.All(quickReplies, q => Assert.True(q.Value<string>("title")!.Length <= 20));
        Assert.Contains(_logs.Entries, e => e.Text.Contains("quick reply limit"));
    }

    [Fact]
    public void LeavesOutQuickReplies_WhosePayloadIsTooLongOrThatOpenUrls()
    {
        var activity = WithSuggestedActions("Choose",
            [new CardAction(ActionTypes.ImBack, "Long", value: new string('x', 1001)), new CardAction(ActionTypes.OpenUrl, "Site", value: "https://example.com"), new CardAction(ActionTypes.ImBack, "Ok", value: "OK")]);

        var quickReplies = (JArray)Message(Assert.Single(Send(activity)))["quick_replies"]!;

        Assert.Equal(["OK"], quickReplies.Select(q => q.Value<string>("payload")));
    }

    [Fact]
    public void RendersHeroCardCarousel_AsGenericTemplate_WithMappedButtonsAndLimits()
    {
        var card = new HeroCard(
            title: "Rocket Explorer Building Kit with Launch Pad, Astronaut Figures and Glow-in-the-Dark Stars for Young Engineers",
            subtitle: "€34.99 · Ages 6-10",
            images: [new CardImage("https://shop.example/rocket.jpg")],
            buttons:
            [
                new CardAction(ActionTypes.OpenUrl, "View product", value: "https://shop.example/p/rocket"),
                new CardAction(ActionTypes.PostBack, "Add to basket", value: "ADD_TO_BASKET:rocket"),
                new CardAction(ActionTypes.ImBack, "More like this one please", value: "MORE_LIKE_THIS:rocket"),
                new CardAction(ActionTypes.ImBack, "Fourth", value: "DROPPED"),
            ],
            tap: new CardAction(ActionTypes.OpenUrl, value: "https://shop.example/p/rocket"));
        var activity = MessageFactory.Carousel(Enumerable.Repeat(card.ToAttachment(), 12).ToList());

        var requests = Send(activity);

        Assert.Equal(2, requests.Count);
        var payload = Message(requests[0])["attachment"]!["payload"]!;
        Assert.Equal("generic", payload.Value<string>("template_type"));
        var elements = (JArray)payload["elements"]!;
        Assert.Equal(10, elements.Count);
        Assert.Equal(2, ((JArray)Message(requests[1])["attachment"]!["payload"]!["elements"]!).Count);
        var element = elements[0]!;
        Assert.True(element.Value<string>("title")!.Length <= 80);
        Assert.EndsWith("…", element.Value<string>("title"));
        Assert.Equal("€34.99 · Ages 6-10", element.Value<string>("subtitle"));
        Assert.Equal("https://shop.example/rocket.jpg", element.Value<string>("image_url"));
        Assert.True(JToken.DeepEquals(JObject.Parse("""{"type":"web_url","url":"https://shop.example/p/rocket"}"""), element["default_action"]));
        Assert.True(JToken.DeepEquals(JArray.Parse("""
            [{"type":"web_url","url":"https://shop.example/p/rocket","title":"View product"},
             {"type":"postback","title":"Add to basket","payload":"ADD_TO_BASKET:rocket"},
             {"type":"postback","title":"More like this one…","payload":"MORE_LIKE_THIS:rocket"}]
            """), element["buttons"]));
    }

    [Fact]
    public void RendersASingleCardWithButtonsAndNoImage_AsButtonTemplate()
    {
        var card = new HeroCard("Need a hand?", text: "A person from our team can help.",
            buttons: [new CardAction(ActionTypes.PostBack, "Talk to a person", value: "TALK_TO_HUMAN"), new CardAction(ActionTypes.Call, "Call us", value: "tel:+35315550142")]);

        var payload = Message(Assert.Single(Send(MessageFactory.Attachment(card.ToAttachment()))))["attachment"]!["payload"]!;

        Assert.Equal("button", payload.Value<string>("template_type"));
        Assert.Equal("Need a hand?\nA person from our team can help.", payload.Value<string>("text"));
        Assert.Equal("phone_number", payload["buttons"]![1]!.Value<string>("type"));
        Assert.Equal("+35315550142", payload["buttons"]![1]!.Value<string>("payload"));
    }

    [Fact]
    public void SendsTextThenImageThenCards_WithQuickRepliesOnTheLastMessage_AndPersonaOnEach()
    {
        var activity = MessageFactory.Text("Here you go");
        activity.Attachments = [new Attachment("image/png", "https://shop.example/pic.png"), new HeroCard("Card", images: [new CardImage("https://shop.example/c.jpg")]).ToAttachment()];
        activity.SuggestedActions = new SuggestedActions { Actions = [new CardAction(ActionTypes.ImBack, "Cheaper", value: "CHEAPER")] };

        var requests = Send(activity, personaId: "persona-77");

        Assert.Equal(3, requests.Count);
        Assert.Equal("Here you go", Message(requests[0]).Value<string>("text"));
        Assert.True(JToken.DeepEquals(JObject.Parse("""{"type":"image","payload":{"url":"https://shop.example/pic.png","is_reusable":true}}"""), Message(requests[1])["attachment"]));
        Assert.Equal("template", Message(requests[2])["attachment"]!.Value<string>("type"));
        Assert.Null(Message(requests[0])["quick_replies"]);
        Assert.Equal("CHEAPER", Message(requests[2])["quick_replies"]![0]!.Value<string>("payload"));
        Assert.All(requests, r => Assert.Equal("persona-77", r.Value<string>("persona_id")));
    }

    [Fact]
    public void SendsTyping_AsSenderActionAlone()
    {
        var request = Assert.Single(Send(new Activity(ActivityTypes.Typing)));

        Assert.True(JToken.DeepEquals(JObject.Parse("""{"recipient":{"id":"PSID"},"sender_action":"typing_on"}"""), request));
    }

    [Fact]
    public void PassesRawMessengerMessageInChannelData_Through_WithRequestOverrides()
    {
        var activity = MessageFactory.Text("ignored when a raw message is given");
        activity.ChannelData = JObject.Parse("""{"message":{"attachment":{"type":"template","payload":{"template_type":"receipt","order_number":"12345"}}},"notification_type":"NO_PUSH","tag":"HUMAN_AGENT"}""");

        var request = Assert.Single(Send(activity));

        Assert.Equal("receipt", request["message"]!["attachment"]!["payload"]!.Value<string>("template_type"));
        Assert.Equal("NO_PUSH", request.Value<string>("notification_type"));
        Assert.Equal("HUMAN_AGENT", request.Value<string>("tag"));
        Assert.Equal("MESSAGE_TAG", request.Value<string>("messaging_type"));
    }
}

/// <summary>Bridges a plain ILogger to ILogger&lt;T&gt; for constructing the renderer in unit tests.</summary>
internal sealed class LoggerAdapter(ILogger inner) : ILogger<MessengerRenderer>
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);
    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        inner.Log(logLevel, eventId, state, exception, formatter);
}
