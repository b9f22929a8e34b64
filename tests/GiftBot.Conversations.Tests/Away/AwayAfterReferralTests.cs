using GiftBot.Conversations.Away;
using GiftBot.Conversations.EntryPoints;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Tests.Infrastructure;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace GiftBot.Conversations.Tests.Away;

/// <summary>A shopper who arrives through an m.me link or an ad while the team is away hears so once, with the welcome, never mid-answer.</summary>
[Collection(ConversationCollection.Name)]
public sealed class AwayAfterReferralTests(ConversationFixture fixture)
{
    /// <summary>Tuesday 1 December 2026, 20:00 in Dublin: closed until Wednesday 9:00.</summary>
    private static readonly DateTimeOffset TuesdayEvening = new(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);

    private static Activity Referral(ChatSession chat, string reference)
    {
        var activity = chat.Adapter.MakeActivity();
        activity.Type = ActivityTypes.Event;
        activity.Name = ReferralRoute.Name;
        activity.Text = null;
        activity.Value = new JObject { ["ref"] = reference, ["source"] = "SHORTLINK", ["type"] = "OPEN_THREAD" };
        return activity;
    }

    [Fact]
    public async Task ReferralOutOfHours_SaysAwayWithTheWelcome_AndNotInTheMiddleOfTheShoppersAnswers()
    {
        var bot = new BotHarness(fixture, clock: new FakeTimeProvider(TuesdayEvening));
        var chat = bot.Chat("facebook");
        var away = bot.Text(AwayNotices.AwayKey, "back_at", null);

        var arrival = await chat.SendAsync(Referral(chat, "space-gifts"));
        var answer = await chat.SendAsync("under 60");

        Assert.Equal("Looking for space gifts? Let's find one.", arrival[0].Text);
        Assert.Single(arrival.Texts(), t => t.StartsWith(away[..20], StringComparison.Ordinal));
        Assert.Equal(bot.Text(GiftFinderText.AskBudget), arrival[^1].Text);
        Assert.DoesNotContain(answer.Texts(), t => t.StartsWith(away[..20], StringComparison.Ordinal));
        Assert.True(answer.HasCarousel(), ReplyAssertions.Describe(answer));
    }
}
