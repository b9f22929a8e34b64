using GiftBot.Customers.Context;
using GiftBot.Customers.Handover;
using GiftBot.Customers.Tests.Support;

namespace GiftBot.Customers.Tests.Handover;

public class HandoverStateTests
{
    private const string PageInboxAppId = "263902037430900";

    [Fact]
    public async Task SaysTheBotOwns_SomeoneUnknown()
    {
        using var services = new CustomerServices();

        var state = await services.Get<IHandoverState>().GetAsync("facebook", "psid-1", default);

        Assert.Equal(HandoverStatus.BotOwns, state.Status);
        Assert.False(state.BotMustStaySilent);
    }

    [Fact]
    public async Task SharesOneTruth_BetweenTheMessengerLayerAndTheConversation()
    {
        using var services = new CustomerServices();
        var handover = services.Get<IHandoverState>();

        await handover.SetAsync("facebook", "psid-1", HandoverStatus.HumanOwns, PageInboxAppId, null, default);
        var seenByConversation = await handover.GetAsync("facebook", "psid-1", default);

        Assert.True(seenByConversation.BotMustStaySilent);
        Assert.Equal((HandoverStatus.HumanOwns, PageInboxAppId, CustomerServices.Start), (seenByConversation.Status, seenByConversation.OwnerAppId, seenByConversation.Since!.Value));
    }

    [Fact]
    public async Task KeepsSince_WhenTheSameStatusIsReportedAgain()
    {
        using var services = new CustomerServices();
        var handover = services.Get<IHandoverState>();
        await handover.SetAsync("facebook", "psid-1", HandoverStatus.HumanOwns, PageInboxAppId, null, default);
        services.Clock.Advance(TimeSpan.FromMinutes(10));

        var again = await handover.SetAsync("facebook", "psid-1", HandoverStatus.HumanOwns, PageInboxAppId, "alice", default);

        Assert.Equal((CustomerServices.Start, "alice"), (again.Since!.Value, again.AgentId));
    }

    [Fact]
    public async Task CountsAHumanAsIdle_OnlyAfterTheTimeoutWithoutAgentActivity()
    {
        using var services = new CustomerServices();
        var handover = services.Get<IHandoverState>();
        var timeout = TimeSpan.FromMinutes(30);
        await handover.SetAsync("facebook", "psid-1", HandoverStatus.HumanOwns, PageInboxAppId, null, default);

        services.Clock.Advance(TimeSpan.FromMinutes(20));
        await handover.RecordAgentActivityAsync("facebook", "psid-1", default);
        services.Clock.Advance(TimeSpan.FromMinutes(20));
        var stillBusy = (await handover.GetAsync("facebook", "psid-1", default)).IsHumanIdle(services.Clock.GetUtcNow(), timeout);
        services.Clock.Advance(TimeSpan.FromMinutes(10));
        var idle = (await handover.GetAsync("facebook", "psid-1", default)).IsHumanIdle(services.Clock.GetUtcNow(), timeout);

        Assert.False(stillBusy);
        Assert.True(idle);
    }

    [Fact]
    public async Task ForgetsTheOwner_WhenTheThreadReturnsToTheBot()
    {
        using var services = new CustomerServices();
        var handover = services.Get<IHandoverState>();
        await handover.SetAsync("facebook", "psid-1", HandoverStatus.HumanOwns, PageInboxAppId, "alice", default);
        services.Clock.Advance(TimeSpan.FromHours(1));

        var back = await handover.SetAsync("facebook", "psid-1", HandoverStatus.BotOwns, null, null, default);

        Assert.Equal(new HandoverSnapshot(HandoverStatus.BotOwns, CustomerServices.Start.AddHours(1), null, null, null), back);
        Assert.False(back.IsHumanIdle(services.Clock.GetUtcNow().AddDays(1), TimeSpan.FromMinutes(1)));
    }
}
