using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace GiftBot.Content;

/// <summary>Open from <see cref="From"/> until <see cref="To"/> (exclusive) in the shop's local time; "24:00" is written as <see cref="EndOfDay"/>.</summary>
public sealed record OpeningInterval(LocalTime From, LocalTime To, bool EndOfDay)
{
    private static readonly LocalTimePattern Pattern = LocalTimePattern.Create("HH:mm", CultureInfo.InvariantCulture);

    public bool Contains(LocalTime time) => time >= From && (EndOfDay || time < To);

    public bool Overlaps(OpeningInterval other) =>
        From < (other.EndOfDay ? LocalTime.MaxValue : other.To) && other.From < (EndOfDay ? LocalTime.MaxValue : To);

    /// <summary>Parses "09:00-17:30" (also with "–" or spaces); "24:00" closes at midnight.</summary>
    public static OpeningInterval Parse(string text, string file, string path)
    {
        var parts = text.Replace('–', '-').Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2) throw new ContentLoadException(file, path, $"'{text}' must look like \"09:00-17:30\"");
        var from = ParseTime(parts[0], text, file, path);
        var endOfDay = parts[1] == "24:00";
        var to = endOfDay ? LocalTime.Midnight : ParseTime(parts[1], text, file, path);
        if (!endOfDay && to <= from) throw new ContentLoadException(file, path, $"'{text}' must end after it starts (use 24:00 for midnight)");
        return new OpeningInterval(from, to, endOfDay);
    }

    private static LocalTime ParseTime(string value, string text, string file, string path)
    {
        var result = Pattern.Parse(value.Length == 4 ? "0" + value : value);
        return result.Success ? result.Value : throw new ContentLoadException(file, path, $"'{text}' has an invalid time '{value}' (use HH:mm)");
    }
}

/// <summary>
/// A dated change to the weekly hours: a holiday (no intervals) or special hours; yearly when written "MM-DD".
/// <see cref="Name"/> names the day in answers; <see cref="OtherNames"/> (per locale) are other names shoppers use for it
/// ("Boxing Day" for St Stephen's Day).
/// </summary>
public sealed record HoursException(LocalDate? Date, AnnualDate? EveryYear, IReadOnlyList<OpeningInterval> Intervals, LocalizedText? Name,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? OtherNames = null)
{
    public bool AppliesTo(LocalDate date) => Date is { } d ? d == date : EveryYear!.Value.IsValidYear(date.Year) && EveryYear.Value.InYear(date.Year) == date;
    public bool IsClosed => Intervals.Count == 0;

    /// <summary>Every name of the day in one locale (falling back like all content): its name first, then its other names.</summary>
    public IReadOnlyList<string> NamesFor(string? locale, string defaultLocale)
    {
        var names = new List<string>();
        if (Name?.Get(locale, defaultLocale) is { Length: > 0 } name) names.Add(name);
        if (OtherNames is { Count: > 0 } && LocaleFallback.Candidates(locale, OtherNames.Keys, defaultLocale).FirstOrDefault(OtherNames.ContainsKey) is { } resolved)
            names.AddRange(OtherNames[resolved]);
        return names;
    }
}
