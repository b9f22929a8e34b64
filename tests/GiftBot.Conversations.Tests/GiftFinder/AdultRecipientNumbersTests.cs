using GiftBot.Catalog;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Tests.Infrastructure;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.Tests.GiftFinder;

/// <summary>
/// Dev batch d3012-d3240: numbers beside an adult recipient that say how long or which time ("1st anniversary",
/// "dating 1 year", "8 months pregnant", "2 months now", "his 1st grandson") were read as a baby's age, and since babies
/// skip the interests question the shopper was shown baby products at once. Through the shipped bot: no product for
/// under-18s reaches an adult recipient, and things crossed off a list stay off.
/// </summary>
[Collection(ConversationCollection.Name)]
public sealed class AdultRecipientNumbersTests(ConversationFixture fixture)
{
    [Theory]
    [InlineData("paper anniversary (1 yr) for the hubby, he loves jigsaws, €30")]
    [InlineData("been dating 1 year, gf loves candles and bubble baths, 35")]
    [InlineData("my wife 1st mothers day, she loves puzzles, 35 max")]
    [InlineData("grandmother in a care home 2 months now, likes puzzles, 20")]
    [InlineData("gift for my pregnant wife (6 months), she likes reading, 30")]
    [InlineData("new grandad - his 1st grandson arrived on monday - he loves trains, 40")]
    [InlineData("gift for the new mum - baby is 2 months - something for her to relax, 40")]
    [InlineData("1st anniversary gift for my wife, 40, she's a big reader, budget 60")]
    public async Task AnAdultRecipient_IsNeverShownProductsForChildren(string request)
    {
        var bot = new BotHarness(fixture);
        var replies = await bot.Chat().SendAsync(request);

        var shown = await bot.ShownAsync(replies);
        Assert.NotEmpty(shown);
        Assert.All(shown, p => Assert.True(p.MaxAge >= 18, $"{p.Id} ({p.MinAge}-{p.MaxAge}) shown for {request}"));
    }

    [Fact]
    public async Task AnotherPersonsNewBaby_IsNotTheRecipient_SoNoBabyProducts_AndTheAgeIsAsked()
    {
        var bot = new BotHarness(fixture);
        var replies = await bot.Chat().SendAsync("gift for my sister who just had her 1st baby, she loves reading, 30");

        Assert.Empty(await bot.ShownAsync(replies));
        Assert.Contains(replies.Texts(), t => t.StartsWith(bot.Text(GiftFinderText.AskAge, "recipient", "\u0001").Split('\u0001')[0], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("niece 8 - likes art ✔ crafts ✔ books ✖ - 25", "reading")]
    [InlineData("books x games x, 10 yr old boy who loves outdoors, 30", "gaming")]
    [InlineData("books x games x, 10 yr old boy who loves outdoors, 30", "reading")]
    [InlineData("ditch the lego ideas, 9yo has a mountain of it, he loves space, 30", "building")]
    [InlineData("grandkid, 8, already drowning in books, into science, 25", "reading")]
    public async Task AThingCrossedOff_IsNeverShown(string request, string theme)
    {
        var bot = new BotHarness(fixture);
        var replies = await bot.Chat().SendAsync(request);

        var shown = await bot.ShownAsync(replies);
        Assert.NotEmpty(shown);
        Assert.All(shown, p => Assert.DoesNotContain(theme, p.Interests));
    }
}
