using GiftBot.Conversations.Text;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Handover;
using GiftBot.Conversations.Tests.Automations;
using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Customers.Context;
using GiftBot.Storage;
using Newtonsoft.Json.Linq;

namespace GiftBot.Conversations.Tests.Handover;

[Collection(ConversationCollection.Name)]
public sealed class HandoverTests(ConversationFixture fixture) : IDisposable
{
    private const string OurAppId = "1234567890";
    private readonly AssistantWorld _world = new();

    private AssistantHarness Bot() => new(fixture, _world, new Dictionary<string, string?> { ["Handover:AppId"] = OurAppId });

    [Fact]
    public async Task AskingForAPersonInsideHours_HandsOver_AndTheBotFallsSilent()
    {
        var bot = Bot();
        var chat = bot.Chat();
        await chat.JoinAsync();
        await chat.SendAsync("nephew");

        var handover = await chat.SendAsync("talk to a person please");

        Assert.Equal([bot.Say(HumanHandover.HandoverKey)], handover.Texts());
        Assert.Equal(["convo-1"], _world.Handoff.Conversations);
        Assert.Equal(HandoverStatus.WaitingForAgent, (await bot.Handover.GetAsync("emulator", "user-1", default)).Status);
        Assert.Equal("handed_over", Assert.Single(_world.Funnel.OfKind(FunnelEventKinds.HandoverRequested)).Properties["outcome"]);

        Assert.Empty(await chat.SendAsync("hello? anyone there?"));
        Assert.Empty(await chat.SendAsync("8"));
        Assert.Empty(await chat.SendEventAsync("referral", new JObject { ["ref"] = "xmas-ad", ["source"] = "ADS" }));
        var card = await bot.Customers.GetAsync("emulator", "user-1", default);
        Assert.Contains(card!.RecentMessages, m => m.Direction == MessageDirection.Inbound && m.Text == "hello? anyone there?");
    }

    [Fact]
    public async Task OnMessenger_ThePageInboxGetsTheThread_AndWhenItPassesItBackTheBotResumesWhereItWas()
    {
        _world.Handoff.Result = RecordingHumanHandoff.PageInbox;
        var bot = Bot();
        var chat = bot.Chat(channelId: "facebook");
        await chat.SendAsync("GET_STARTED");
        await chat.SendAsync("nephew");

        Assert.Equal([bot.Say(HumanHandover.HandoverKey)], (await chat.SendAsync(Payloads.TalkToHuman)).Texts());
        var owner = await bot.Handover.GetAsync("facebook", "user-1", default);
        Assert.Equal((HandoverStatus.HumanOwns, HandoverOptions.PageInboxAppId), (owner.Status, owner.OwnerAppId));
        Assert.Empty(await chat.SendAsync("my order is late"));

        var back = await chat.SendEventAsync(ThreadControlRoute.PassThreadControl,
            new JObject { ["previous_owner_app_id"] = HandoverOptions.PageInboxAppId, ["new_owner_app_id"] = OurAppId, ["metadata"] = "done" });

        Assert.Equal([bot.Say(HumanHandover.ResumedKey), AskAgeForNephew], back.Texts());
        Assert.Equal(HandoverStatus.BotOwns, (await bot.Handover.GetAsync("facebook", "user-1", default)).Status);
        Assert.Equal(AssistantHarness.Text(GiftFinderText.AskInterests, "recipient", "your nephew"), (await chat.SendAsync("8")).Last().Text);
    }

    [Fact]
    public async Task ThreadPassedBackAfterTheWindowClosed_TheBotWaitsQuietly_AndGreetsTheShoppersNextMessage()
    {
        _world.Handoff.Result = RecordingHumanHandoff.PageInbox;
        var bot = Bot();
        var chat = bot.Chat(channelId: "facebook");
        await chat.SendAsync("GET_STARTED");
        await chat.SendAsync("nephew");
        await chat.SendAsync(Payloads.TalkToHuman);

        _world.Clock.Advance(TimeSpan.FromHours(30));
        var back = await chat.SendEventAsync(ThreadControlRoute.PassThreadControl, new JObject { ["new_owner_app_id"] = OurAppId });

        Assert.Empty(back);
        Assert.Equal(HandoverStatus.BotOwns, (await bot.Handover.GetAsync("facebook", "user-1", default)).Status);
        var next = await chat.SendAsync("8");
        Assert.Equal(bot.Say(HumanHandover.ResumedKey), next[0].Text);
        Assert.Equal(AssistantHarness.Text(GiftFinderText.AskInterests, "recipient", "your nephew"), next.Last().Text);
    }

