using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace GiftBot.Content;

/// <summary>
/// Renders opening hours for people: "back at" ("tomorrow at 9:00", "on Monday at 9:00") and the weekly summary behind
/// {{opening_hours}}. All words and formats come from the hours.* keys in content/text/{locale}/hours.json.
/// </summary>
public sealed class HoursText(OpeningHours hours, IBotText text, string defaultLocale)
{
    public static readonly IReadOnlyList<string> RequiredKeys =
    [
        "hours.backAt.now", "hours.backAt.today", "hours.backAt.tomorrow", "hours.backAt.weekday", "hours.backAt.date",
        "hours.backAt.unknown", "hours.backAt.shopTime", "hours.format.time", "hours.format.date",
        "hours.summary.closed", "hours.summary.day", "hours.summary.dayRange", "hours.summary.timeRange",
        "hours.summary.allDay", "hours.summary.midnight", "hours.summary.closedToday", "hours.summary.specialToday",
        "hours.summary.intervalSeparator", "hours.summary.groupSeparator",
        "hours.day.open", "hours.day.closed", "hours.day.holiday", "hours.day.today", "hours.day.tomorrow", "hours.day.other",
        .. Enum.GetValues<IsoDayOfWeek>().Skip(1).SelectMany(d => new[] { WeekdayKey(d), WeekdayShortKey(d) }),
    ];

    /// <summary>The hours these words are about.</summary>
    public OpeningHours Hours => hours;

    /// <summary>The locale a day's name falls back to.</summary>
    public string DefaultLocale => defaultLocale;

    /// <summary>
    /// The hours of one day asked about ("Christmas Eve (December 24): the team is here 9:00–13:00 (Irish time)."): the day
    /// named by its exception's name, or as today/tomorrow, else by weekday and date; its hours in the shop's zone.
    /// </summary>
    public string Day(LocalDate date, LocalDate today, string? locale)
    {
        var formattedDate = LocalDatePattern.Create(text.Get("hours.format.date", locale), Culture(locale)).Format(date);
        var weekday = text.Get(WeekdayKey(date.DayOfWeek), locale);
        var name = hours.ExceptionOn(date)?.Name?.Get(locale, defaultLocale);
        var day = !string.IsNullOrWhiteSpace(name) ? text.Get("hours.day.holiday", locale, Tokens(("name", name), ("date", formattedDate)))
            : text.Get(date == today ? "hours.day.today" : date == today.PlusDays(1) ? "hours.day.tomorrow" : "hours.day.other", locale,
                Tokens(("weekday", weekday), ("date", formattedDate)));
        var intervals = hours.IntervalsOn(date);
        if (intervals.Count == 0) return text.Get("hours.day.closed", locale, Tokens(("day", day)));
        return text.Get("hours.day.open", locale, Tokens(("day", day), ("hours", DayHours(intervals, locale)),
            ("zone_label", hours.ZoneLabel?.Get(locale, defaultLocale) ?? hours.Zone.Id)));
    }

    /// <summary>When the team is next available, in the shopper's zone when known (else the shop's, labelled).</summary>
    public string BackAt(Instant now, string? locale, DateTimeZone? shopperZone)
    {
        var opening = hours.NextOpening(now);
        if (opening is null) return text.Get("hours.backAt.unknown", locale);
        if (opening.Value.ToInstant() <= now) return text.Get("hours.backAt.now", locale);
        var zone = shopperZone ?? hours.Zone;
        var when = Describe(opening.Value.ToInstant().InZone(zone).LocalDateTime, now.InZone(zone).Date, locale);
        var label = shopperZone is null ? hours.ZoneLabel?.Get(locale, defaultLocale) : null;
        return string.IsNullOrWhiteSpace(label) ? when
            : text.Get("hours.backAt.shopTime", locale, new Dictionary<string, string?> { ["when"] = when, ["zone_label"] = label });
    }

    /// <summary>
    /// The week as <see cref="WeeklySummary(string?)"/>, led by today when a holiday or special hours change it
    /// ("closed today; usually Mon–Fri ..."): the usual Friday hours must not be given on a closed Friday.
    /// </summary>
    public string Summary(string? locale, Instant now)
    {
        var week = WeeklySummary(locale);
        var today = now.InZone(hours.Zone).Date;
        if (hours.ExceptionOn(today) is not { } exception) return week;
        return exception.IsClosed
            ? text.Get("hours.summary.closedToday", locale, Tokens(("week", week)))
            : text.Get("hours.summary.specialToday", locale, Tokens(("hours", DayHours(exception.Intervals, locale)), ("week", week)));
    }

