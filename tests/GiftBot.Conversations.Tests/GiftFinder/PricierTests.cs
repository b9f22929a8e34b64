using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.GiftFinder;

/// <summary>
/// "Something more expensive" after a carousel. Found trying the bot: it was read as "cheaper" ("OK, here are ideas under
/// €8"), "anything bigger?" became the gardening interest, and "something less girly" ruled out sports.
/// </summary>
[Collection(ConversationCollection.Name)]
public sealed class PricierTests(ConversationFixture fixture)
{
    private const string Request = "gift for my niece, 7, loves art and animals, under 30";

    [Theory]
    [InlineData("something more expensive")]
    [InlineData("anything bigger?")]
    [InlineData("got anything a bit fancier")]
    public async Task ShowsOnlyDearerProducts_WithinTheBudget(string ask)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        var first = await bot.ShownAsync(await chat.SendAsync(Request));
        var dearest = first.Max(p => p.Price);

        var replies = await chat.SendAsync(ask);

        Assert.Contains(bot.Text(RecommendText.IntroPricier), replies.Texts());
        var shown = await bot.ShownAsync(replies);
        Assert.NotEmpty(shown);
        Assert.All(shown, p => Assert.InRange(p.Price, dearest + 0.01m, 30m));
        // Still what she loves, not what "bigger" or "fancier" might mean.
        Assert.All(shown, p => Assert.True(p.Interests.Contains("art") || p.Interests.Contains("animals"), $"{p.Title}: {string.Join(", ", p.Interests)}"));
    }

    [Fact]
    public async Task AfterCheaper_GoesBackUpToTheBudgetTheShopperGave()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync(Request);
        var cheaper = await bot.ShownAsync(await chat.SendAsync("cheaper"));

        var replies = await chat.SendAsync("hmm actually something more expensive");

        // Found trying the bot: "Those are the dearest ideas I have within your budget", the €8 "cheaper" had set.
        Assert.Contains(bot.Text(RecommendText.IntroPricier), replies.Texts());
        Assert.All(await bot.ShownAsync(replies), p => Assert.InRange(p.Price, cheaper.Max(c => c.Price) + 0.01m, 30m));
    }

    [Fact]
    public async Task AtTheTopOfTheBudget_SaysSo_AndOffersAHigherOne()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync(Request);
        IReadOnlyList<Microsoft.Bot.Schema.Activity> replies = [];
        for (var ask = 0; ask < 10 && !replies.Texts().Contains(bot.Text(RecommendText.NothingPricier)); ask++)
            replies = await chat.SendAsync("something more expensive");

        Assert.Equal(bot.Text(RecommendText.NothingPricier), replies.Last().Text);
        Assert.Equal("Up to €45", replies.Last().QuickReplies()[0].Title);

        replies = await chat.SendAsync("Up to €45");
        Assert.All(await bot.ShownAsync(replies), p => Assert.True(p.Price <= 45m));
        Assert.Contains(await bot.ShownAsync(replies), p => p.Price > 30m);
    }

    [Fact]
    public async Task WithNoBudget_SaysTheDearestAreShown_WithNoHigherBudgetOffered()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        Assert.True((await chat.SendAsync("gift for my niece, 7, loves art and animals, no budget")).HasCarousel());
        IReadOnlyList<Microsoft.Bot.Schema.Activity> replies = [];
        for (var ask = 0; ask < 20 && !replies.Texts().Contains(bot.Text(RecommendText.NothingPricierAtAll)); ask++)
            replies = await chat.SendAsync("something more expensive");

        Assert.Equal(bot.Text(RecommendText.NothingPricierAtAll), replies.Last().Text);
        Assert.DoesNotContain(replies.Last().QuickReplies(), q => q.Title.StartsWith("Up to", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("something less girly")]
    [InlineData("less babyish please")]
    [InlineData("something more grown up")]
    public async Task AskingForAnotherStyle_ShowsOtherIdeas_AndKeepsTheSearch(string ask)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync(Request);

        var replies = await chat.SendAsync(ask);

        // Not a lower budget, nothing ruled out by what a word might mean, not a search for a grown-up.
        Assert.Contains(bot.Text(RecommendText.IntroMore), replies.Texts());
        Assert.All(await bot.ShownAsync(replies), p => Assert.True(p.Price <= 30m && p.MinAge <= 7 && p.MaxAge >= 7, $"{p.Title} {p.Price} {p.MinAge}-{p.MaxAge}"));
    }
}
