using System.Net;
using System.Text.RegularExpressions;
using GiftBot.Catalog;
using GiftBot.Content;
using GiftBot.Conversations;
using GiftBot.Conversations.Basket;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Text;
using GiftBot.Testing.BotFramework;
using GiftBot.Tests.Hosting;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace GiftBot.Tests.Bot;

/// <summary>The carousel and checkout a Web Chat shopper sees on a fresh install (the bundled demo catalog), through the real host.</summary>
public sealed class ProductCardsEndToEndTests
{
    private static async Task<IReadOnlyList<HeroCard>> CarouselAsync(EmulatorChat chat)
    {
        await chat.JoinAsync();
        await chat.SendAsync("my nephew");
        await chat.SendAsync("8");
        await chat.SendAsync("space");
        var replies = await chat.SendAsync("under 50");
        var carousel = Assert.Single(replies, m => m.AttachmentLayout == AttachmentLayoutTypes.Carousel);
        return carousel.Attachments.Select(a => ((JObject)a.Content).ToObject<HeroCard>()!).ToList();
    }

    private static string ProductId(HeroCard card) =>
        card.Buttons.Select(b => b.Value as string).Single(v => v?.StartsWith(Payloads.AddToBasket + ":", StringComparison.Ordinal) == true)![(Payloads.AddToBasket.Length + 1)..];

