using GiftBot.Conversations.Text;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Main;
using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Storage;

namespace GiftBot.Conversations.Tests.Main;

[Collection(ConversationCollection.Name)]
public sealed class WelcomeAndSmallTalkTests(ConversationFixture fixture)
{
    [Fact]
    public async Task GetStartedWelcomesAsAVirtualAssistant_AndAsksWhoTheGiftIsFor()
    {
        var bot = new BotHarness(fixture);
        var replies = await bot.Chat(channelId: "facebook").SendAsync("GET_STARTED");
        Assert.Equal([bot.Text(CommonText.Welcome), bot.Text(GiftFinderText.AskRecipient)], replies.Texts());
        Assert.Contains("virtual assistant", replies[0].Text);
        Assert.InRange(replies.Last().QuickReplies().Count, 1, 13);
    }

    [Fact]
    public async Task RecordsConversationStartedOnce_WithItsChannel()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.JoinAsync();
        await chat.SendAsync("nephew");
        var started = Assert.Single(bot.Funnel.OfKind(FunnelEventKinds.ConversationStarted));
        Assert.Equal(("emulator", "convo-1", "emulator"), (started.ChannelId, started.ConversationId, started.Properties["channel"]));
    }

    [Fact]
    public async Task AnswersAnUtteranceItDoesNotUnderstand_WithWhatItCanDo()
    {
        var bot = new BotHarness(fixture);
        var replies = await bot.Chat().SendAsync("the weather on mars is purple");
        Assert.Equal([bot.InstantReply, bot.Text(CommonText.NotUnderstood)], replies.Texts());
        Assert.Equal([Payloads.FindGift, Payloads.ViewBasket, Payloads.TalkToHuman], replies[1].QuickReplyValues());
        Assert.Single(bot.Funnel.OfKind(FunnelEventKinds.NotUnderstood));
    }

    [Fact]
    public async Task GreetsAndThanks_WithThePersonasLines()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        var first = await chat.SendAsync("hello"); // a first "hi" is a Get Started: instant reply, welcome, gift finder
        Assert.Equal(bot.InstantReply, first[0].Text);
        Assert.Contains(first[1].Text, bot.Variants(CommonText.Welcome));
        await chat.SendAsync("cancel");
        var greeting = await chat.SendAsync("hello");
        Assert.Contains(greeting[0].Text, bot.Variants(MainText.Greeting));
        Assert.Equal([Payloads.FindGift], greeting[0].QuickReplyValues());
        Assert.Equal([bot.Text(MainText.Thanks)], (await chat.SendAsync("thank you so much")).Texts());
    }

    [Fact]
    public async Task HelpOutsideASearch_ExplainsWhatTheBotDoes()
    {
        var bot = new BotHarness(fixture);
        var replies = await bot.Chat().SendAsync("HELP");
        Assert.Equal([bot.InstantReply, bot.Text(MainText.Help)], replies.Texts());
    }

    [Fact]
    public async Task EventWithoutARoute_IsIgnoredQuietly()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        var referral = chat.Adapter.MakeActivity();
        referral.Type = Microsoft.Bot.Schema.ActivityTypes.Event;
        referral.Name = "some_channel_event";
        referral.Text = null;
        referral.Value = new { source = "UNKNOWN" };
        Assert.Empty(await chat.SendAsync(referral));
    }
}
