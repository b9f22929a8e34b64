using NodaTime;

namespace GiftBot.Content;

/// <summary>
/// When people answer (content/hours.json): weekly intervals in the shop's IANA time zone plus dated exceptions.
/// Hours are wall-clock times in that zone, so they follow daylight saving changes; a holiday is a date in that zone.
/// </summary>
public sealed class OpeningHours(
    DateTimeZone zone,
    IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<OpeningInterval>> week,
    IReadOnlyList<HoursException> exceptions,
    bool awayOnFirstMessage,
    LocalizedText? zoneLabel = null)
{
    public const string FileName = "hours.json";
    private const int SearchDays = 400; // more than a year, so yearly holidays can't hide the next opening

    public DateTimeZone Zone { get; } = zone;
    public IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<OpeningInterval>> Week { get; } = week;
    public IReadOnlyList<HoursException> Exceptions { get; } = exceptions;

    /// <summary>Whether the first message a person sends outside hours also gets the away message (not only requests for a human).</summary>
    public bool AwayOnFirstMessage { get; } = awayOnFirstMessage;

    /// <summary>How to name the shop's time zone to shoppers whose own zone is unknown ("UK time").</summary>
    public LocalizedText? ZoneLabel { get; } = zoneLabel;

    /// <summary>The intervals that apply on a date of the shop's calendar: a dated exception, else a yearly one, else the weekday.</summary>
    public IReadOnlyList<OpeningInterval> IntervalsOn(LocalDate date) =>
        ExceptionOn(date)?.Intervals ?? (Week.TryGetValue(date.DayOfWeek, out var intervals) ? intervals : []);

    public HoursException? ExceptionOn(LocalDate date) =>
        Exceptions.FirstOrDefault(e => e.Date == date) ?? Exceptions.FirstOrDefault(e => e.Date is null && e.AppliesTo(date));

    public bool IsOpen(Instant instant)
    {
        var local = instant.InZone(Zone).LocalDateTime;
        return IntervalsOn(local.Date).Any(i => i.Contains(local.TimeOfDay));
    }

    /// <summary>The earliest moment at or after <paramref name="from"/> when the shop is open (itself, if open); null if never within a year.</summary>
    public ZonedDateTime? NextOpening(Instant from)
    {
        if (IsOpen(from)) return from.InZone(Zone);
        var start = from.InZone(Zone).Date;
        for (var day = 0; day < SearchDays; day++)
        {
            var date = start.PlusDays(day);
            foreach (var interval in IntervalsOn(date).OrderBy(i => i.From))
            {
                var opening = AtOrAfter(date + interval.From, from);
                if (opening is { } found && IsOpen(found.ToInstant())) return found;
            }
        }
        return null;
    }

    // A wall-clock opening time as a real instant: skipped by a spring-forward gap it moves to the end of the gap;
    // repeated by a fall-back overlap the first occurrence not before "from" counts.
    private ZonedDateTime? AtOrAfter(LocalDateTime local, Instant from)
    {
        var mapping = Zone.MapLocal(local);
        if (mapping.Count == 0)
        {
            var gapEnd = mapping.LateInterval.Start;
            return gapEnd >= from ? gapEnd.InZone(Zone) : null;
        }
        if (mapping.First().ToInstant() >= from) return mapping.First();
        return mapping.Count == 2 && mapping.Last().ToInstant() >= from ? mapping.Last() : null;
    }
}
