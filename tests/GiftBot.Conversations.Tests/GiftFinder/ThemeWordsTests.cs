using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.GiftFinder;

/// <summary>
/// Words shoppers use for what a child loves that were no theme word, and by meaning alone sat elsewhere (found trying
/// the bot or in the dev set): "a gift for a 12 year old who's into bushcraft, 40" showed a retro console and a dice tower
/// (near Minecraft); "my 9 year old niece who loves the recorder" a karaoke microphone, a head torch and a moon lamp (near
/// gadgets); "something outdoorsy ..." was lost once the message also ruled something out. They are synonyms of their
/// theme in content/catalog/themes.csv, and every product shown is of that theme.
/// </summary>
[Collection(ConversationCollection.Name)]
public sealed class ThemeWordsTests(ConversationFixture fixture)
{
    [Theory]
    [InlineData("a gift for a 12 year old who's into bushcraft, 40", "outdoors")]
    [InlineData("my son is 10 and mad about scouting, under 30", "outdoors")]
    [InlineData("she's 13 and loves foraging and whittling, 35 max", "outdoors")]
    [InlineData("something outdoorsy for my 9 y/o nephew, he's not a reader at all so skip the books. 30", "outdoors")]
    [InlineData("a gift for my 9 year old niece who loves the recorder, 30", "music")]
    [InlineData("nephew (11) is learning the violin, anything up to 35", "music")]
    [InlineData("she's 8 and has xylophone lessons, budget 30", "music")]
    [InlineData("my son is 10, he plays trumpet in the school band, under 40", "music")]
    public async Task AWordForTheTheme_ShowsThatTheme(string request, string theme)
    {
        var bot = new BotHarness(fixture);

        var shown = await bot.ShownAsync(await bot.Chat().SendAsync(request));

        Assert.NotEmpty(shown);
        Assert.All(shown, p => Assert.Contains(theme, p.Interests));
    }
}
