using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.GiftFinder;

/// <summary>
/// Found trying the bot: to "What's your budget?", "more like the first one" answered "I have nothing under €1 that
/// fits" (the ordinal "first" taken as a bare amount), and to "How old is your nephew?", "the second one" went on as an
/// age of 2. A card's place is no amount and no age: the question is asked again.
/// </summary>
[Collection(ConversationCollection.Name)]
public sealed class CardPlacesAtAQuestionTests(ConversationFixture fixture)
{
    [Theory]
    [InlineData("more like the first one")]
    [InlineData("add the second one")]
    [InlineData("the 3rd pls")]
    public async Task ACardsPlace_ToTheBudgetQuestion_IsNoBudget(string answer)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        Assert.Contains(bot.Text(GiftFinderText.AskBudget), (await chat.SendAsync("gift for a 3yo girl, animals, no books pls")).Texts());

        var replies = await chat.SendAsync(answer);

        Assert.False(replies.HasCarousel(), ReplyAssertions.Describe(replies));
        Assert.Equal(bot.Text(GiftFinderText.RetryBudget), replies.Last().Text);
    }

    [Theory]
    [InlineData("the first one")]
    [InlineData("add the second")]
    public async Task ACardsPlace_ToTheAgeQuestion_IsNoAge(string answer)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        Assert.Contains(bot.Text(GiftFinderText.AskAge, "recipient", "your nephew"), (await chat.SendAsync("my nephew loves trains")).Texts());

        var replies = await chat.SendAsync(answer);

        Assert.Equal(bot.Text(GiftFinderText.RetryAge), replies.Last().Text);
    }

    // Found trying the bot: after a carousel, "she already has the first one" answered "Got it: no one." and ruled out
    // every product whose details say "one", leaving a single card. A card pointed at is no thing owned.
    [Theory]
    [InlineData("she already has the first one")]
    [InlineData("he already got the 2nd one lol")]
    public async Task OwningACardPointedAt_RulesOutNoWord(string message)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync("gift for my niece 6 loves art under 20");

        var replies = await chat.SendAsync(message);

        Assert.False(bot.SaidACorrection(replies), ReplyAssertions.Describe(replies));
    }

    // Before: "Sorry, I didn't quite get that." The card is left out by name and other ideas of the same search follow.
    [Theory]
    [InlineData("she already has the first one", 0)]
    [InlineData("he already got the 2nd one lol", 1)]
    [InlineData("she has got the third one", 2)]
    public async Task OwningACardPointedAt_LeavesItOut_AndShowsOtherIdeas(string message, int place)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        var first = await bot.ShownAsync(await chat.SendAsync("gift for my niece 6 loves art under 20"));

        var replies = await chat.SendAsync(message);

        Assert.Equal(bot.Text(RecommendText.AlreadyOwned, "title", first[place].Title), replies[0].Text);
        var shown = await bot.ShownAsync(replies);
        Assert.NotEmpty(shown);
        Assert.DoesNotContain(shown, p => p.Id == first[place].Id);
        Assert.All(shown, p => Assert.True(p.Price <= 20m && p.MinAge <= 6 && p.MaxAge >= 6, p.Id));
    }
}