    [Fact]
    public async Task CardsShowPricesInCents_TheProductsDescription_AndPicturesTheBotServes_ThenCheckoutSaysWhatsNext()
    {
        await using var connector = await BotConnectorStandIn.StartAsync();
        await using var app = new GiftBotApp();
        var client = app.CreateClient();
        var text = app.Services.GetRequiredService<IBotText>();
        var catalog = app.Services.GetRequiredService<IProductCatalog>();
        var chat = new EmulatorChat(client, connector, "conv-cards", channelId: "webchat");

        var cards = await CarouselAsync(chat);

        foreach (var card in cards)
        {
            var product = (await catalog.GetAsync(ProductId(card)))!;
            Assert.Matches(@"^€\d+\.\d{2}$", card.Subtitle);
            var firstWords = string.Join(' ', product.Description.Split(' ').Take(3));
            Assert.Contains(firstWords, card.Text);
            Assert.True(card.Subtitle.Length + 1 + card.Text.Length <= 80, $"'{card.Text}' does not fit Messenger's subtitle");
            var image = new Uri(Assert.Single(card.Images).Url);
            Assert.True(image.IsAbsoluteUri);
            var picture = await client.GetAsync(image.PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
            Assert.Equal("image/png", picture.Content.Headers.ContentType?.MediaType);
        }

        await chat.SendAsync($"{Payloads.AddToBasket}:{ProductId(cards[0])}");
        var checkout = await chat.SendAsync(Payloads.Checkout);

        var link = ((JObject)checkout.Single(r => r.Attachments?.Count > 0).Attachments[0].Content).ToObject<HeroCard>()!.Buttons.Single().Value as string;
        Assert.Equal("webchat", System.Web.HttpUtility.ParseQueryString(new Uri(link!).Query)["utm_source"]);
        var tokens = app.Services.GetRequiredService<BotTokens>().ForPage("en-US");
        Assert.Equal(text.Get(BasketText.AfterCheckout, "en-US", tokens), checkout[^1].Text);
        // "The link opens your basket on <the shop's website>": the shipped settings' checkout goes there, and so do the cards' links.
        var website = new Uri(tokens["website"]!);
        Assert.Equal(website.Host, new Uri(link!).Host);
        foreach (var card in cards) Assert.Equal(website.Host, new Uri((await catalog.GetAsync(ProductId(card)))!.Link).Host);
        Assert.Equal([Payloads.FindGift, Payloads.ViewBasket], checkout[^1].SuggestedActions.Actions.Select(a => a.Value as string));
    }

    [Fact]
    public async Task TypedBasketRequests_AddTheCardNamedByItsPlace_RemoveByName_AndEmptyOnlyAfterYes()
    {
        await using var connector = await BotConnectorStandIn.StartAsync();
        await using var app = new GiftBotApp();
        var text = app.Services.GetRequiredService<IBotText>();
        var tokens = app.Services.GetRequiredService<BotTokens>().ForPage("en-US");
        string Line(string key, Dictionary<string, string?>? values = null) => text.Get(key, "en-US", tokens.Merge(values ?? []));
        var chat = new EmulatorChat(app.CreateClient(), connector, "conv-typed-basket");
        var cards = await CarouselAsync(chat);

        var added = await chat.SendAsync("add the second one to my basket");
        Assert.Equal(Line(BasketText.Added, new() { ["title"] = cards[1].Title, ["count"] = Line(BasketText.CountOne) }), added[^1].Text);
        await chat.SendAsync("I'll take the first one");

        var title = cards[1].Title;
        var removed = await chat.SendAsync($"remove the {title.ToUpperInvariant()} please");
        Assert.Equal(Line(BasketText.Removed, new() { ["title"] = title, ["count"] = Line(BasketText.CountOne) }), removed[^1].Text);

        var asked = await chat.SendAsync("empty my basket");
        Assert.Equal([Payloads.EmptyBasket, Payloads.KeepBasket], asked[^1].SuggestedActions.Actions.Select(a => a.Value as string));
        var view = await chat.SendAsync(Payloads.ViewBasket);
        Assert.Equal([cards[0].Title], view.Single(m => m.AttachmentLayout == AttachmentLayoutTypes.Carousel).Attachments.Select(a => ((JObject)a.Content).ToObject<HeroCard>()!.Title));
        Assert.Equal(Line(BasketText.Emptied), (await chat.SendAsync(Payloads.EmptyBasket))[^1].Text);
        Assert.Equal(Line(BasketText.Empty), (await chat.SendAsync(Payloads.ViewBasket))[^1].Text);
    }

    [Theory]
    [InlineData("basket")]
    [InlineData("my basket")]
    [InlineData("cart")]
    [InlineData("my cart")]
    public async Task OneWordForTheBasket_AfterACarousel_ShowsTheBasket_NotASearch(string typed)
    {
        await using var connector = await BotConnectorStandIn.StartAsync();
        await using var app = new GiftBotApp();
        var chat = new EmulatorChat(app.CreateClient(), connector, "conv-basket-word");
        var cards = await CarouselAsync(chat);
        await chat.SendAsync($"{Payloads.AddToBasket}:{ProductId(cards[1])}");

        // The sentence model reads "basket" near basketball and "cart" near cars; the shopper means the basket.
        var view = await chat.SendAsync(typed);

        Assert.Equal([cards[1].Title], view.Single(m => m.AttachmentLayout == AttachmentLayoutTypes.Carousel).Attachments.Select(a => ((JObject)a.Content).ToObject<HeroCard>()!.Title));
        Assert.Equal([Payloads.Checkout], view[^1].SuggestedActions.Actions.Select(a => a.Value as string));
    }

    [Theory]
    [InlineData("msteams", "msteams")]
    [InlineData("directline", "webchat")]
    [InlineData("emulator", "emulator")]
    public async Task TheCheckoutLinkNamesTheShoppersChannel(string channelId, string utmSource)
    {
        await using var connector = await BotConnectorStandIn.StartAsync();
        await using var app = new GiftBotApp(new Dictionary<string, string?> { ["ClickTracking:PublicBaseUrl"] = "https://bot.example.com" });
        var chat = new EmulatorChat(app.CreateClient(), connector, "conv-utm-" + channelId, channelId: channelId);
        var cards = await CarouselAsync(chat);
        Assert.All(cards, card => Assert.StartsWith("https://bot.example.com/catalog/images/", Assert.Single(card.Images).Url));
        await chat.SendAsync($"{Payloads.AddToBasket}:{ProductId(cards[0])}");

        var checkout = await chat.SendAsync(Payloads.Checkout);
        var tracked = ((JObject)checkout.First(r => r.Attachments?.Count > 0).Attachments[0].Content).ToObject<HeroCard>()!.Buttons.Single().Value as string;
        var redirect = await app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .GetAsync(new Uri(tracked!).PathAndQuery);

        Assert.True(redirect.StatusCode == HttpStatusCode.Redirect, $"{tracked} -> {(int)redirect.StatusCode}");
        Assert.Equal(utmSource, System.Web.HttpUtility.ParseQueryString(redirect.Headers.Location!.Query)["utm_source"]);
    }
}
