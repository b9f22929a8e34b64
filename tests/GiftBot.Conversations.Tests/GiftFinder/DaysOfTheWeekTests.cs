using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.GiftFinder;

/// <summary>
/// When the gift is needed is not who it is for: "by monday" was read as Mother's Day ("monday" is one edit from
/// "mom day"), which implied an adult and changed the products shown.
/// </summary>
[Collection(ConversationCollection.Name)]
public sealed class DaysOfTheWeekTests(ConversationFixture fixture)
{
    [Theory]
    [InlineData("something for a dinosaur fan, under 30", "something for a dinosaur fan, under 30, I need it by monday")]
    [InlineData("a gift for a space fan, max 25", "a gift for a space fan, max 25, needed before Monday")]
    public async Task ADayOfTheWeek_ChangesNothingShown(string request, string withADay)
    {
        var plain = await new BotHarness(fixture).Chat().SendAsync(request);
        var bot = new BotHarness(fixture);
        var dated = await bot.Chat().SendAsync(withADay);

        Assert.Equal(plain.Texts(), dated.Texts());
        Assert.Equal((await bot.ShownAsync(plain)).Select(p => p.Id), (await bot.ShownAsync(dated)).Select(p => p.Id));
    }
}
