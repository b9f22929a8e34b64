using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.GiftFinder;

/// <summary>
/// Ruling out that dev lines d5202-d5225 found the bot missing (each showed what the shopper had ruled out): a verdict
/// written after the thing ("lego excluded", "books r out", "reading not so much", "books leave her cold", "a bit boring
/// for him", "(lego's a no)"), "bar" after a comma, "banning", and soft toys by brand or owned ("no jellycats", "enough
/// teddies already"). The same words that rule nothing out ("out and about", "bar none") still show what is loved.
/// </summary>
[Collection(ConversationCollection.Name)]
public sealed class VerdictsAfterTheThingTests(ConversationFixture fixture)
{
    [Theory]
    [InlineData("lego excluded obviously, he's 8 and mad about space, 25", "building")]
    [InlineData("Books excluded - nephew is 9, loves football, 20", "reading")]
    [InlineData("8yo, space, 25 (lego's a no)", "building")]
    [InlineData("my lad is 10, into robots, 40 euro, books r out", "reading")]
    [InlineData("granddaughter 8 likes animals, 25, books out, puzzles out", "puzzles")]
    [InlineData("he likes dinosaurs, reading not so much, 7, 20", "reading")]
    [InlineData("books leave her cold, 11yo, loves drawing, 25", "reading")]
    [InlineData("puzzles are a bit boring for him, 9yo, into cars, 20", "puzzles")]
    [InlineData("space things, bar lego, 8yo, 25", "building")]
    [InlineData("we're banning screens this year!! son is 10, robots, 40", "tech")]
    // Dev d5149: a general word ("gear") between the thing and the comma before a texted no.
    [InlineData("daughter 11 likes crafts but camping gear, nah 40", "outdoors")]
    public async Task AVerdictAfterTheThing_RulesItsThemeOut(string request, string ruledOut)
    {
        var bot = new BotHarness(fixture);

        var shown = await bot.ShownAsync(await bot.Chat().SendAsync(request));

        Assert.NotEmpty(shown);
        Assert.All(shown, p => Assert.DoesNotContain(ruledOut, p.Interests));
    }

    [Theory]
    [InlineData("girl 6 likes animals, 20, enough teddies already")]
    [InlineData("no jellycats, she has a shelf of them. 4yo, animals, 20")]
    public async Task SoftToysByBrandOrOwned_AreNotShown(string request)
    {
        var bot = new BotHarness(fixture);

        var shown = await bot.ShownAsync(await bot.Chat().SendAsync(request));

        Assert.NotEmpty(shown);
        Assert.All(shown, p => Assert.False(GiftBot.Testing.ProductText.Names(p.Title + " " + p.Description, "plush"), $"{p.Id} {p.Title}"));
    }

    [Theory]
    [InlineData("she's out and about all day, loves the outdoors, 9, 25", "outdoors")]
    [InlineData("out of ideas! 8yo loves dinosaurs, 20", "dinosaurs")]
    [InlineData("he's a bit of a bookworm, 9, 20", "reading")]
    [InlineData("she's the best reader in her class bar none, 10, books, 20", "reading")]
    [InlineData("lego never leaves him cold, 8yo, 30", "building")]
    [InlineData("he loves camping gear, nah not lego, 9, 30", "outdoors")]
    public async Task TheSameWordsRulingNothingOut_ShowWhatIsLoved(string request, string loved)
    {
        var bot = new BotHarness(fixture);

        var shown = await bot.ShownAsync(await bot.Chat().SendAsync(request));

        Assert.NotEmpty(shown);
        Assert.All(shown, p => Assert.Contains(loved, p.Interests));
    }
}
