using GiftBot.Content;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.ProductQuestions;
using GiftBot.Tests.Hosting;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace GiftBot.Tests.Bot;

/// <summary>
/// A question about a product, one day's hours or the shopper's data gets the answer to what it asked, through
/// /api/messages of the real host with the sentence model on; a gift request stays a gift request.
/// </summary>
public sealed class ShopperQuestionsEndToEndTests(UnderstandingHost host) : IClassFixture<UnderstandingHost>
{
    private static IEnumerable<string?> Said(IEnumerable<Activity> replies) =>
        replies.SelectMany(r => new[] { r.Text }.Concat(r.Attachments?.Select(a => (a.Content as JObject)?.Value<string>("text")) ?? []));

    [Fact]
    public async Task AStockQuestion_GetsTheFact_AndTheProductsCard_NotTheGiftFinder()
    {
        var replies = await host.FirstReplyAsync("do you still have the space shuttle?");

        var shuttle = (await host.Catalog.GetAsync("GB-1045"))!;
        Assert.Contains(host.Line(ProductQuestionText.InStock, "product", shuttle.Title), Said(replies));
        Assert.Equal(["GB-1045"], (await host.ShownAsync(replies)).Select(p => p.Id));
        Assert.False(host.Said(replies, GiftFinderText.AskRecipient), string.Join(" | ", Said(replies)));
    }

    [Theory]
    [InlineData("do you sell the magnetic tiles starter set?", "GB-1034", ProductQuestionText.InStock)]
    [InlineData("whats the price on the cardboard rocket playhouse", "GB-1098", ProductQuestionText.Price)]
    public async Task AskingWhetherTheShopSellsAProduct_OrItsPrice_GetsTheFact_AndItsCard(string question, string productId, string fact)
    {
        var replies = await host.FirstReplyAsync(question);

        var product = (await host.Catalog.GetAsync(productId))!;
        var expected = host.Text.Get(fact, "en-US", new Dictionary<string, string?> { ["product"] = product.Title, ["price"] = "\u0001" }).Split('\u0001')[0];
        Assert.Contains(Said(replies), said => said?.StartsWith(expected, StringComparison.Ordinal) == true);
        Assert.Equal([productId], (await host.ShownAsync(replies)).Select(p => p.Id));
    }

    [Fact]
    public async Task AskingWhetherTheShopSellsSomethingItDoesNot_SaysSo()
    {
        var replies = await host.FirstReplyAsync("do you sell the hoverboard?");

        Assert.Contains(host.Line(ProductQuestionText.None, "name", "hoverboard"), Said(replies));
        Assert.Empty(await host.ShownAsync(replies));
    }

    [Theory]
    [InlineData("open")]
    [InlineData("hrs")]
    [InlineData("price")]
    public async Task ALoneShopWord_GetsTheShopsAnswerOrAQuestion_NeverAGiftSearch(string word)
    {
        var replies = await host.FirstReplyAsync(word);

        Assert.Empty(await host.ShownAsync(replies));
        Assert.False(host.Said(replies, GiftFinderText.AskRecipient) || host.Said(replies, GiftFinderText.AskBudget), string.Join(" | ", Said(replies)));
        Assert.Contains(Said(replies), said => !string.IsNullOrEmpty(said));
    }

    [Fact]
    public async Task AGiftRequestNamingAProduct_StaysAGiftRequest()
    {
        var replies = await host.FirstReplyAsync("something with a rocket for my son, 7");

        Assert.DoesNotContain(Said(replies), said => said?.StartsWith("Yes, the ", StringComparison.Ordinal) == true);
        Assert.All(await host.ShownAsync(replies), p => Assert.InRange(7, p.MinAge, p.MaxAge));
        Assert.True((await host.ShownAsync(replies)).Count > 0 || host.Said(replies, GiftFinderText.AskInterests) || host.Said(replies, GiftFinderText.AskBudget),
            string.Join(" | ", Said(replies)));
    }

    [Fact]
    public async Task AQuestionAboutAHoliday_GetsThatDaysHours()
    {
        var replies = await host.FirstReplyAsync("are you open on christmas eve?");

        var day = host.Text.Get("hours.day.holiday", "en-US", new Dictionary<string, string?> { ["name"] = "Christmas Eve", ["date"] = "December 24" });
        var expected = host.Text.Get("hours.day.open", "en-US", new Dictionary<string, string?> { ["day"] = day, ["hours"] = "9:00–13:00", ["zone_label"] = "Irish time" });
        Assert.Contains(expected, Said(replies));
    }

