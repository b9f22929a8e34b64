using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.GiftFinder;

/// <summary>
/// "no colouring books, 6, art, 15", "10yo science nerd, no chemistry sets": one kind of thing ruled out inside a theme the
/// shopper loves (given alone between commas, as a form is filled in, or as "a science nerd") is ruled out as that kind.
/// Dev lines d5216-d5217 showed no art and no science at all: the whole loved theme had been ruled out.
/// </summary>
[Collection(ConversationCollection.Name)]
public sealed class KindInsideALovedThemeTests(ConversationFixture fixture)
{
    [Theory]
    [InlineData("no colouring books, 6, art, 15", "art", "colouring")]
    [InlineData("10yo science nerd, no chemistry sets please, 30", "science", "chemistry")]
    [InlineData("no microscopes, 10yo, science, 40", "science", "microscope")]
    public async Task AKindRuledOut_LeavesTheLovedThemeShown(string request, string loved, string ruledOut)
    {
        var bot = new BotHarness(fixture);

        var shown = await bot.ShownAsync(await bot.Chat().SendAsync(request));

        Assert.NotEmpty(shown);
        Assert.All(shown, p => Assert.Contains(loved, p.Interests));
        Assert.All(shown, p => Assert.False(GiftBot.Testing.ProductText.Names(p.Title + " " + p.Description, ruledOut), $"{p.Id} {p.Title}"));
    }
}