    [Fact]
    public async Task WhenAnInboxTakesTheThread_TheBotStaysSilentUntilItIsBack()
    {
        var bot = Bot();
        var chat = bot.Chat(channelId: "facebook");
        await chat.SendAsync("GET_STARTED");

        var taken = await chat.SendEventAsync(ThreadControlRoute.TakeThreadControl,
            new JObject { ["previous_owner_app_id"] = OurAppId, ["new_owner_app_id"] = HandoverOptions.PageInboxAppId });

        Assert.Empty(taken);
        Assert.Equal(HandoverStatus.HumanOwns, (await bot.Handover.GetAsync("facebook", "user-1", default)).Status);
        Assert.Empty(await chat.SendAsync("nephew"));
    }

    [Fact]
    public async Task PassThreadControlToTheBot_WhenItAlreadyHasTheThread_SaysNothing()
    {
        var bot = Bot();
        var chat = bot.Chat(channelId: "facebook");
        await chat.SendAsync("GET_STARTED");
        Assert.Empty(await chat.SendEventAsync(ThreadControlRoute.PassThreadControl, new JObject { ["new_owner_app_id"] = OurAppId }));
    }

    [Fact]
    public async Task AfterTheIdleTimeoutWithoutHumanActivity_TheBotTakesTheThreadBackOnTheNextMessage()
    {
        var bot = Bot();
        var chat = bot.Chat();
        await chat.JoinAsync();
        await chat.SendAsync("nephew");
        await chat.SendAsync("talk to a person please");

        _world.Clock.Advance(TimeSpan.FromHours(20));
        await bot.Handover.RecordAgentActivityAsync("emulator", "user-1", default); // an agent replied in their inbox
        _world.Clock.Advance(TimeSpan.FromHours(20));
        Assert.Empty(await chat.SendAsync("thanks, still there?"));

        _world.Clock.Advance(TimeSpan.FromHours(5)); // 25 hours since the agent's last activity
        var resumed = await chat.SendAsync("8");

        Assert.Equal(bot.Say(HumanHandover.ResumedKey), resumed[0].Text);
        Assert.Equal(AssistantHarness.Text(GiftFinderText.AskInterests, "recipient", "your nephew"), resumed.Last().Text);
        Assert.Equal(HandoverStatus.BotOwns, (await bot.Handover.GetAsync("emulator", "user-1", default)).Status);
    }

    [Fact]
    public async Task ReleasedThroughTheAgentApi_TheBotSaysItIsBack_ThenAnswers()
    {
        var bot = Bot();
        var chat = bot.Chat();
        await chat.JoinAsync();
        await chat.SendAsync("nephew");
        await chat.SendAsync("talk to a person please");

        await bot.Handover.SetAsync("emulator", "user-1", HandoverStatus.BotOwns, null, "agent-7", default);
        var replies = await chat.SendAsync("8");

        Assert.Equal(bot.Say(HumanHandover.ResumedKey), replies[0].Text);
        Assert.Equal(AssistantHarness.Text(GiftFinderText.AskInterests, "recipient", "your nephew"), replies.Last().Text);
        Assert.DoesNotContain(bot.Say(HumanHandover.ResumedKey), (await chat.SendAsync("Space")).Texts());
    }

    [Fact]
    public async Task WhenTheChannelRefusesTheHandover_TheConversationStillWaitsForAnAgent()
    {
        _world.Handoff.Refuse = true;
        var bot = Bot();
        var chat = bot.Chat(channelId: "facebook");
        await chat.SendAsync("GET_STARTED");

        Assert.Equal(bot.Say(HumanHandover.HandoverKey), (await chat.SendAsync(Payloads.TalkToHuman)).Last().Text);
        Assert.Equal(HandoverStatus.WaitingForAgent, (await bot.Handover.GetAsync("facebook", "user-1", default)).Status);
        Assert.Empty(await chat.SendAsync("hello?"));
    }

    private static string AskAgeForNephew => AssistantHarness.Text(GiftFinderText.AskAge, "recipient", "your nephew");

    public void Dispose() => _world.Dispose();
}
