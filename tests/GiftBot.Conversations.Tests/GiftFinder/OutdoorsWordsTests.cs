using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.GiftFinder;

/// <summary>
/// "a gift for a 12 year old who's into bushcraft, 40" showed a retro console and a dice tower (found trying the bot):
/// by meaning alone "bushcraft" sat near Minecraft. Bushcraft, scouting, foraging and whittling are the outdoors
/// (content/catalog/themes.csv), and so is an "outdoorsy" child.
/// </summary>
[Collection(ConversationCollection.Name)]
public sealed class OutdoorsWordsTests(ConversationFixture fixture)
{
    [Theory]
    [InlineData("a gift for a 12 year old who's into bushcraft, 40")]
    [InlineData("my son is 10 and mad about scouting, under 30")]
    [InlineData("she's 13 and loves foraging and whittling, 35 max")]
    // "outdoorsy" was found by meaning only, and lost when the message also ruled something out.
    [InlineData("something outdoorsy for my 9 y/o nephew, he's not a reader at all so skip the books. 30")]
    public async Task OutdoorSkills_ShowTheOutdoors(string request)
    {
        var bot = new BotHarness(fixture);

        var shown = await bot.ShownAsync(await bot.Chat().SendAsync(request));

        Assert.NotEmpty(shown);
        Assert.All(shown, p => Assert.Contains("outdoors", p.Interests));
    }
}
