using GiftBot.Conversations.FollowUps;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Tests.Automations;
using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Customers.Context;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Newtonsoft.Json.Linq;

namespace GiftBot.Conversations.Tests.FollowUps;

[Collection(ConversationCollection.Name)]
public sealed class FollowUpTests(ConversationFixture fixture) : IDisposable
{
    private static readonly string JobKey = FollowUpJob.KeyFor("emulator", "convo-1");
    private readonly AssistantWorld _world = new();

    [Fact]
    public async Task ShopperWhoStopsMidGiftFinder_GetsOneFriendlyFollowUp_AfterTheDelay()
    {
        var bot = new AssistantHarness(fixture, _world);
        var chat = await StartGiftFinderAsync(bot, displayName: "Ann");

        _world.Clock.Advance(TimeSpan.FromHours(3) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await bot.FollowUps.RunDueAsync(default));
        _world.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await bot.FollowUps.RunDueAsync(default));

        var (conversation, activity) = Assert.Single(_world.Sender.Sent);
        Assert.Equal(("emulator", "convo-1", "user-1"), (conversation.ChannelId, conversation.Conversation.Id, conversation.User.Id));
        Assert.Equal(bot.Say(FollowUpRunner.MessageKey, firstName: "Ann"), activity.AsMessageActivity().Text);
        Assert.Equal("UPDATE", JObject.FromObject(activity.ChannelData)["messaging_type"]?.ToString());

