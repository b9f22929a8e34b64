using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.GiftFinder;

/// <summary>
/// Dev batch d3500-d3712 (issue 9): ages as a shop assistant reads them. A child's occasion (a baby shower, a
/// christening, a communion) says whose gift it is, and a number its band cannot hold is the budget; a gift said to be
/// for the parent at a baby shower is for an adult; a rough age, a number said of the people named, and a school year
/// being started are ages, so the first reply is a carousel that fits them, not "How old...?".
/// </summary>
[Collection(ConversationCollection.Name)]
public sealed class AgesAsReadTests(ConversationFixture fixture)
{
    [Theory]
    [InlineData("going to a baby shower for my coworker, 30", 30)]
    [InlineData("baby shower present for my cousin, 45, theyre doing a woodland animals theme", 45)]
    [InlineData("my niece is getting christened, id spend 40", 40)]
    [InlineData("baptism 40", 40)]
    public async Task AChildsOccasion_ShowsBabyProducts_WithinTheNumberAsTheBudget(string request, int ceiling)
    {
        var bot = new BotHarness(fixture);
        var replies = await bot.Chat().SendAsync(request);

        var shown = await bot.ShownAsync(replies);
        Assert.NotEmpty(shown);
        Assert.All(shown, p => Assert.True(p.MinAge <= 1 && p.Price <= ceiling, $"{p.Id} ({p.MinAge}-{p.MaxAge}, {p.Price}) shown for {request}"));
    }

    [Theory]
    [InlineData("friend's 1st baby shower but the gift is for her, 30, she loves yoga")]
    [InlineData("baby shower for my sister but i want to get her something for herself, 40, she likes candles")]
    public async Task AGiftForTheParentAtABabyShower_IsNeverBabyProducts(string request)
    {
        var bot = new BotHarness(fixture);
        var replies = await bot.Chat().SendAsync(request);

        var shown = await bot.ShownAsync(replies);
        Assert.NotEmpty(shown);
        Assert.All(shown, p => Assert.True(p.MaxAge >= 18, $"{p.Id} ({p.MinAge}-{p.MaxAge}) shown for {request}"));
    }

    [Theory]
    [InlineData("niece, 7ish, loves drawing, 15", 7, 7)]
    [InlineData("9-10ish boy who loves football, 25", 9, 10)]
    [InlineData("twins - 8 - love science - 30 each", 8, 8)]
    [InlineData("boy, 11-12, into science, 35", 11, 12)]
    [InlineData("my godson, prob 6 or 7 now, loves lego, 25", 6, 7)]
    [InlineData("my son is going into year 7, loves gaming, 30", 11, 12)]
    [InlineData("my grandson starts reception in september, he loves trains, 20", 4, 5)]
    public async Task AnAgeWrittenAsShoppersWriteIt_IsNotAskedAgain_AndEveryProductFitsIt(string request, int min, int max)
    {
        var bot = new BotHarness(fixture);
        var replies = await bot.Chat().SendAsync(request);

        var shown = await bot.ShownAsync(replies);
        Assert.NotEmpty(shown);
        Assert.DoesNotContain(replies.Texts(), t => t.StartsWith("How old", StringComparison.Ordinal));
        Assert.All(shown, p => Assert.True(p.MinAge <= min && p.MaxAge >= max, $"{p.Id} ({p.MinAge}-{p.MaxAge}) shown for {request}"));
    }

    [Fact]
    public async Task OneOfTwoChildrensAges_IsNotReadAsOneYearOld()
    {
        var bot = new BotHarness(fixture);
        var replies = await bot.Chat().SendAsync("two grandsons, one is 4 and loves trains, the other is 9 and loves science, 30 each");

        var shown = await bot.ShownAsync(replies);
        Assert.NotEmpty(shown);
        Assert.True(shown.All(p => p.MinAge <= 4 && p.MaxAge >= 4) || shown.All(p => p.MinAge <= 9 && p.MaxAge >= 9),
            string.Join(", ", shown.Select(p => $"{p.Id} ({p.MinAge}-{p.MaxAge})")));
    }
}
