using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Handover;
using GiftBot.Conversations.Main;
using GiftBot.Conversations.Tests.Automations;
using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Conversations.Text;
using GiftBot.Customers.Context;

namespace GiftBot.Conversations.Tests.Handover;

/// <summary>A request for a person waits for a team that is away: what the shopper's next messages get.</summary>
[Collection(ConversationCollection.Name)]
public sealed class PendingHandoverTests(ConversationFixture fixture) : IDisposable
{
    /// <summary>Tuesday 1 December 2026, 20:00 in Dublin: closed until Wednesday 9:00.</summary>
    private static readonly DateTimeOffset TuesdayEvening = new(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);
    private readonly AssistantWorld _world = new(TuesdayEvening);

    [Theory]
    [InlineData("facebook", "hello?")]
    [InlineData("facebook", "anyone there?")]
    [InlineData("facebook", "hellooo")]
    [InlineData("emulator", "hello?")]
    [InlineData("emulator", "is anybody there")]
    // Annoyance while the request waits is about the wait: before, the apology offered a person once more.
    [InlineData("facebook", "ugh you're useless")]
    [InlineData("emulator", "this is taking forever")]
    public async Task MessageAboutTheWaitingRequest_IsAnsweredInTheHandoversTerms_NotWithTheFirstGreeting(string channel, string text)
    {
        var bot = new AssistantHarness(fixture, _world);
        var chat = bot.Chat(channel);
        await chat.SendAsync("talk to a human");

        var replies = await chat.SendAsync(text);

        var pending = Assert.Single(replies);
        Assert.Equal(bot.Say(PendingHandover.PendingKey), pending.Text);
        Assert.Contains("tomorrow at 9:00", pending.Text);
        Assert.Equal([Payloads.BackToBot, Payloads.FindGift], pending.QuickReplyValues());
        Assert.Equal(HandoverStatus.WaitingForAgent, (await bot.Handover.GetAsync(channel, "user-1", default)).Status);
    }

    [Theory]
    [InlineData(Payloads.BackToBot)]
    [InlineData("back to the bot")]
    [InlineData("Never mind")]
    public async Task BackToTheBot_WithdrawsTheRequest_AndTheGiftFinderAsksWhoItIsFor(string text)
    {
        var bot = new AssistantHarness(fixture, _world);
        var chat = bot.Chat("facebook");
        await chat.SendAsync("talk to a human");
        await chat.SendAsync("hello?");

        var replies = await chat.SendAsync(text);

        Assert.Equal(bot.Say(PendingHandover.BackToBotKey), replies[0].Text);
        Assert.Equal(AssistantHarness.Text(GiftFinderText.AskRecipient), replies.Last().Text);
        Assert.Equal(HandoverStatus.BotOwns, (await bot.Handover.GetAsync("facebook", "user-1", default)).Status);
        var next = await chat.SendAsync("hello?");
        Assert.DoesNotContain(bot.Say(PendingHandover.PendingKey), next.Texts());
    }

    // Before: "never mind, ill wait" was read as cancelling ("There's nothing to cancel right now.") and "no worries, I can
    // wait for them" as an unknown question, which offered a person again.
    [Theory]
    [InlineData("never mind, ill wait")]
    [InlineData("no worries, I can wait for them")]
    [InlineData("nvm I'll wait")]
    [InlineData("no rush")]
    public async Task SayingTheyWillWait_KeepsTheRequest_AndIsAnsweredInTheHandoversTerms(string text)
    {
        var bot = new AssistantHarness(fixture, _world);
        var chat = bot.Chat("facebook");
        await chat.SendAsync("talk to a human");

        var replies = await chat.SendAsync(text);

        var pending = Assert.Single(replies);
        Assert.Equal(bot.Say(PendingHandover.PendingKey), pending.Text);
        Assert.Equal(HandoverStatus.WaitingForAgent, (await bot.Handover.GetAsync("facebook", "user-1", default)).Status);
    }

    [Fact]
    public async Task AQuestionThatMentionsWaiting_IsStillAnswered_NotTakenForWaitingForThePerson()
    {
        var bot = new AssistantHarness(fixture, _world);
        var chat = bot.Chat("facebook");
        await chat.SendAsync("talk to a human");

        var replies = await chat.SendAsync("how long do I have to wait for delivery?");

        Assert.DoesNotContain(bot.Say(PendingHandover.PendingKey), replies.Texts());
    }

    [Fact]
    public async Task SayingTheyWillWait_WhileTheGiftFinderAsks_KeepsTheRequest_NotStopsTheSearch()
    {
        var bot = new AssistantHarness(fixture, _world);
        var chat = bot.Chat("facebook");
        await chat.SendAsync("hi");
        await chat.SendAsync("can I talk to a real person please");

        var replies = await chat.SendAsync("never mind, ill wait");

        Assert.Equal([bot.Say(PendingHandover.PendingKey)], replies.Texts());
        Assert.Equal(HandoverStatus.WaitingForAgent, (await bot.Handover.GetAsync("facebook", "user-1", default)).Status);
    }

    [Theory]
    [InlineData("forget it")]
    [InlineData("cancel that")]
    public async Task CancellingWhileTheRequestWaits_WithdrawsIt_NotNothingToCancel(string text)
    {
        var bot = new AssistantHarness(fixture, _world);
        var chat = bot.Chat("facebook");
        await chat.SendAsync("talk to a human");

        var replies = await chat.SendAsync(text);

        Assert.Equal(bot.Say(PendingHandover.BackToBotKey), replies[0].Text);
        Assert.DoesNotContain(AssistantHarness.Text(MainText.NothingToCancel), replies.Texts());
        Assert.Equal(HandoverStatus.BotOwns, (await bot.Handover.GetAsync("facebook", "user-1", default)).Status);
    }

    // Before: an agent answered from the inbox out of hours and the shopper's reply to them got the bot's FAQ answer.
    [Theory]
    [InlineData("thanks Sam, where is my order?")]
    [InlineData("hello?")]
    public async Task AfterAnAgentAnsweredTheRequest_OutOfHours_TheBotLeavesTheShoppersRepliesToThem(string text)
    {
        var bot = new AssistantHarness(fixture, _world);
        var chat = bot.Chat("facebook");
        await chat.SendAsync("talk to a human");
        await bot.Handover.RecordAgentActivityAsync("facebook", "user-1", default);

        var replies = await chat.SendAsync(text);

        Assert.Empty(replies);
        Assert.Equal(HandoverStatus.WaitingForAgent, (await bot.Handover.GetAsync("facebook", "user-1", default)).Status);
    }

    [Fact]
    public async Task AGiftRequestWhileTheRequestWaits_IsAnsweredByTheBot()
    {
        var bot = new AssistantHarness(fixture, _world);
        var chat = bot.Chat("facebook");
        await chat.SendAsync("talk to a human");

        var replies = await chat.SendAsync("my nephew");

        Assert.Equal(AssistantHarness.Text(GiftFinderText.AskAge, "recipient", "your nephew"), replies.Last().Text);
        Assert.Equal(HandoverStatus.WaitingForAgent, (await bot.Handover.GetAsync("facebook", "user-1", default)).Status);
    }

    public void Dispose() => _world.Dispose();
}
