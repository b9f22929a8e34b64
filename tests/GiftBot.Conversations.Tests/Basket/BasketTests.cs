using GiftBot.Conversations.Text;
using GiftBot.Conversations.Basket;
using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Storage;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.Tests.Basket;

[Collection(ConversationCollection.Name)]
public sealed class BasketTests(ConversationFixture fixture)
{
    private async Task<(BotHarness Bot, ChatSession Chat, IReadOnlyList<HeroCard> Cards)> WithCarouselAsync(IDictionary<string, string?>? settings = null)
    {
        var bot = new BotHarness(fixture, settings: settings);
        var chat = bot.Chat();
        var cards = (await chat.SendAsync("I need something for my 8 year old nephew, he loves space, max 60 euros")).Carousel().HeroCards();
        return (bot, chat, cards);
    }

    [Fact]
    public async Task AddFromAnOldCarousel_AfterTheCatalogDroppedTheProduct_SaysSo_AndOffersAWayOn()
    {
        var (bot, chat, _) = await WithCarouselAsync();

        var replies = await chat.SendAsync("ADD_TO_BASKET:GB-NO-LONGER-SOLD");

        Assert.Equal(bot.Text(BasketText.UnknownProduct), replies.Last().Text);
        Assert.Equal([Payloads.FindGift, Payloads.ViewBasket], replies.Last().QuickReplyValues());
    }

    [Fact]
    public async Task AddConfirmsTheItemAndCount_ViewListsItemsWithTotal_RemoveTakesOneOut()
    {
        var (bot, chat, cards) = await WithCarouselAsync();
        var first = (await bot.Catalog.GetAsync(cards[0].ProductId()))!;
        var second = (await bot.Catalog.GetAsync(cards[1].ProductId()))!;

        var added = await chat.SendAsync($"ADD_TO_BASKET:{first.Id}");
        Assert.Equal(bot.Text(BasketText.Added, new Dictionary<string, string?> { ["title"] = first.Title, ["count"] = bot.Text(BasketText.CountOne) }), added.Last().Text);
        Assert.Equal([Payloads.ViewBasket, Payloads.Checkout], added.Last().QuickReplyValues());
        await chat.SendAsync($"ADD_TO_BASKET:{second.Id}");
        added = await chat.SendAsync($"ADD_TO_BASKET:{second.Id}");
        Assert.Equal(bot.Text(BasketText.Added, new Dictionary<string, string?> { ["title"] = second.Title, ["count"] = bot.Text(BasketText.CountMany, "count", "3") }), added.Last().Text);

        var view = await chat.SendAsync("VIEW_BASKET");
        var lines = view.Carousel().HeroCards();
        Assert.Equal([first.Title, second.Title], lines.Select(l => l.Title));
        Assert.Equal([$"REMOVE_FROM_BASKET:{first.Id}", $"REMOVE_FROM_BASKET:{second.Id}"], lines.Select(l => l.Buttons.Single().Value.ToString()));
        var total = $"€{first.Price + 2 * second.Price:0.00}";
        Assert.Equal(bot.Text(BasketText.Summary, new Dictionary<string, string?> { ["count"] = "3 items", ["total"] = total }), view.Last().Text);
        Assert.Equal([Payloads.Checkout], view.Last().QuickReplyValues());

        var removed = await chat.SendAsync($"REMOVE_FROM_BASKET:{second.Id}");
        Assert.Equal(bot.Text(BasketText.Removed, new Dictionary<string, string?> { ["title"] = second.Title, ["count"] = "1 item" }), removed.Last().Text);
        Assert.Equal(bot.Text(BasketText.NotInBasket), (await chat.SendAsync($"REMOVE_FROM_BASKET:{second.Id}")).Last().Text);
        Assert.Single((await chat.SendAsync("VIEW_BASKET")).Carousel().HeroCards());
        Assert.Single(bot.Funnel.OfKind(FunnelEventKinds.AddedToBasket), e => e.Properties["productId"] == first.Id);
    }

    [Fact]
    public async Task CheckoutLinkCarriesProductIdsAndUtmParameters_UrlEncoded()
    {
        var (bot, chat, cards) = await WithCarouselAsync(new Dictionary<string, string?> { ["Checkout:UtmCampaign"] = "xmas gifts&more" });
        await chat.SendAsync($"ADD_TO_BASKET:{cards[0].ProductId()}");
        await chat.SendAsync($"ADD_TO_BASKET:{cards[2].ProductId()}");
        await chat.SendAsync($"ADD_TO_BASKET:{cards[2].ProductId()}");

        var replies = await chat.SendAsync("CHECKOUT");

        var card = replies.Single(r => r.Attachments?.Count > 0).Attachments.Single().Content as HeroCard;
        // After the link: what happens next, and a way back to shopping.
        Assert.Equal(bot.Text(BasketText.AfterCheckout), replies.Last().Text);
        Assert.Equal([Payloads.FindGift, Payloads.ViewBasket], replies.Last().QuickReplyValues());
        var button = Assert.Single(card!.Buttons);
        Assert.Equal(ActionTypes.OpenUrl, button.Type);
        var url = new Uri(button.Value.ToString()!);
        Assert.Equal("https://www.littlewonders.example/cart/add", url.GetLeftPart(UriPartial.Path));
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        Assert.Equal($"{cards[0].ProductId()}:1,{cards[2].ProductId()}:2", query["items"]);
        Assert.Equal("emulator", query["utm_source"]);
        Assert.Equal("chatbot", query["utm_medium"]);
        Assert.Equal("xmas gifts&more", query["utm_campaign"]);
        Assert.Contains("xmas%20gifts%26more", url.AbsoluteUri);
        Assert.Contains("%3A", url.AbsoluteUri);
        var checkout = Assert.Single(bot.Funnel.OfKind(FunnelEventKinds.CheckoutClicked));
        Assert.Equal("3", checkout.Properties["itemCount"]);
    }

    [Fact]
    public async Task CheckoutSaysTheBasketIsEmpty_WhenItIs()
    {
        var bot = new BotHarness(fixture);
        var replies = await bot.Chat().SendAsync("CHECKOUT");
        Assert.Equal(bot.Text(BasketText.CheckoutEmpty), replies.Last().Text);
        Assert.Equal([Payloads.FindGift], replies.Last().QuickReplyValues());
    }

    [Fact]
    public async Task AddingAnUnknownProduct_SaysItCannotBeFound()
    {
        var bot = new BotHarness(fixture);
        var replies = await bot.Chat().SendAsync("ADD_TO_BASKET:NOPE-1");
        Assert.Equal(bot.Text(BasketText.UnknownProduct), replies.Last().Text);
        Assert.Empty(bot.Funnel.OfKind(FunnelEventKinds.AddedToBasket));
    }

    [Fact]
    public async Task BasketSurvivesARestart_OfTheBot()
    {
        var (bot, chat, cards) = await WithCarouselAsync();
        await chat.SendAsync($"ADD_TO_BASKET:{cards[0].ProductId()}");

        var restarted = new BotHarness(fixture, storage: bot.Storage);
        var view = await restarted.Chat(conversationId: "convo-2").SendAsync("VIEW_BASKET");
        Assert.Equal(cards[0].ProductId(), view.Carousel().HeroCards().Single().Buttons[0].Value.ToString()!.Split(':')[1]);
    }
}
