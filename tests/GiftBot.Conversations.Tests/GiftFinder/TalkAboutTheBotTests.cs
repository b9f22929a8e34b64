using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.GiftFinder;

/// <summary>
/// Inside the gift finder "you're a great bot" became the robots interest and "this is a load of rubbish" games and sports
/// (found trying the bot). Praise or annoyance is about the bot, not what the recipient loves: the question waiting is
/// asked again and nothing is filled from it.
/// </summary>
[Collection(ConversationCollection.Name)]
public sealed class TalkAboutTheBotTests(ConversationFixture fixture)
{
    [Theory]
    [InlineData("you're a great bot")]
    [InlineData("great bot")]
    [InlineData("this is a load of rubbish")]
    [InlineData("it's a waste of time")]
    [InlineData("what a clever little bot")]
    public async Task AtTheInterestsQuestion_PraiseOrAnnoyance_IsNoInterest(string text)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync("a gift for my 9 year old niece, 30");

        var replies = await chat.SendAsync(text);

        Assert.False(replies.HasCarousel(), ReplyAssertions.Describe(replies));
        Assert.Equal(bot.Text(GiftFinderText.AskInterests, "recipient", "your niece"), replies.Last().Text);
    }

    [Theory]
    [InlineData("great bot")]
    [InlineData("you're a star bot")]
    public async Task AtTheAgeQuestion_Praise_IsNotNotedAsAnInterest(string text)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync("a gift for my nephew");

        var replies = await chat.SendAsync(text);

        Assert.DoesNotContain(bot.Text(GiftFinderText.Noted), replies.Texts());
        Assert.Equal(bot.Text(GiftFinderText.AskAge, "recipient", "your nephew"), replies.Last().Text);
        var next = await chat.SendAsync("8");
        Assert.Equal(bot.Text(GiftFinderText.AskInterests, "recipient", "your nephew"), next.Last().Text);
    }
}
