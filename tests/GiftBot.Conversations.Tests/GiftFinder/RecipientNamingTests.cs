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
}
