using GiftBot.WebConsole.Figures;
using GiftBot.WebConsole.Inbox;
using GiftBot.WebConsole.Transcripts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.WebConsole.Tests;

/// <summary>The thread shows what the shopper saw: cards as cards, tapped buttons by their label; and spend imports read Ads Manager's columns.</summary>
public sealed class MessageViewTests
{
    [Fact]
    public void Carousel_ShowsTitlesImagesAndButtonLabels_AndATappedButtonShowsItsLabelNotItsPayload()
    {
        var carousel = MessageFactory.Carousel([
            new HeroCard("Rocket Kit", "29.99 EUR", images: [new CardImage("https://shop.example/rocket.jpg")],
                buttons: [new CardAction(ActionTypes.PostBack, "Add to basket", value: "ADD_TO_BASKET:GB-1049")]).ToAttachment(),
            new HeroCard("Star Map", "19.00 EUR", buttons: [new CardAction(ActionTypes.PostBack, "Add to basket", value: "ADD_TO_BASKET:GB-2000")]).ToAttachment(),
        ]);
        var tap = MessageFactory.Text("ADD_TO_BASKET:GB-1049");
        var html = MessageView.Thread([Entry(1, false, carousel), Entry(2, true, tap)]);

        Assert.Contains("Rocket Kit", html);
        Assert.Contains("https://shop.example/rocket.jpg", html);
        Assert.Contains("aria-label=\"Carousel\"", html);
        Assert.Contains("Add to basket", html);
        Assert.DoesNotContain("ADD_TO_BASKET", html);
    }

    [Fact]
    public void AnFaqAnswerCard_ShowsItsTextWithItsButtons_AsAHeroCardOrAsMessengersButtonTemplate()
    {
        var answer = "You'll find the tracking link in your shipping confirmation email.";
        var hero = MessageFactory.Attachment(new HeroCard(text: answer, buttons: [new CardAction(ActionTypes.OpenUrl, "Track my order", value: "https://shop.example/orders")]).ToAttachment());
        var template = MessageFactory.Text(null);
        template.ChannelData = Newtonsoft.Json.Linq.JObject.Parse("""
            { "attachment": { "type": "template", "payload": { "template_type": "button", "text": "We ship to France in 3-5 days.",
              "buttons": [ { "type": "postback", "title": "Talk to a person", "payload": "TALK_TO_HUMAN" } ] } } }
            """);

        var html = MessageView.Thread([Entry(1, false, hero), Entry(2, false, template)]);

        Assert.Contains("You&#x27;ll find the tracking link in your shipping confirmation email.", html);
        Assert.Contains("Track my order", html);
        Assert.Contains("We ship to France in 3-5 days.", html);
        Assert.Contains("Talk to a person", html);
        Assert.DoesNotContain("<div class=\"title\"></div>", html);
    }

    [Fact]
    public void ShopperText_IsEncoded()
    {
        var html = MessageView.Thread([Entry(1, true, MessageFactory.Text("<script>alert(1)</script>"))]);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void AdsManagerExport_IsReadByColumnName_AndBadRowsAreReportedByLine()
    {
        var (rows, errors) = SpendImport.Read("Campaign name,Ad ID,Day,Amount spent (EUR)\nWinter,AD-1,2026-12-01,12.50\nWinter,AD-2,yesterday,3\n\"Spring, early\",AD-3,2026-12-02,4\n");
        Assert.Equal([("AD-1", 12.50m, "Winter"), ("AD-3", 4m, "Spring, early")], rows.Select(r => (r.AdId, r.Spend, r.Campaign!)).ToArray());
        Assert.Equal("Line 3: \"yesterday\" is not a date.", Assert.Single(errors));
    }

    private static TranscriptEntry Entry(long id, bool inbound, IActivity activity) =>
        new(id, "webchat", "u", inbound, TranscriptRoutes.BotFramework, DateTimeOffset.UtcNow, (Activity)activity);
}
