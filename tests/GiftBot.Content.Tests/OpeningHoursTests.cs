using NodaTime;

namespace GiftBot.Content.Tests;

public class OpeningHoursTests
{
    private static readonly OpeningHours Shipped = OpeningHoursLoader.Load(Path.Combine(BotContent.ResolveRoot("content"), "hours.json"));

    private static Instant Utc(int y, int m, int d, int h, int min = 0) => Instant.FromUtc(y, m, d, h, min);

    [Theory]
    [InlineData(2026, 6, 9, 8, 30, true)]    // Tuesday 09:30 Irish summer time
    [InlineData(2026, 1, 13, 8, 30, false)]  // Tuesday 08:30 Irish winter time: not yet
    [InlineData(2026, 1, 13, 17, 29, true)]  // Tuesday 17:29 GMT
    [InlineData(2026, 6, 13, 14, 59, true)]  // Saturday 15:59 IST
    [InlineData(2026, 6, 14, 12, 0, false)]  // Sunday
    public void IsOpen_FollowsWallClockHoursInTheShopsZone(int y, int m, int d, int h, int min, bool open) =>
        Assert.Equal(open, Shipped.IsOpen(Utc(y, m, d, h, min)));

    [Fact]
    public void NextOpening_AcrossTheSpringDstChange_IsNineOClockSummerTime()
    {
        // Saturday 28 March 2026 after closing; clocks go forward on Sunday 29 March.
        var next = Shipped.NextOpening(Utc(2026, 3, 28, 17))!.Value;

        Assert.Equal(new LocalDateTime(2026, 3, 30, 9, 0), next.LocalDateTime);
        Assert.Equal(Utc(2026, 3, 30, 8), next.ToInstant());
    }

    [Fact]
    public void NextOpening_AcrossTheAutumnDstChange_IsNineOClockWinterTime()
    {
        var next = Shipped.NextOpening(Utc(2026, 10, 24, 16))!.Value;

        Assert.Equal(Utc(2026, 10, 26, 9), next.ToInstant());
    }

    [Fact]
    public void Holiday_FollowsTheShopsCalendar_WhileItIsStillChristmasEveForTheShopper()
    {
        // 17:00 on 24 December in Los Angeles is already 01:00 on Christmas Day in Dublin; the 25th, St Stephen's Day
        // (Saturday 26th) and Sunday are closed, so the team is back on Monday 28th.
        var now = Instant.FromUtc(2026, 12, 25, 1, 0);
        var losAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

        Assert.Equal(new LocalDate(2026, 12, 24), now.InZone(losAngeles).Date);
        Assert.False(Shipped.IsOpen(now));
        Assert.Equal("Christmas Day", Shipped.ExceptionOn(now.InZone(Shipped.Zone).Date)?.Name?.Get("en-US", "en-US"));
        Assert.Equal(Utc(2026, 12, 28, 9), Shipped.NextOpening(now)!.Value.ToInstant());
    }

    [Fact]
    public void SpecialHours_ReplaceTheWeekdayHours()
    {
        Assert.True(Shipped.IsOpen(Utc(2026, 12, 24, 12, 59)));   // Christmas Eve 09:00-13:00
        Assert.False(Shipped.IsOpen(Utc(2026, 12, 24, 13, 0)));
    }

    [Fact]
    public void YearlyHolidays_ApplyEveryYear() =>
        Assert.False(Shipped.IsOpen(Utc(2029, 12, 25, 11))); // a Tuesday

    [Fact]
    public void SeveralIntervalsPerDay_CloseForLunch()
    {
        var hours = Load("""{"timeZone": "Europe/Paris", "week": {"monday": ["09:00-12:30", "13:30-18:00"]}}""");
        var lunch = Instant.FromUtc(2026, 1, 5, 12, 0); // Monday 13:00 in Paris

        Assert.False(hours.IsOpen(lunch));
        Assert.Equal(new LocalDateTime(2026, 1, 5, 13, 30), hours.NextOpening(lunch)!.Value.LocalDateTime);
    }

    [Fact]
    public void OpeningTimeSkippedByTheDstGap_OpensWhenTheClockJumps()
    {
        // New York skips 02:00-03:00 on Sunday 8 March 2026; an opening at 02:30 happens at 03:00 EDT.
        var hours = Load("""{"timeZone": "America/New_York", "week": {"sunday": ["02:30-05:00"]}}""");

        var next = hours.NextOpening(Instant.FromUtc(2026, 3, 8, 5, 0))!.Value;

        Assert.Equal(Instant.FromUtc(2026, 3, 8, 7, 0), next.ToInstant());
        Assert.Equal(new LocalTime(3, 0), next.TimeOfDay);
    }

    [Fact]
    public void NextOpening_IsNull_WhenNeverOpen() =>
        Assert.Null(Load("""{"timeZone": "UTC", "week": {}}""").NextOpening(Utc(2026, 1, 1, 0)));

    [Fact]
    public void NextOpening_IsNow_WhenOpen() =>
        Assert.Equal(Utc(2026, 6, 9, 10), Shipped.NextOpening(Utc(2026, 6, 9, 10))!.Value.ToInstant());

    [Theory]
    [InlineData("""{"timeZone": "Europe/Lodnon", "week": {}}""", "timeZone")]
    [InlineData("""{"timeZone": "UTC", "week": {"monday": ["09:00-12:00", "11:00-14:00"]}}""", "week.monday")]
    [InlineData("""{"timeZone": "UTC", "week": {"monday": ["9h-17h"]}}""", "week.monday[0]")]
    [InlineData("""{"timeZone": "UTC", "week": {"monday": ["17:00-09:00"]}}""", "week.monday[0]")]
    [InlineData("""{"timeZone": "UTC", "week": {"mondy": []}}""", "week.mondy")]
    [InlineData("""{"timeZone": "UTC", "week": {}, "exceptions": [{"date": "25/12", "closed": true}]}""", "exceptions[0].date")]
    [InlineData("""{"timeZone": "UTC", "week": {}, "exceptions": [{"date": "12-26", "closed": true, "otherNames": "Boxing Day"}]}""", "exceptions[0].otherNames")]
    public void RejectsInvalidHours_NamingTheKey(string json, string path)
    {
        var ex = Assert.Throws<ContentLoadException>(() => Load(json));
        Assert.Equal(path, ex.Path);
    }

    [Fact]
    public void AHolidaysOtherNames_AreReadPerLocale_AfterItsName()
    {
        var hours = Load("""{"timeZone": "UTC", "week": {}, "exceptions": [{"date": "12-26", "closed": true, "name": {"en-US": "St Stephen's Day", "fr-FR": "Saint-Étienne"}, "otherNames": {"en-US": ["Boxing Day"], "fr-FR": ["lendemain de Noël"]}}]}""");

        var holiday = Assert.Single(hours.Exceptions);
        Assert.Equal(["St Stephen's Day", "Boxing Day"], holiday.NamesFor("en-GB", "en-US"));
        Assert.Equal(["Saint-Étienne", "lendemain de Noël"], holiday.NamesFor("fr-FR", "en-US"));
    }

    internal static OpeningHours Load(string json)
    {
        var file = Path.Combine(Path.GetTempPath(), $"hours-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json);
        try { return OpeningHoursLoader.Load(file); }
        finally { File.Delete(file); }
    }
}
