using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.GiftFinder;

/// <summary>"Cards" at the interests question is something the recipient loves; a question about paying by card is the FAQ.</summary>
[Collection(ConversationCollection.Name)]
public sealed class CardInterestTests(ConversationFixture fixture)
{
    private static async Task<ChatSession> AtTheInterestsQuestionAsync(BotHarness bot)
    {
        var chat = bot.Chat();
        await chat.SendAsync("a gift for my niece");
        await chat.SendAsync("10");
        return chat;
    }

    [Theory]
    [InlineData("cards")]
    [InlineData("Cards!")]
    [InlineData("she likes cards")]
    [InlineData("into trading cards")]
    [InlineData("card games")]
    public async Task Cards_AtTheInterestsQuestion_IsAnInterest_NotThePaymentFaq(string text)
    {
        var bot = new BotHarness(fixture);
        var chat = await AtTheInterestsQuestionAsync(bot);

        var replies = await chat.SendAsync(text);

        Assert.Equal([bot.Text(GiftFinderText.AskBudget)], replies.Texts());
        Assert.DoesNotContain(replies, r => r.Attachments?.Count > 0);
    }

    [Theory]
    [InlineData("do you take gift cards?")]
    [InlineData("can I pay by card")]
    [InlineData("which cards do you accept")]
    public async Task AQuestionAboutPayingByCard_AtTheInterestsQuestion_GetsTheFaq_ThenTheQuestionAgain(string text)
    {
        var bot = new BotHarness(fixture);
        var chat = await AtTheInterestsQuestionAsync(bot);

        var replies = await chat.SendAsync(text);

        Assert.Contains(replies, r => r.Attachments?.Count > 0 || (r.Text ?? "").Contains("card", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(bot.Text(GiftFinderText.AskInterests, "recipient", "your niece"), replies.Last().Text);
    }
}
