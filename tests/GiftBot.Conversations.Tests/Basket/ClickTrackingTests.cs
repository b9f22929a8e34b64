using GiftBot.Conversations.ClickTracking;
using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Storage;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Conversations.Tests.Basket;

[Collection(ConversationCollection.Name)]
public sealed class ClickTrackingTests(ConversationFixture fixture)
{
    private static readonly Dictionary<string, string?> Tracking = new() { ["ClickTracking:PublicBaseUrl"] = "https://bot.example.com/" };

    [Fact]
    public async Task ViewAndCheckoutLinksGoThroughTheRedirect_WithAnOpaqueToken()
    {
        var bot = new BotHarness(fixture, settings: Tracking);
        var chat = bot.Chat(conversationId: "secret-psid-123");
        var cards = (await chat.SendAsync("I need something for my 8 year old nephew, he loves space, max 60 euros")).Carousel().HeroCards();

        var view = new Uri(cards[0].Buttons[0].Value.ToString()!);
        Assert.Equal($"https://bot.example.com/r/product/{cards[0].ProductId()}", view.GetLeftPart(UriPartial.Path));
        Assert.DoesNotContain("secret-psid-123", view.AbsoluteUri);
        var token = System.Web.HttpUtility.ParseQueryString(view.Query)["c"];
        Assert.True(ClickTokens.IsWellFormed(token));

        await chat.SendAsync($"ADD_TO_BASKET:{cards[0].ProductId()}");
        var checkout = ((await chat.SendAsync("CHECKOUT")).Single(r => r.Attachments?.Count > 0).Attachments.Single().Content as HeroCard)!.Buttons.Single().Value.ToString()!;
        Assert.StartsWith("https://bot.example.com/r/checkout?items=", checkout);
        Assert.Equal(token, System.Web.HttpUtility.ParseQueryString(new Uri(checkout).Query)["c"]);
        // With tracking on, the redirect counts the checkout click, not the chat.
        Assert.Empty(bot.Funnel.OfKind(FunnelEventKinds.CheckoutClicked));
    }

    [Fact]
    public async Task RedirectRecordsTheClickForTheConversation_AndTargetsOnlyCatalogLinks()
    {
        var bot = new BotHarness(fixture, settings: Tracking);
        var chat = bot.Chat(conversationId: "convo-clicks");
        var cards = (await chat.SendAsync("I need something for my 8 year old nephew, he loves space, max 60 euros")).Carousel().HeroCards();
        var productId = cards[0].ProductId();
        var token = System.Web.HttpUtility.ParseQueryString(new Uri(cards[0].Buttons[0].Value.ToString()!).Query)["c"];
        var redirects = bot.Services.GetRequiredService<ClickRedirects>();

        Assert.Equal((await bot.Catalog.GetAsync(productId))!.Link, await redirects.ProductTargetAsync(productId, token, default));
        var viewed = Assert.Single(bot.Funnel.OfKind(FunnelEventKinds.ProductViewed));
        Assert.Equal(("emulator", "convo-clicks", productId), (viewed.ChannelId, viewed.ConversationId, viewed.Properties["productId"]));

        Assert.Null(await redirects.ProductTargetAsync("https://evil.example.com", token, default));
        var target = await redirects.CheckoutTargetAsync($"{productId}:2,UNKNOWN:1", token, default);
        // The conversation's token rides on to the shop, which sends it back with the order for attribution.
        Assert.Equal($"https://www.littlewonders.example/cart/add?items={productId}%3A2&utm_source=emulator&utm_medium=chatbot&utm_campaign=giftbot&giftbot_token={token}", target);
        Assert.Null(await redirects.CheckoutTargetAsync("UNKNOWN:1", token, default));

        // A forwarded link without a known token still redirects and still counts, without a conversation.
        Assert.NotNull(await redirects.ProductTargetAsync(productId, "not-a-token", default));
        Assert.Contains(bot.Funnel.OfKind(FunnelEventKinds.ProductViewed), e => e.ConversationId == "unknown");
    }

    [Fact]
    public async Task LinksGoStraightToTheShop_WhenNoPublicBaseUrlIsConfigured()
    {
        var bot = new BotHarness(fixture);
        var cards = (await bot.Chat().SendAsync("I need something for my 8 year old nephew, he loves space, max 60 euros")).Carousel().HeroCards();
        Assert.Equal((await bot.Catalog.GetAsync(cards[0].ProductId()))!.Link, cards[0].Buttons[0].Value);
    }
}
