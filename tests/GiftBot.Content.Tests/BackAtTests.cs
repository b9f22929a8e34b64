using NodaTime;

namespace GiftBot.Content.Tests;

public class BackAtTests
{
    private static readonly BotContent Content = BotContent.Load(BotContent.ResolveRoot("content"));
    private static readonly HoursText Hours = Content.HoursText;

    private static string Expected(string key, string time, string? weekday = null, string locale = "en-US") =>
        Content.Text.Get(key, locale, new Dictionary<string, string?>
        {
            ["time"] = time,
            ["weekday"] = weekday is null ? null : Content.Text.Get($"hours.weekdays.{weekday}", locale),
        });

    [Fact]
    public void SaysTomorrow_InTheShoppersOwnZone_GivenAsAnIanaId()
    {
        // Tuesday 20:00 in Dublin = 15:00 in New York; back Wednesday 09:00 Dublin = 04:00 New York.
        var text = Hours.BackAt(Instant.FromUtc(2026, 6, 9, 19, 0), "en-US", ShopperTimeZone.Parse("America/New_York"));

        Assert.Equal(Expected("hours.backAt.tomorrow", "4:00"), text);
    }

    [Theory]
    [InlineData("-5", "4:00")]   // Messenger's profile timezone: a UTC offset in hours
    [InlineData("5.5", "14:30")]
    [InlineData("+1", "10:00")]
    public void RendersMessengerUtcOffsets(string offset, string time)
    {
        // Saturday 12 December 2026 17:00 UTC: closed; back Monday 14th at 09:00 in Dublin, which is 09:00 UTC in winter.
        var text = Hours.BackAt(Instant.FromUtc(2026, 12, 12, 17, 0), "en-US", ShopperTimeZone.Parse(offset));

        Assert.Equal(Expected("hours.backAt.weekday", time, "monday"), text);
    }

    [Fact]
    public void SaysToday_WhenTheTeamComesBackLaterTheSameDay() =>
        Assert.Equal(Expected("hours.backAt.today", "9:00"), Hours.BackAt(Instant.FromUtc(2026, 1, 13, 7, 0), "en-US", ShopperTimeZone.Parse("Europe/Dublin")));

    [Fact]
    public void NamesTheShopsZone_WhenTheShoppersZoneIsUnknown()
    {
        var text = Hours.BackAt(Instant.FromUtc(2026, 6, 9, 19, 0), "en-US", shopperZone: null);

        var when = Expected("hours.backAt.tomorrow", "9:00");
        Assert.Equal(Content.Text.Get("hours.backAt.shopTime", "en-US",
            new Dictionary<string, string?> { ["when"] = when, ["zone_label"] = Content.Hours.ZoneLabel!.Get("en-US", "en-US") }), text);
    }

    [Fact]
    public void AcrossTheChristmasHolidays_InLosAngeles_SaysMonday()
    {
        var text = Hours.BackAt(Instant.FromUtc(2026, 12, 25, 1, 0), "en-US", ShopperTimeZone.Parse("America/Los_Angeles"));

        Assert.Equal(Expected("hours.backAt.weekday", "1:00", "monday"), text); // Monday 28th 09:00 GMT = 01:00 PST
    }

    [Fact]
    public void WritesFrenchWordsAndTimes_ForFrenchShoppers() =>
        Assert.Equal(Expected("hours.backAt.tomorrow", "04h00", locale: "fr-FR"),
            Hours.BackAt(Instant.FromUtc(2026, 6, 9, 19, 0), "fr_CA", ShopperTimeZone.Parse("America/New_York")));

    [Fact]
    public void UsesTheDate_WhenTheTeamIsAwayForMoreThanAWeek()
    {
        var hours = OpeningHoursTests.Load("""
            {"timeZone": "Europe/Dublin", "week": {"monday": ["09:00-17:00"]},
             "exceptions": [{"date": "2026-08-03", "closed": true}, {"date": "2026-08-10", "closed": true}]}
            """);
        var text = new HoursText(hours, Content.Text, "en-US").BackAt(Instant.FromUtc(2026, 8, 1, 12, 0), "en-US", ShopperTimeZone.Parse("Europe/Dublin"));

        Assert.Equal(Content.Text.Get("hours.backAt.date", "en-US", new Dictionary<string, string?> { ["date"] = "August 17", ["time"] = "9:00" }), text);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("15")]
    [InlineData("")]
    public void IgnoresTimeZonesThatCannotBeReal(string value) => Assert.Null(ShopperTimeZone.Parse(value));
}
