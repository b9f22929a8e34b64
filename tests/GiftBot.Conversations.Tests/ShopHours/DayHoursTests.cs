using GiftBot.Conversations.Tests.Automations;
using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Conversations.Text;
using Microsoft.Extensions.Time.Testing;

namespace GiftBot.Conversations.Tests.ShopHours;

/// <summary>
/// A question about one day gets that day's hours from content/hours.json (holidays and special hours included), never
/// the usual week. The bot's clock is Tuesday 1 December 2026, 10:00 in Dublin.
/// </summary>
[Collection(ConversationCollection.Name)]
public sealed class DayHoursTests(ConversationFixture fixture)
{
    private static readonly Dictionary<string, string?> NoInstantReply = new() { ["InstantReply:Enabled"] = "false" };

    private static Dictionary<string, string?> Tokens(params (string Name, string? Value)[] tokens) => tokens.ToDictionary(t => t.Name, t => t.Value);

    private string Text(string key, string locale, params (string Name, string? Value)[] tokens) => fixture.Text.Get(key, locale, Tokens(tokens));

    private string Open(string locale, string day, string hours, string zone) => Text("hours.day.open", locale, ("day", day), ("hours", hours), ("zone_label", zone));

    private string Closed(string locale, string day) => Text("hours.day.closed", locale, ("day", day));

    private async Task<Microsoft.Bot.Schema.Activity> AskAsync(string question, string locale = "en-US")
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply, clock: new FakeTimeProvider(AssistantHarness.OpenTuesday));
        var chat = bot.Chat();
        var activity = chat.Adapter.MakeActivity(question);
        activity.Locale = locale;
        return Assert.Single(await chat.SendAsync(activity));
    }

    [Fact]
    public async Task ANamedHoliday_GetsItsSpecialHours()
    {
        var reply = await AskAsync("are you open on christmas eve?");

        Assert.Equal(Open("en-US", Text("hours.day.holiday", "en-US", ("name", "Christmas Eve"), ("date", "December 24")), "9:00–13:00", "Irish time"), reply.Text);
        Assert.Equal([Payloads.FindGift, Payloads.TalkToHuman], reply.QuickReplyValues());
    }

    [Fact]
    public async Task Tomorrow_GetsTomorrowsHours()
    {
        var reply = await AskAsync("what time do you close tomorrow?");

        Assert.Equal(Open("en-US", Text("hours.day.tomorrow", "en-US", ("weekday", "Wednesday"), ("date", "December 2")), "9:00–17:30", "Irish time"), reply.Text);
    }

    [Fact]
    public async Task AWeekdayTheShopIsClosed_SaysClosed()
    {
        var reply = await AskAsync("are you open on sunday?");

        Assert.Equal(Closed("en-US", Text("hours.day.other", "en-US", ("weekday", "Sunday"), ("date", "December 6"))), reply.Text);
    }

    [Fact]
    public async Task ADayOfTheMonth_ThatIsAYearlyHoliday_SaysClosed_WithTheHolidaysName()
    {
        var reply = await AskAsync("open on the 26th?");

        Assert.Equal(Closed("en-US", Text("hours.day.holiday", "en-US", ("name", "St Stephen's Day"), ("date", "December 26"))), reply.Text);
    }

    [Theory]
    [InlineData("open boxing day?", "St Stephen's Day", "December 26")]
    [InlineData("closed on patricks day?", "St Patrick's Day", "March 17")]
    [InlineData("christmas hours", "Christmas Day", "December 25")]
    [InlineData("new year open?", "New Year's Day", "January 1")]
    public async Task AHolidayByAnotherOfItsNames_OrWithoutSaintOrDay_GetsThatDaysHours(string question, string holiday, string date)
    {
        var reply = await AskAsync(question);

        Assert.Equal(Closed("en-US", Text("hours.day.holiday", "en-US", ("name", holiday), ("date", date))), reply.Text);
    }

    [Fact]
    public async Task ShortenedHoursWords_WithADay_GetThatDaysHours()
    {
        var reply = await AskAsync("sunday hrs?");

        Assert.Equal(Closed("en-US", Text("hours.day.other", "en-US", ("weekday", "Sunday"), ("date", "December 6"))), reply.Text);
    }

    [Fact]
    public async Task TheLongestNameWins_ChristmasEveIsNotChristmasDay()
    {
        var reply = await AskAsync("open christmas eve?");

        Assert.Equal(Open("en-US", Text("hours.day.holiday", "en-US", ("name", "Christmas Eve"), ("date", "December 24")), "9:00–13:00", "Irish time"), reply.Text);
    }

    [Fact]
    public async Task InFrench_AHolidayByAnotherOfItsNames_IsAnsweredInFrench()
    {
        var reply = await AskAsync("ouvert le lendemain de noël ?", "fr-FR");

        Assert.Equal(Closed("fr-FR", Text("hours.day.holiday", "fr-FR", ("name", "Saint-Étienne"), ("date", "26 décembre"))), reply.Text);
    }

    [Fact]
    public async Task InFrench_ADateWithItsMonth_IsAnsweredInFrench()
    {
        var reply = await AskAsync("êtes-vous ouverts le 24 décembre ?", "fr-FR");

        Assert.Equal(Open("fr-FR", Text("hours.day.holiday", "fr-FR", ("name", "Veille de Noël"), ("date", "24 décembre")), "09h00–13h00", "heure irlandaise"), reply.Text);
    }

    [Fact]
    public async Task NoDayNamed_StillGetsTheWeeklyHours()
    {
        var reply = await AskAsync("when are you open?");

        var card = Assert.Single(reply.HeroCards());
        Assert.StartsWith(fixture.Content.Faq.Find("stores-and-hours")!.Answer!.Resolve(fixture.Content.Text, "en-US", "en-US")![..40], card.Text);
    }

    [Fact]
    public async Task AGiftRequestNamingADay_StaysAGiftRequest()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply, clock: new FakeTimeProvider(AssistantHarness.OpenTuesday));
        var replies = await bot.Chat().SendAsync("something my son can open on christmas day");

        Assert.DoesNotContain(replies.Texts(), t => t.Contains("Christmas Day (December 25)", StringComparison.Ordinal));
        Assert.True(replies.HasCarousel() || replies.Texts().Any(t => t.EndsWith('?')), ReplyAssertions.Describe(replies));
    }
}
