using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.GiftFinder;

/// <summary>
/// "a gift for my 9 year old niece who loves the recorder, 30" showed a karaoke microphone, a head torch and a moon lamp
/// (found trying the bot): the instrument a child plays was no music word, and by meaning "recorder" sat near gadgets.
/// Instruments are music (content/catalog/themes.csv).
/// </summary>
[Collection(ConversationCollection.Name)]
public sealed class InstrumentWordsTests(ConversationFixture fixture)
{
    [Theory]
    [InlineData("a gift for my 9 year old niece who loves the recorder, 30")]
    [InlineData("nephew (11) is learning the violin, anything up to 35")]
    [InlineData("she's 8 and has xylophone lessons, budget 30")]
    [InlineData("my son is 10, he plays trumpet in the school band, under 40")]
    public async Task AnInstrumentThePersonPlays_ShowsMusic(string request)
    {
        var bot = new BotHarness(fixture);

        var shown = await bot.ShownAsync(await bot.Chat().SendAsync(request));

        Assert.NotEmpty(shown);
        Assert.All(shown, p => Assert.Contains("music", p.Interests));
    }
}
