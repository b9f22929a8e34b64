using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace GiftBot.Content;

/// <summary>
/// Reads content/hours.json: {"timeZone": "Europe/London", "timeZoneLabel": text, "awayOnFirstMessage": true,
/// "week": {"monday": ["09:00-17:30"], "sunday": []}, "exceptions": [{"date": "12-25" | "2026-12-24", "hours": [...] | "closed": true, "name": text, "otherNames": {locale: [...]}}]}:
/// the name and other names are how shoppers ask for the day ("are you open on Christmas Eve?", "open boxing day?").
/// A weekday left out is closed.
/// </summary>
public static class OpeningHoursLoader
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.CreateWithInvariantCulture("uuuu-MM-dd");
    private static readonly AnnualDatePattern YearlyPattern = AnnualDatePattern.CreateWithInvariantCulture("MM-dd");

    public static OpeningHours Load(string file)
    {
        using var doc = ContentJson.ParseFile(file);
        var root = ContentJson.RequireObject(doc.RootElement, file, "");
        var zoneId = ContentJson.RequiredString(root, "timeZone", file, "");
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)
            ?? throw new ContentLoadException(file, "timeZone", $"'{zoneId}' is not an IANA time zone id (e.g. \"Europe/London\")");
        var away = root.TryGetProperty("awayOnFirstMessage", out var a) && a.ValueKind == JsonValueKind.True;
        return new OpeningHours(zone, ReadWeek(root, file), ReadExceptions(root, file), away,
            ContentJson.OptionalLocalized(root, "timeZoneLabel", file, ""));
    }

    private static Dictionary<IsoDayOfWeek, IReadOnlyList<OpeningInterval>> ReadWeek(JsonElement root, string file)
    {
        if (!root.TryGetProperty("week", out var week) || week.ValueKind != JsonValueKind.Object)
            throw new ContentLoadException(file, "week", "is required: {\"monday\": [\"09:00-17:30\"], ...}");
        var result = new Dictionary<IsoDayOfWeek, IReadOnlyList<OpeningInterval>>();
        foreach (var day in week.EnumerateObject())
        {
            if (!Enum.TryParse<IsoDayOfWeek>(day.Name, ignoreCase: true, out var weekday) || weekday == IsoDayOfWeek.None || int.TryParse(day.Name, out _))
                throw new ContentLoadException(file, $"week.{day.Name}", "is not a weekday name (monday ... sunday)");
            result[weekday] = ReadIntervals(week, day.Name, file, $"week.{day.Name}");
        }
        return result;
    }

    private static List<HoursException> ReadExceptions(JsonElement root, string file)
    {
        var result = new List<HoursException>();
        if (!root.TryGetProperty("exceptions", out var list) || list.ValueKind == JsonValueKind.Null) return result;
        if (list.ValueKind != JsonValueKind.Array) throw new ContentLoadException(file, "exceptions", "must be a list");
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var path = $"exceptions[{index++}]";
            var obj = ContentJson.RequireObject(item, file, path);
            var dateText = ContentJson.RequiredString(obj, "date", file, path);
            var closed = obj.TryGetProperty("closed", out var c) && c.ValueKind == JsonValueKind.True;
            var intervals = closed ? [] : ReadIntervals(obj, "hours", file, $"{path}.hours");
            if (!closed && !obj.TryGetProperty("hours", out _))
                throw new ContentLoadException(file, path, "needs \"closed\": true or \"hours\": [\"10:00-14:00\"]");
            var name = ContentJson.OptionalLocalized(obj, "name", file, path);
            var otherNames = ContentJson.LocalizedLists(obj, "otherNames", file, path);
            var exact = DatePattern.Parse(dateText);
            var yearly = exact.Success ? null : YearlyPattern.Parse(dateText);
            if (!exact.Success && !yearly!.Success)
                throw new ContentLoadException(file, $"{path}.date", $"'{dateText}' must be \"2026-12-24\" (one day) or \"12-25\" (every year)");
            var exception = exact.Success ? new HoursException(exact.Value, null, intervals, name, otherNames) : new HoursException(null, yearly!.Value, intervals, name, otherNames);
            if (result.Any(e => e.Date == exception.Date && Nullable.Equals(e.EveryYear, exception.EveryYear)))
                throw new ContentLoadException(file, $"{path}.date", $"'{dateText}' is listed twice");
            result.Add(exception);
        }
        return result;
    }

    private static IReadOnlyList<OpeningInterval> ReadIntervals(JsonElement obj, string name, string file, string path)
    {
        var intervals = ContentJson.StringList(obj, name, file, path.Contains('.') ? path[..path.LastIndexOf('.')] : "")
            .Select((text, i) => OpeningInterval.Parse(text, file, $"{path}[{i}]")).OrderBy(i => i.From).ToList();
        for (var i = 1; i < intervals.Count; i++)
            if (intervals[i].Overlaps(intervals[i - 1]))
                throw new ContentLoadException(file, path, "has overlapping intervals");
        return intervals;
    }
}
