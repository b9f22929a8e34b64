using GiftBot.Customers.Context;
using GiftBot.Customers.Handover;
using GiftBot.Messenger.Handover;
using GiftBot.Messenger.Tests.Support;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Messenger.Tests.Customers;

public sealed class HandoverTests : MessengerServicesFixture
{
    private const string PassPath = "/v25.0/me/pass_thread_control";
    private const string TakePath = "/v25.0/me/take_thread_control";

    protected override void Adjust(Dictionary<string, string?> settings) => settings["Facebook:HandoverTargetAppId"] = "777000777";

    private IHandoverState Handover => Services.GetRequiredService<IHandoverState>();

    [Fact]
    public async Task TalkToAPerson_PassesTheThreadToTheConfiguredApp_WithMetadata()
    {
        Graph.On("POST", PassPath).Respond(200, new { success = true });

        await Adapter.ProcessActivityAsync(UserText("a person please"), (turn, ct) =>
            turn.SendActivityAsync(new Activity(ActivityTypes.Event) { Name = "pass_thread_control", Value = new Newtonsoft.Json.Linq.JObject { ["metadata"] = "order problem" } }, ct), CancellationToken.None);

        var request = Assert.Single(Graph.RequestsTo(PassPath)).Json!;
        Assert.Equal("777000777", (string?)request["target_app_id"]);
        Assert.Equal(MetaSamples.Psid, (string?)request["recipient"]!["id"]);
        Assert.Equal("order problem", (string?)request["metadata"]);
        var state = await Handover.GetAsync("facebook", MetaSamples.Psid, CancellationToken.None);
        Assert.Equal((HandoverStatus.HumanOwns, "777000777"), (state.Status, state.OwnerAppId));
    }

    [Fact]
    public async Task AgentReleasingThePerson_TakesThreadControlBack()
    {
        Graph.On("POST", TakePath).Respond(200, new { success = true });
        await Handover.SetAsync("facebook", MetaSamples.Psid, HandoverStatus.HumanOwns, "263902037430900", "sam", CancellationToken.None);
        var listener = Services.GetServices<IHandoverChangeListener>().OfType<TakeBackOnAgentRelease>().Single();
        var previous = await Handover.GetAsync("facebook", MetaSamples.Psid, CancellationToken.None);
        var current = await Handover.SetAsync("facebook", MetaSamples.Psid, HandoverStatus.BotOwns, null, null, CancellationToken.None);

        await listener.OnAgentChangedHandoverAsync(new HandoverChange("facebook", MetaSamples.Psid, previous, current), CancellationToken.None);

        var request = Assert.Single(Graph.RequestsTo(TakePath)).Json!;
        Assert.Equal(MetaSamples.Psid, (string?)request["recipient"]!["id"]);
        Assert.Equal(MessengerTestHost.AppId, (await Handover.GetAsync("facebook", MetaSamples.Psid, CancellationToken.None)).OwnerAppId);
    }

    [Fact]
    public async Task AgentMarkingWaiting_OrOtherChannels_CallNothing()
    {
        var listener = Services.GetServices<IHandoverChangeListener>().OfType<TakeBackOnAgentRelease>().Single();
        var bot = HandoverSnapshot.BotOwns;
        var waiting = bot with { Status = HandoverStatus.WaitingForAgent };

        await listener.OnAgentChangedHandoverAsync(new HandoverChange("facebook", MetaSamples.Psid, bot, waiting), CancellationToken.None);
        await listener.OnAgentChangedHandoverAsync(new HandoverChange("emulator", "u1", waiting, bot), CancellationToken.None);

        Assert.Empty(Graph.Requests);
    }
}