        _world.Clock.Advance(TimeSpan.FromHours(6));
        Assert.Equal(0, await bot.FollowUps.RunDueAsync(default));
        Assert.Single(_world.Sender.Sent);
        Assert.NotNull(chat);
    }

    [Fact]
    public async Task FollowUpsWork_WhenBotStateIsStoredAsPlainJson()
    {
        using var world = new AssistantWorld(plainJsonState: true);
        var bot = new AssistantHarness(fixture, world);
        await StartGiftFinderAsync(bot);
        world.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(1, await bot.FollowUps.RunDueAsync(default));
        world.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await bot.FollowUps.RunDueAsync(default));
    }

    [Fact]
    public async Task EveryAnswerPushesTheFollowUpBack_AndAFinishedSearchCancelsIt()
    {
        var bot = new AssistantHarness(fixture, _world);
        var chat = await StartGiftFinderAsync(bot);
        _world.Clock.Advance(TimeSpan.FromHours(2));
        await chat.SendAsync("8");
        Assert.Equal(_world.Clock.GetUtcNow() + TimeSpan.FromHours(3), (await bot.Jobs.GetAsync(JobKey))!.DueAt);

        await chat.SendAsync("Space");
        Assert.True((await chat.SendAsync("under 40")).HasCarousel());

        Assert.Null(await bot.Jobs.GetAsync(JobKey));
        _world.Clock.Advance(TimeSpan.FromHours(4));
        Assert.Equal(0, await bot.FollowUps.RunDueAsync(default));
    }

    [Fact]
    public async Task Stop_TurnsFollowUpsOff_AndStartTurnsThemBackOn()
    {
        var bot = new AssistantHarness(fixture, _world);
        var chat = await StartGiftFinderAsync(bot);

        Assert.Equal([bot.Say(FollowUpOptOut.StoppedKey)], (await chat.SendAsync("Stop")).Texts());
        Assert.True((await bot.Customers.GetAsync("emulator", "user-1", default))!.FollowUpsOptedOut);
        _world.Clock.Advance(TimeSpan.FromHours(4));
        Assert.Equal(0, await bot.FollowUps.RunDueAsync(default));

        Assert.Equal([bot.Say(FollowUpOptOut.StartedKey)], (await chat.SendAsync("start")).Texts());
        await chat.SendAsync("8");
        _world.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(1, await bot.FollowUps.RunDueAsync(default));
    }

    [Fact]
    public async Task Start_IsAnOrdinaryMessage_ForSomeoneWhoNeverStopped()
    {
        var bot = new AssistantHarness(fixture, _world);
        var replies = await (await StartGiftFinderAsync(bot)).SendAsync("start");
        Assert.DoesNotContain(bot.Say(FollowUpOptOut.StartedKey), replies.Texts());
    }

    [Fact]
    public async Task OnMessenger_TheFollowUpIsAnUpdateInsideThe24HourWindow()
    {
        var bot = new AssistantHarness(fixture, _world);
        var chat = bot.Chat(channelId: "facebook");
        await chat.SendAsync("GET_STARTED");
        await chat.SendAsync("nephew");

        _world.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(1, await bot.FollowUps.RunDueAsync(default));
        Assert.Equal("UPDATE", JObject.FromObject(Assert.Single(_world.Sender.Sent).Activity.ChannelData)["messaging_type"]?.ToString());
    }

    [Fact]
    public async Task NoFollowUp_OnceThe24HourWindowHasClosed()
    {
        var bot = new AssistantHarness(fixture, _world, new Dictionary<string, string?> { ["FollowUp:Delay"] = "1.01:00:00" });
        var chat = bot.Chat(channelId: "facebook");
        await chat.SendAsync("GET_STARTED");
        await chat.SendAsync("nephew");

        _world.Clock.Advance(TimeSpan.FromHours(25));
        Assert.Equal(0, await bot.FollowUps.RunDueAsync(default));
        Assert.Empty(_world.Sender.Sent);
        Assert.Null(await bot.Jobs.GetAsync(FollowUpJob.KeyFor("facebook", "convo-1")));
    }

    [Fact]
    public async Task NoFollowUp_WhenPeopleTookTheConversationMeanwhile()
    {
        var bot = new AssistantHarness(fixture, _world);
        await StartGiftFinderAsync(bot);
        await bot.Handover.SetAsync("emulator", "user-1", HandoverStatus.HumanOwns, "263902037430900", null, default);

        _world.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await bot.FollowUps.RunDueAsync(default));
        Assert.Empty(_world.Sender.Sent);
        Assert.Null(await bot.Jobs.GetAsync(JobKey));
    }

    [Fact]
    public async Task HandingOver_CancelsThePendingFollowUp()
    {
        var bot = new AssistantHarness(fixture, _world);
        var chat = await StartGiftFinderAsync(bot);
        await chat.SendAsync("talk to a person please");
        Assert.Null(await bot.Jobs.GetAsync(JobKey));
    }

    [Fact]
    public async Task AWorkerThatDiesAfterSending_DoesNotMakeTheRestartedOneSendItAgain()
    {
        var dying = new AssistantHarness(fixture, _world, jobStore: inner => new DyingJobStore(inner));
        await StartGiftFinderAsync(dying);
        _world.Clock.Advance(TimeSpan.FromHours(3));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dying.FollowUps.RunDueAsync(default));
        Assert.Single(_world.Sender.Sent);

        var restarted = new AssistantHarness(fixture, _world);
        _world.Clock.Advance(TimeSpan.FromMinutes(3)); // the dead worker's lease has expired
        Assert.Equal(0, await restarted.FollowUps.RunDueAsync(default));
        Assert.Single(_world.Sender.Sent);
        Assert.Null(await restarted.Jobs.GetAsync(JobKey));
    }

    [Fact]
    public async Task AScheduledFollowUp_SurvivesARestart()
    {
        await StartGiftFinderAsync(new AssistantHarness(fixture, _world));
        var restarted = new AssistantHarness(fixture, _world);
        _world.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(1, await restarted.FollowUps.RunDueAsync(default));
    }

    [Fact]
    public async Task AFailedSend_IsRetriedLater()
    {
        var bot = new AssistantHarness(fixture, _world);
        await StartGiftFinderAsync(bot);
        _world.Sender.Failure = new HttpRequestException("Bot Connector unavailable");
        _world.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await bot.FollowUps.RunDueAsync(default));
        Assert.Equal(1, (await bot.Jobs.GetAsync(JobKey))!.Attempts);

        _world.Sender.Failure = null;
        _world.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await bot.FollowUps.RunDueAsync(default));
    }

    [Fact]
    public async Task TheHostedWorker_SendsDueFollowUps()
    {
        var bot = new AssistantHarness(fixture, _world);
        await StartGiftFinderAsync(bot);
        _world.Clock.Advance(TimeSpan.FromHours(3));

        var worker = bot.Services.GetServices<IHostedService>().OfType<FollowUpWorker>().Single();
        await worker.StartAsync(default);
        await _world.Sender.FirstSend.WaitAsync(TimeSpan.FromSeconds(30));
        await worker.StopAsync(default);

        Assert.Single(_world.Sender.Sent);
    }

    private static async Task<AssistantChat> StartGiftFinderAsync(AssistantHarness bot, string? displayName = "Shopper")
    {
        var chat = bot.Chat();
        chat.DisplayName = displayName;
        await chat.JoinAsync();
        var replies = await chat.SendAsync("nephew");
        Assert.Equal(AssistantHarness.Text(GiftFinderText.AskAge, "recipient", "your nephew"), replies.Last().Text);
        return chat;
    }

    public void Dispose() => _world.Dispose();

    /// <summary>A job store whose process dies (shutdown) right after the follow-up went out, before the job is completed.</summary>
    private sealed class DyingJobStore(GiftBot.Storage.IScheduledJobStore inner) : GiftBot.Storage.IScheduledJobStore
    {
        public Task ScheduleAsync(string jobKey, string kind, string payload, DateTimeOffset dueAt, CancellationToken cancellationToken = default) =>
            inner.ScheduleAsync(jobKey, kind, payload, dueAt, cancellationToken);
        public Task<bool> CancelAsync(string jobKey, CancellationToken cancellationToken = default) => inner.CancelAsync(jobKey, cancellationToken);
        public Task<GiftBot.Storage.ScheduledJob?> GetAsync(string jobKey, CancellationToken cancellationToken = default) => inner.GetAsync(jobKey, cancellationToken);
        public Task<IReadOnlyList<GiftBot.Storage.ScheduledJob>> LeaseDueAsync(DateTimeOffset now, int max, TimeSpan leaseDuration, CancellationToken cancellationToken = default) =>
            inner.LeaseDueAsync(now, max, leaseDuration, cancellationToken);
        public Task CompleteAsync(GiftBot.Storage.ScheduledJob job, CancellationToken cancellationToken = default) =>
            throw new OperationCanceledException("The process is shutting down.");
        public Task FailAsync(GiftBot.Storage.ScheduledJob job, string error, DateTimeOffset now, int maxAttempts, TimeSpan retryDelay, CancellationToken cancellationToken = default) =>
            inner.FailAsync(job, error, now, maxAttempts, retryDelay, cancellationToken);
        public Task<IReadOnlyList<GiftBot.Storage.ScheduledJob>> ListFailedAsync(int limit = 100, CancellationToken cancellationToken = default) =>
            inner.ListFailedAsync(limit, cancellationToken);
    }
}
