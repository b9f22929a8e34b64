using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.GiftFinder;

/// <summary>The bot names the recipient as the shopper did, not by the relationship it filed them under.</summary>
[Collection(ConversationCollection.Name)]
public sealed class RecipientNamingTests(ConversationFixture fixture)
{
    [Theory]
    [InlineData("a present for my sister in law, loves cooking, 50", "your sister-in-law")]
    [InlineData("gift for my Sister-In-Law, she loves cooking, max 50", "your sister-in-law")]
    [InlineData("a 12yo girl who likes drawing, up to 25", "the girl")]
    [InlineData("my goddaughter, 10, horses, under 35", "your goddaughter")]
    [InlineData("my stepson, 9, football, 30", "your stepson")]
    [InlineData("my nephew, 7, loves dinosaurs, 30 max", "your nephew")]
    // Someone else's relation is theirs, not the shopper's.
    [InlineData("my friend's daughter, 6, loves unicorns, 20", "your friend's daughter")]
    [InlineData("gift for her brother, 10, loves football, 30", "her brother")]
    [InlineData("for Sarah's little boy, he's 4, loves trucks, 25", "Sarah's little boy")]
    [InlineData("my best friend's son is 7 and into dinosaurs, max 30", "your best friend's son")]
    public async Task TheCarouselIntro_NamesTheRecipientAsTheShopperDid(string request, string named)
    {
        var bot = new BotHarness(fixture);

        var replies = await bot.Chat().SendAsync(request);

        Assert.Contains(bot.Text(RecommendText.Intro, "recipient", named), replies.Texts());
    }

    [Fact]
    public async Task TheQuestions_NameTheRecipientAsTheShopperDid()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();

        var replies = await chat.SendAsync("looking for something for my mother-in-law");

        Assert.Equal(bot.Text(GiftFinderText.AskInterests, "recipient", "your mother-in-law"), replies.Last().Text);
    }

    [Fact]
    public async Task TheQuestions_NameSomeoneElsesRelationAsTheirs()
    {
        var bot = new BotHarness(fixture);

        var replies = await bot.Chat().SendAsync("gift for my daughter's best friend, loves art");

        Assert.Equal(bot.Text(GiftFinderText.AskAge, "recipient", "your daughter's best friend"), replies.Last().Text);
    }

    [Fact]
    public async Task ASiblingAfterACarousel_IsNamedAsTheirs()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        Assert.True((await chat.SendAsync("gift for my nephew, 8, loves space, under 40")).HasCarousel());

        var replies = await chat.SendAsync("what about for his sister, she's 5");

        Assert.Equal(bot.Text(GiftFinderText.AskInterests, "recipient", "his sister"), replies.Last().Text);
    }
}
