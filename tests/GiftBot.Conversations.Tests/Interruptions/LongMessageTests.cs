using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Conversations.Text;

namespace GiftBot.Conversations.Tests.Interruptions;

/// <summary>
/// A pasted email of 15,000 characters got the gift-wrap FAQ answer (found trying the bot): a message far longer than
/// anyone writes to a shop assistant is not read for a request; the shopper is asked to say it in a sentence or two.
/// </summary>
[Collection(ConversationCollection.Name)]
public sealed class LongMessageTests(ConversationFixture fixture)
{
    private static readonly Dictionary<string, string?> NoInstantReply = new() { ["InstantReply:Enabled"] = "false" };

    // An email thread pasted whole: delivery, wrapping and returns words in it, thousands of characters.
    private static readonly string PastedEmail = string.Concat(Enumerable.Repeat(
        "From: orders@example.com\nSubject: Re: your order has been dispatched\n\nHi, thanks for your order. Your parcel was gift wrapped " +
        "and handed to the courier this morning; tracking updates can take a day. If anything is wrong you can return it within 60 days. " +
        "Kind regards, the customer care team.\n> On Monday you wrote: can you wrap it and add a card for my niece, she is 7 and loves dinosaurs?\n", 40));

    [Fact]
    public async Task APastedEmail_IsAskedToBeSaidShortly_NotAnsweredWithAFaq()
    {
        Assert.True(PastedEmail.Length > 15_000);
        var bot = new BotHarness(fixture, settings: NoInstantReply);

        var replies = await bot.Chat().SendAsync(PastedEmail);

        var reply = replies.Count == 1 ? replies[0] : throw new Xunit.Sdk.XunitException(ReplyAssertions.Describe(replies));
        Assert.Equal(bot.Text(CommonText.TooLong), reply.Text);
        Assert.Equal([Payloads.FindGift, Payloads.TalkToHuman], reply.QuickReplyValues());
    }

    [Fact]
    public async Task APastedEmail_InTheGiftFinder_IsAskedToBeSaidShortly_AndTheQuestionAskedAgain()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var chat = bot.Chat();
        Assert.Contains(bot.Text(GiftFinderText.AskInterests, "recipient", "your nephew"), (await chat.SendAsync("a gift for my 8 year old nephew")).Texts());

        var replies = await chat.SendAsync(PastedEmail);

        Assert.True(replies[0].Text == bot.Text(CommonText.TooLong), ReplyAssertions.Describe(replies));
        Assert.False(replies.HasCarousel());
        Assert.Contains(bot.Text(GiftFinderText.AskInterests, "recipient", "your nephew"), replies.Texts());
    }
}
