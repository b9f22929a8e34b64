using GiftBot.Customers.Context;
using GiftBot.Customers.Window;
using GiftBot.Messenger.AgentMessages;
using GiftBot.Messenger.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Messenger.Tests.Customers;

public sealed class MessagingWindowTests : MessengerServicesFixture
{
    private MessengerAgentMessages Agents => Services.GetRequiredService<MessengerAgentMessages>();

    [Fact]
    public async Task AgentMessage_InsideTwentyFourHours_IsSentAsResponse_WithoutTheBotPersona()
    {
        await PersonWritesAsync();
        Clock.Advance(TimeSpan.FromHours(5));

        var result = await Agents.SendAsync(MetaSamples.Psid, "Your parcel left today", "sam", CancellationToken.None);

        var request = Assert.Single(SentMessages).Json!;
        Assert.Equal("RESPONSE", (string?)request["messaging_type"]);
        Assert.Null(request["tag"]);
        Assert.Null(request["persona_id"]);
        Assert.Equal("Your parcel left today", (string?)request["message"]!["text"]);
        Assert.Equal(("RESPONSE", (string?)null), (result.MessagingType, result.Tag));
    }

    [Fact]
    public async Task AgentMessage_BetweenOneAndSevenDays_IsTaggedHumanAgent_AndRestartsTheIdleClock()
    {
        await PersonWritesAsync();
        Clock.Advance(TimeSpan.FromDays(3));

        await Agents.SendAsync(MetaSamples.Psid, "Sorry for the wait", "sam", CancellationToken.None);

        var request = Assert.Single(SentMessages).Json!;
        Assert.Equal("MESSAGE_TAG", (string?)request["messaging_type"]);
        Assert.Equal("HUMAN_AGENT", (string?)request["tag"]);
        var card = await Services.GetRequiredService<ICustomerContextStore>().GetAsync("facebook", MetaSamples.Psid, CancellationToken.None);
        Assert.Equal(Clock.GetUtcNow(), card!.Handover.LastAgentActivityAt);
    }

    [Fact]
    public async Task AgentMessage_AfterSevenDays_IsRefused_WithoutAnyGraphCall()
    {
        await PersonWritesAsync();
        Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        var refusal = await Assert.ThrowsAsync<MessagingWindowClosedException>(() =>
            Agents.SendAsync(MetaSamples.Psid, "Still there?", "sam", CancellationToken.None));

        Assert.Equal(WindowClosedReason.HumanAgentWindowExpired, refusal.Reason);
        Assert.Empty(Graph.Requests);
    }

    [Fact]
    public async Task ProactiveBotMessage_OutsideTwentyFourHours_IsRefused_WithoutAnyGraphCall()
    {
        await PersonWritesAsync();
        Clock.Advance(TimeSpan.FromHours(25));

        var refusal = await Assert.ThrowsAsync<MessagingWindowClosedException>(() =>
            Adapter.ContinueConversationAsync(MessengerTestHost.AppId, UserText("hi").GetConversationReference(),
                (turn, ct) => turn.SendActivityAsync("Still looking for a gift?", cancellationToken: ct), CancellationToken.None));

        Assert.Equal(WindowClosedReason.StandardWindowExpired, refusal.Reason);
        Assert.Empty(Graph.Requests);
    }

    [Fact]
    public async Task ProactiveBotMessage_ToSomeoneWhoNeverWrote_IsRefused()
    {
        await Assert.ThrowsAsync<MessagingWindowClosedException>(() =>
            Adapter.ContinueConversationAsync(MessengerTestHost.AppId, UserText("hi").GetConversationReference(),
                (turn, ct) => turn.SendActivityAsync("Hello!", cancellationToken: ct), CancellationToken.None));

        Assert.Empty(Graph.Requests);
    }
}
