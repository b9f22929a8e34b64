using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.GiftFinder;

/// <summary>
/// After a carousel for a 6 year old niece who loves animals, "a gift for a 12 year old who likes science, 30" was taken
/// as a correction ("Got it, I've updated that.", still "ideas for your niece", found trying the bot). A message that
/// restates a whole request (an age and what they love) is a new search and says so; "she's 12 actually" still corrects.
/// </summary>
[Collection(ConversationCollection.Name)]
public sealed class NewRequestAfterACarouselTests(ConversationFixture fixture)
{
    private const string First = "a gift for my 6 year old niece who loves animals, 25";

    [Theory]
    [InlineData("a gift for a 12 year old who likes science, 30", "science")]
    [InlineData("also need something for a 10 year old into space, under 40", "space")]
    [InlineData("what about a present for an 11yo who loves football, 20", "sports")]
    public async Task AWholeNewRequest_StartsANewSearch_AndSaysSo(string request, string theme)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync(First);

        var replies = await chat.SendAsync(request);

        Assert.False(bot.SaidACorrection(replies), ReplyAssertions.Describe(replies));
        Assert.Contains(bot.Text(GiftFinderText.NewSearch), replies.Texts());
        Assert.DoesNotContain(replies.Texts(), t => t.Contains("your niece", StringComparison.Ordinal));
        var shown = await bot.ShownAsync(replies);
        Assert.NotEmpty(shown);
        Assert.All(shown, p => Assert.Contains(theme, p.Interests));
    }

    [Theory]
    [InlineData("she's 12 actually")]
    [InlineData("sorry she's 12 not 6")]
    public async Task AnAgeAlone_StillCorrectsTheSearch(string correction)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync(First);

        var replies = await chat.SendAsync(correction);

        // Said back as understood: the age, not "updated that".
        Assert.Contains(bot.Text(GiftFinderText.CorrectedTo, "changes", bot.Text(GiftFinderText.CorrectedAge, "age", bot.Text(GiftFinderText.AgeYears, "age", "12"))), replies.Texts());
        Assert.DoesNotContain(bot.Text(GiftFinderText.NewSearch), replies.Texts());
        Assert.All(await bot.ShownAsync(replies), p => Assert.Contains("animals", p.Interests));
    }
}