    /// <summary>The week in the shop's zone, consecutive days with the same hours grouped: "Mon–Fri 9:00–17:30; Sat 10:00–16:00; Sun closed".</summary>
    public string WeeklySummary(string? locale)
    {
        var groups = new List<(IsoDayOfWeek First, IsoDayOfWeek Last, string Hours)>();
        foreach (var day in Enum.GetValues<IsoDayOfWeek>().Skip(1))
        {
            var dayHours = DayHours(hours.Week.TryGetValue(day, out var intervals) ? intervals : [], locale);
            if (groups.Count > 0 && groups[^1].Hours == dayHours) groups[^1] = (groups[^1].First, day, dayHours);
            else groups.Add((day, day, dayHours));
        }
        var parts = groups.Select(g => text.Get("hours.summary.day", locale, new Dictionary<string, string?>
        {
            ["days"] = g.First == g.Last ? text.Get(WeekdayShortKey(g.First), locale)
                : text.Get("hours.summary.dayRange", locale, Tokens(("from", text.Get(WeekdayShortKey(g.First), locale)), ("to", text.Get(WeekdayShortKey(g.Last), locale)))),
            ["hours"] = g.Hours,
        }));
        return string.Join(text.Get("hours.summary.groupSeparator", locale), parts);
    }

    // 00:00-24:00 is "open all day", and an interval closing at 24:00 ends at "midnight", never "0:00".
    private string DayHours(IReadOnlyList<OpeningInterval> intervals, string? locale) =>
        intervals.Count == 0 ? text.Get("hours.summary.closed", locale)
            : intervals.Any(i => i.From == LocalTime.Midnight && i.EndOfDay) ? text.Get("hours.summary.allDay", locale)
            : string.Join(text.Get("hours.summary.intervalSeparator", locale), intervals.Select(i => text.Get("hours.summary.timeRange", locale,
                Tokens(("from", FormatTime(i.From, locale)), ("to", i.EndOfDay ? text.Get("hours.summary.midnight", locale) : FormatTime(i.To, locale))))));

    private string Describe(LocalDateTime at, LocalDate today, string? locale)
    {
        var days = Period.Between(today, at.Date, PeriodUnits.Days).Days;
        var key = days switch { 0 => "hours.backAt.today", 1 => "hours.backAt.tomorrow", < 7 => "hours.backAt.weekday", _ => "hours.backAt.date" };
        return text.Get(key, locale, Tokens(
            ("time", FormatTime(at.TimeOfDay, locale)),
            ("weekday", text.Get(WeekdayKey(at.DayOfWeek), locale)),
            ("date", LocalDatePattern.Create(text.Get("hours.format.date", locale), Culture(locale)).Format(at.Date))));
    }

    private string FormatTime(LocalTime time, string? locale) =>
        LocalTimePattern.Create(text.Get("hours.format.time", locale), Culture(locale)).Format(time);

    // CultureInfo.GetCultureInfo takes a process-wide lock; times are formatted several times per summary.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, CultureInfo> Cultures = new(StringComparer.OrdinalIgnoreCase);

    private static CultureInfo Culture(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale)) return CultureInfo.InvariantCulture;
        if (Cultures.TryGetValue(locale, out var known)) return known;
        CultureInfo culture;
        try { culture = CultureInfo.GetCultureInfo(LocaleFallback.Normalize(locale)); }
        catch (CultureNotFoundException) { culture = CultureInfo.InvariantCulture; }
        return Cultures.Count < 64 ? Cultures.GetOrAdd(locale, culture) : culture;
    }

    private static Dictionary<string, string?> Tokens(params (string Name, string Value)[] tokens) =>
        tokens.ToDictionary(t => t.Name, t => (string?)t.Value);

    public static string WeekdayKey(IsoDayOfWeek day) => $"hours.weekdays.{day.ToString().ToLowerInvariant()}";
    public static string WeekdayShortKey(IsoDayOfWeek day) => $"hours.weekdaysShort.{day.ToString().ToLowerInvariant()}";
}
