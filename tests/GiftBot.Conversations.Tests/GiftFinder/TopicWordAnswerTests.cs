using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.GiftFinder;

/// <summary>A word that is both an interest and a shop topic, given at "What do they love?".</summary>
[Collection(ConversationCollection.Name)]
public sealed class TopicWordAnswerTests(ConversationFixture fixture)
{
    [Theory]
    [InlineData("cards")]
    [InlineData("Cards")]
    [InlineData("card games")]
    public async Task TopicWordAtTheInterestsQuestion_IsTheInterest_NotTheFaq(string answer)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync("my nephew");
        var replies = await chat.SendAsync("9");
        Assert.Equal(bot.Text(GiftFinderText.AskInterests, "recipient", "your nephew"), replies.Last().Text);

        replies = await chat.SendAsync(answer);

        Assert.Equal(bot.Text(GiftFinderText.AskBudget), replies.Last().Text);
        Assert.Single(replies);
    }

    [Theory]
    [InlineData("do you take cards?")]
    [InlineData("do you take cards")]
    [InlineData("cards?")]
    public async Task AClearQuestionAtTheInterestsQuestion_GetsTheFaq_ThenTheQuestionAgain(string question)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync("my nephew");
        await chat.SendAsync("9");

        var replies = await chat.SendAsync(question);

        Assert.True(replies.Count >= 2, ReplyAssertions.Describe(replies));
        Assert.NotEqual(bot.Text(GiftFinderText.AskBudget), replies.Last().Text);
        Assert.Contains(replies, r => r.Text == bot.Text(GiftFinderText.AskInterests, "recipient", "your nephew") || r.Text?.Contains("nephew") == true);
    }
}
