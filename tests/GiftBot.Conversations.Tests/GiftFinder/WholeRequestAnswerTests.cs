using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.GiftFinder;

/// <summary>A whole request typed as the answer to one question: it is an answer, not a side remark to be "noted".</summary>
[Collection(ConversationCollection.Name)]
public sealed class WholeRequestAnswerTests(ConversationFixture fixture)
{
    [Theory]
    [InlineData("he's 7, loves dinosaurs, 30 max")]
    [InlineData("the twins, 5, love lego, 40 for both")]
    [InlineData("she is 9 and into art, about 25 euros")]
    [InlineData("my nephew, 7, loves dinosaurs, 30 max")]
    public async Task WholeRequestToTheRecipientQuestion_ShowsTheCarousel_WithoutNotedLine(string request)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        var replies = await chat.SendAsync("hi");
        Assert.Equal(bot.Text(GiftFinderText.AskRecipient), replies.Last().Text);

        replies = await chat.SendAsync(request);

        Assert.DoesNotContain(bot.Text(GiftFinderText.Noted), replies.Texts());
        Assert.False(bot.SaidACorrection(replies), ReplyAssertions.Describe(replies));
        Assert.InRange(replies.Carousel().HeroCards().Count, 1, 5);
    }

    [Fact]
    public async Task WholeRequestInDollars_ToTheRecipientQuestion_SaysTheConversion_NotNoted()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync("hi");

        var replies = await chat.SendAsync("he's 7, loves dinosaurs, 30 dollars max");

        Assert.DoesNotContain(bot.Text(GiftFinderText.Noted), replies.Texts());
        Assert.Contains(replies.Texts(), t => t.Contains("EUR", StringComparison.Ordinal));
        replies.Carousel();
    }

    [Fact]
    public async Task NewsGivenAtAnotherQuestion_IsStillNoted_WhenThatQuestionIsAskedAgain()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync("a gift for my niece");

        var replies = await chat.SendAsync("she loves dinosaurs and 30 max");

        Assert.Equal(bot.Text(GiftFinderText.Noted), replies[0].Text);
        Assert.Equal(bot.Text(GiftFinderText.AskAge, "recipient", "your niece"), replies.Last().Text);
    }
}
