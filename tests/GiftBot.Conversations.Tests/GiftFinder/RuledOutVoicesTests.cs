using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.GiftFinder;

/// <summary>
/// One-sentence requests that rule things out the ways dev batch d3241-d3490 found misread (idioms of excess, outgrown
/// and disliked things, sarcasm, comparisons, marked lists, kinds the catalog names otherwise): through the shipped
/// recognizer, dialogs and catalog, no product in the first carousel is one the shopper ruled out.
/// </summary>
[Collection(ConversationCollection.Name)]
public sealed class RuledOutVoicesTests(ConversationFixture fixture)
{
    [Theory]
    [InlineData("my godson has more lego than the lego store, he's 8, into robots, 35", "building")]
    [InlineData("his bedroom is basically a dinosaur museum, 6, into space, 25", "dinosaurs")]
    [InlineData("she's soooo over unicorns, 8, loves science, 25", "fairy-tales")]
    [InlineData("my 9yo thinks puzzles are for babies, likes trains, 25", "puzzles")]
    [InlineData("he doesn't get on with puzzles, 6, into trains, 20", "puzzles")]
    [InlineData("the last thing she needs is another book, 9, into space, 25", "reading")]
    [InlineData("if I see one more board game I'll scream, son 10, likes science, 35", "gaming")]
    [InlineData("books are off the table, 10yo, loves football, 25", "reading")]
    [InlineData("~~puzzles~~ 7yo, into cars, 20", "puzzles")]
    [InlineData("books 👎 dinos 👍 he's 8, 25", "reading")]
    public async Task NeverShowsAThemeTheShopperRuledOut(string request, string theme)
    {
        var bot = new BotHarness(fixture);
        var replies = await bot.Chat().SendAsync(request);

        var shown = await bot.ShownAsync(replies);
        Assert.NotEmpty(shown);
        Assert.All(shown, p => Assert.DoesNotContain(theme, p.Interests));
    }

    [Theory]
    [InlineData("no fluffy toys, 1yo, loves animals, 20", "plush")]
    [InlineData("niece (6): animals yes, teddies no, 20", "plush")]
    [InlineData("she's grown out of baby toys and teddies, 6, loves animals, 20", "plush")]
    [InlineData("one more teddy and I'll scream, 2yo, loves animals, 15", "comforter")]
    public async Task NeverShowsAKindOfThingTheShopperRuledOut(string request, string word)
    {
        var bot = new BotHarness(fixture);
        var replies = await bot.Chat().SendAsync(request);

        var shown = await bot.ShownAsync(replies);
        Assert.NotEmpty(shown);
        Assert.All(shown, p => Assert.DoesNotContain(word, p.Title + " " + p.Description, StringComparison.OrdinalIgnoreCase));
    }
}