    [Fact]
    public async Task AHolidayByAnotherOfItsNames_GetsThatDaysHours_NotTheGiftFinder()
    {
        var replies = await host.FirstReplyAsync("open boxing day?");

        var day = host.Text.Get("hours.day.holiday", "en-US", new Dictionary<string, string?> { ["name"] = "St Stephen's Day", ["date"] = "December 26" });
        Assert.Contains(host.Text.Get("hours.day.closed", "en-US", new Dictionary<string, string?> { ["day"] = day }), Said(replies));
    }

    [Theory]
    [InlineData("can you forget me")]
    [InlineData("please remove all my personal data")]
    [InlineData("I'd like to see what info you have on me")]
    [InlineData("who can see my messages")]
    public async Task APrivacyQuestion_GetsThePrivacyAnswer_NotTheBasket(string question)
    {
        var replies = await host.FirstReplyAsync(question);

        var content = host.App.Services.GetRequiredService<BotContent>();
        var answer = content.Faq.Find("privacy")!.Answer!.Resolve(content.Text, "en-US", content.DefaultLocale);
        Assert.Contains(answer, Said(replies));
        Assert.False(host.Said(replies, "basket.empty"), string.Join(" | ", Said(replies)));
    }

    private EmulatorChat NewChat() => new(host.App.CreateClient(), host.Connector, "conv-" + Guid.NewGuid().ToString("N"));

    private static IReadOnlyList<string> QuickReplyValues(IEnumerable<Activity> replies) =>
        replies.LastOrDefault(r => r.SuggestedActions?.Actions?.Count > 0)?.SuggestedActions.Actions.Select(a => a.Value?.ToString() ?? "").ToList() ?? [];

    [Fact]
    public async Task MoreLikeACardNoneIsCalled_SaysSo_AndOffersTheCardsShown()
    {
        var chat = NewChat();
        var shown = await host.ShownAsync(await chat.SendAsync("gift for my 8 year old nephew who loves space, under 40"));
        Assert.DoesNotContain(shown, p => p.Title.Contains("pony", StringComparison.OrdinalIgnoreCase));

        var replies = await chat.SendAsync("more like the pony one");

        Assert.Contains(host.Line("main.notShown", "name", "pony"), Said(replies));
        Assert.Equal([.. shown.Select(p => $"MORE_LIKE_THIS:{p.Id}"), "FIND_GIFT"], QuickReplyValues(replies));
        Assert.False(host.SaidACorrection(replies), string.Join(" | ", Said(replies)));
    }

    [Fact]
    public async Task ALikeAfterTheCarousel_IsAcknowledged_NotAnotherGiftOffer()
    {
        var chat = NewChat();
        Assert.NotEmpty(await host.ShownAsync(await chat.SendAsync("gift for my 8 year old nephew who loves space, under 40")));

        var replies = await chat.SendAsync("👍");

        Assert.Contains(Said(replies), said => host.Text.GetVariants(RecommendText.Acknowledged, "en-US").Contains(said));
        Assert.Equal(["VIEW_BASKET", "SHOW_MORE", "CHEAPER", "DIFFERENT_INTERESTS"], QuickReplyValues(replies));
    }

    [Fact]
    public async Task AddTheFirstTelescope_AddsTheTelescope_NotTheFirstCard()
    {
        var chat = NewChat();
        await chat.SendAsync("gift for a 10 year old who loves space under 60");
        var shown = await host.ShownAsync(await chat.SendAsync("SHOW_MORE"));
        Assert.Contains(shown, p => p.Id == "GB-1047");
        Assert.NotEqual("GB-1047", shown[0].Id);

        var replies = await chat.SendAsync("add the first telescope");

        var added = host.Text.Get("basket.added", "en-US", new Dictionary<string, string?> { ["title"] = "\u0001" }).Split('\u0001')[0];
        Assert.Contains(Said(replies), said => said?.StartsWith(added + "First Telescope 50 mm", StringComparison.Ordinal) == true);
    }
}
