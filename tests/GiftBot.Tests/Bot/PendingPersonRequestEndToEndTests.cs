using GiftBot.Content;
using GiftBot.Conversations.Handover;
using GiftBot.Conversations.Main;
using GiftBot.Customers.Handover;
using GiftBot.Testing.BotFramework;
using GiftBot.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GiftBot.Tests.Bot;

/// <summary>
/// A request for a person waits while the team is away (Sunday, content/hours.json): what the shopper's words about it
/// get through the real host.
/// </summary>
public sealed class PendingPersonRequestEndToEndTests
{
    private static readonly DateTimeOffset ClosedSunday = new(2026, 12, 6, 11, 0, 0, TimeSpan.Zero);

    private static GiftBotApp BotAt(DateTimeOffset now) =>
        new(null, services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(now)));

    // Before: "There's nothing to cancel right now. Shall we find a gift?" while the request was waiting.
    [Fact]
    public async Task NeverMindIllWait_KeepsTheRequest_AndSaysTheTeamHasIt()
    {
        await using var connector = await BotConnectorStandIn.StartAsync();
        await using var app = BotAt(ClosedSunday);
        var text = app.Services.GetRequiredService<IBotText>();
        var chat = new EmulatorChat(app.CreateClient(), connector, "conv-pending-wait");
        await chat.SendAsync("can I talk to a real person please");

        var replies = await chat.SendAsync("never mind, ill wait");

        var reply = Assert.Single(replies);
        Assert.StartsWith(text.Get(PendingHandover.PendingKey)[..30], reply.Text);
        Assert.DoesNotContain(text.Get(MainText.NothingToCancel), replies.Select(r => r.Text));
    }

    // Before: "There's nothing to cancel right now." although the request for a person was there to cancel.
    [Fact]
    public async Task ForgetIt_WithdrawsTheWaitingRequest()
    {
        await using var connector = await BotConnectorStandIn.StartAsync();
        await using var app = BotAt(ClosedSunday);
        var text = app.Services.GetRequiredService<IBotText>();
        var chat = new EmulatorChat(app.CreateClient(), connector, "conv-pending-cancel");
        await chat.SendAsync("can I talk to a real person please");

        var replies = await chat.SendAsync("forget it");

        Assert.Equal(text.Get(PendingHandover.BackToBotKey), replies[0].Text);
        Assert.DoesNotContain(text.Get(MainText.NothingToCancel), replies.Select(r => r.Text));
    }

    // Before: the team answered out of hours and the shopper's reply to them got the bot's delivery answer.
    [Fact]
    public async Task AfterAnAgentAnswered_TheShoppersReplyIsLeftToThem()
    {
        await using var connector = await BotConnectorStandIn.StartAsync();
        await using var app = BotAt(ClosedSunday);
        var chat = new EmulatorChat(app.CreateClient(), connector, "conv-pending-agent");
        await chat.SendAsync("can I talk to a real person please");
        await app.Services.GetRequiredService<IHandoverState>().RecordAgentActivityAsync("emulator", "user-1", default);

        var replies = await chat.SendAsync("thanks Sam, where is my order?");

        Assert.Empty(replies);
    }
}
