using GiftBot.Conversations.Text;
using GiftBot.Content;
using GiftBot.Conversations.Away;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Greeting;
using GiftBot.Conversations.Handover;
using GiftBot.Conversations.Tests.Automations;
using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Customers.Context;
using GiftBot.Storage;

namespace GiftBot.Conversations.Tests.Away;

[Collection(ConversationCollection.Name)]
public sealed class AwayHoursTests(ConversationFixture fixture) : IDisposable
{
    /// <summary>Tuesday 1 December 2026, 20:00 in Dublin: closed until Wednesday 9:00.</summary>
    private static readonly DateTimeOffset TuesdayEvening = new(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);

    private AssistantWorld _world = new(TuesdayEvening);

    [Theory]
    [InlineData("Asia/Tokyo", "hours.backAt.today", "18:00")]        // 05:00 Wednesday in Tokyo: the shop opens at 18:00 their time
    [InlineData("America/New_York", "hours.backAt.tomorrow", "4:00")] // 15:00 Tuesday in New York
    public async Task AskingForAPersonAfterHours_GetsTheAwayMessage_InTheShoppersTimeZone_AndJoinsTheWaitingQueue(string timeZone, string whenKey, string time)
    {
        var bot = new AssistantHarness(fixture, _world);
        var chat = bot.Chat();
        chat.TimeZone = timeZone;
        await chat.JoinAsync();

        var replies = await chat.SendAsync(Payloads.TalkToHuman);

        Assert.Equal(AwayWith(AssistantHarness.Text(whenKey, "time", time)), replies[0].Text);
        Assert.Empty(_world.Handoff.Conversations);
        // The request waits for the team, and the bot keeps helping while the team is away.
        Assert.Equal(HandoverStatus.WaitingForAgent, (await bot.Handover.GetAsync("emulator", "user-1", default)).Status);
        Assert.Equal(AssistantHarness.Text(GiftFinderText.AskRecipient), replies.Last().Text);
        var next = await chat.SendAsync("my nephew");
        Assert.Equal(AssistantHarness.Text(GiftFinderText.AskAge, "recipient", "your nephew"), next.Last().Text);
    }

    [Fact]
    public async Task AwayMessage_UsesTheShopsTimeZoneWithItsName_WhenTheShoppersIsUnknown()
    {
        var bot = new AssistantHarness(fixture, _world);
        var replies = await bot.Chat().SendAsync("talk to a person please");
        Assert.Equal(AwayWith(ShopTime(AssistantHarness.Text("hours.backAt.tomorrow", "time", "9:00"))), replies[0].Text);
    }

    [Fact]
    public async Task AskingForAPersonAfterHours_SaysTheRequestWaitsForTheTeam_OnceWithTheAwayMessage()
    {
        var bot = new AssistantHarness(fixture, _world);
        var chat = bot.Chat();
        var tomorrowAtNine = ShopTime(AssistantHarness.Text("hours.backAt.tomorrow", "time", "9:00"));

        // The first message of the closed period already got the away message: only the waiting is added.
        var first = await chat.SendAsync("talk to a person please");
        Assert.Equal([AwayWith(tomorrowAtNine), bot.Say(HumanHandover.WaitingForTeamKey)], first.Texts().Take(2));

        // Later in the same closed period: one message says both.
        var again = await chat.SendAsync("talk to a person please");
        Assert.Equal(AssistantHarness.Text(AwayNotices.AwayForPersonKey, "back_at", tomorrowAtNine), again[0].Text);
        Assert.DoesNotContain(bot.Say(HumanHandover.WaitingForTeamKey), again.Texts());
        Assert.Equal(HandoverStatus.WaitingForAgent, (await bot.Handover.GetAsync("emulator", "user-1", default)).Status);
    }

    [Fact]
    public async Task OnChristmasDay_TheTeamIsBackAfterTheHolidaysAndTheWeekend()
    {
        StartAt(new DateTimeOffset(2026, 12, 25, 11, 0, 0, TimeSpan.Zero)); // Friday, 11:00 in Dublin
        var bot = new AssistantHarness(fixture, _world);

        var replies = await bot.Chat().SendAsync(Payloads.TalkToHuman);

        var monday = AssistantHarness.Text("hours.backAt.weekday", new Dictionary<string, string?> { ["weekday"] = "Monday", ["time"] = "9:00" });
        Assert.Equal(AwayWith(ShopTime(monday)), replies[0].Text);
        Assert.Empty(_world.Handoff.Conversations);
    }

    [Fact]
    public async Task FirstMessageOfAClosedPeriod_GetsTheAwayMessageOnce_AndTheGiftFinderKeepsWorking()
    {
        var bot = new AssistantHarness(fixture, _world);
        var chat = bot.Chat();
        await chat.JoinAsync();

        var first = await chat.SendAsync("nephew");
        Assert.Equal(AwayWith(ShopTime(AssistantHarness.Text("hours.backAt.tomorrow", "time", "9:00"))), first[0].Text);
        Assert.Equal(AssistantHarness.Text(GiftFinderText.AskAge, "recipient", "your nephew"), first.Last().Text);
        Assert.DoesNotContain(bot.Say(InstantReply.TextKey), first.Texts());

        var second = await chat.SendAsync("8");
        Assert.DoesNotContain(second.Texts(), t => t.StartsWith(AwayPrefix, StringComparison.Ordinal));
        Assert.Equal(AssistantHarness.Text(GiftFinderText.AskInterests, "recipient", "your nephew"), second.Last().Text);

        _world.Clock.Advance(TimeSpan.FromHours(24)); // Wednesday evening: a new closed period
        var nextEvening = await chat.SendAsync("Space");
        Assert.StartsWith(AwayPrefix, nextEvening[0].Text);
    }

    [Fact]
    public async Task FirstMessageOutsideHours_GetsOnlyTheNormalAnswer_WhenTheContentSaysSo()
    {
        var shipped = AssistantHarness.Content.Hours;
        var hours = new OpeningHours(shipped.Zone, shipped.Week, shipped.Exceptions, awayOnFirstMessage: false, shipped.ZoneLabel);
        var bot = new AssistantHarness(fixture, _world, hours: hours);
        var chat = bot.Chat();
        await chat.JoinAsync();

        var replies = await chat.SendAsync("nephew");

        Assert.DoesNotContain(replies.Texts(), t => t.StartsWith(AwayPrefix, StringComparison.Ordinal));
        Assert.Equal(bot.Say(InstantReply.TextKey), replies[0].Text);
    }

    [Fact]
    public async Task InsideOpeningHours_NoAwayMessage()
    {
        StartAt(AssistantHarness.OpenTuesday);
        var bot = new AssistantHarness(fixture, _world);
        var replies = await bot.Chat().SendAsync("nephew");
        Assert.DoesNotContain(replies.Texts(), t => t.StartsWith(AwayPrefix, StringComparison.Ordinal));
        Assert.Empty(_world.Funnel.OfKind(FunnelEventKinds.HandoverRequested));
    }

    private static string AwayPrefix => AwayWith("later")[..20];

    private static string AwayWith(string backAt) => AssistantHarness.Text(AwayNotices.AwayKey, "back_at", backAt);

    private static string ShopTime(string when) =>
        AssistantHarness.Text("hours.backAt.shopTime", new Dictionary<string, string?> { ["when"] = when, ["zone_label"] = "Irish time" });

    private void StartAt(DateTimeOffset now)
    {
        _world.Dispose();
        _world = new AssistantWorld(now);
    }

    public void Dispose() => _world.Dispose();
}
