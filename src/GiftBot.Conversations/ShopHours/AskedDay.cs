using System.Globalization;
using GiftBot.Content;
using GiftBot.Conversations.Text;
using GiftBot.Conversations.Understanding;
using Microsoft.Bot.Builder;
using NodaTime;

namespace GiftBot.Conversations.ShopHours;

/// <summary>
/// The day a sentence names, on the shop's calendar: a named exception ("Christmas Eve", or another of its names,
/// "Boxing Day"), today or tomorrow, a weekday (the next one, today included), or a date ("the 26th", "December 26",
/// "26 décembre"); the next such day from today.
/// </summary>
public static class AskedDay
{
    public static LocalDate? Read(ITurnContext turnContext, BotVoice voice, HoursText hours, string? text, LocalDate today)
    {
        var words = AnswerWords.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return null;

        if (NamedException(turnContext, voice, hours, text) is { } named) return NextOccurrence(named, today);
        if (AnswerWords.Matches(text, voice.List(turnContext, ShopHoursText.TodayWords))) return today;
        if (AnswerWords.Matches(text, voice.List(turnContext, ShopHoursText.TomorrowWords))) return today.PlusDays(1);
        foreach (var day in Enum.GetValues<IsoDayOfWeek>().Skip(1))
            if (AnswerWords.Matches(text, [voice.Line(turnContext, HoursText.WeekdayKey(day))]))
                return today.With(DateAdjusters.NextOrSame(day));
        return Date(turnContext, voice, words, today);
    }

    // The exception whose name the text holds, the longest name winning ("Christmas Eve" over "Christmas"). A name's words
    // that shoppers leave out at either end ("St", "Day": "stephens day", "St Stephen's") are optional, as long as a word
    // of four letters or more is left ("Jour de l'An" keeps its "Jour").
    private static HoursException? NamedException(ITurnContext turnContext, BotVoice voice, HoursText hours, string? text)
    {
        var optional = voice.List(turnContext, ShopHoursText.NameOptionalWords).Select(AnswerWords.Normalize).ToHashSet(StringComparer.Ordinal);
        var locale = BotVoice.LocaleOf(turnContext);
        HoursException? best = null;
        var bestLength = 0;
        foreach (var exception in hours.Hours.Exceptions)
            foreach (var name in exception.NamesFor(locale, hours.DefaultLocale))
                foreach (var form in new[] { AnswerWords.Normalize(name), Core(name, optional) })
                    if (form.Length > bestLength && AnswerWords.Matches(text, [form])) (best, bestLength) = (exception, form.Length);
        return best;
    }

    private static string Core(string name, HashSet<string> optional)
    {
        var words = AnswerWords.Normalize(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var (first, last) = (0, words.Count - 1);
        while (first <= last && optional.Contains(words[first])) first++;
        while (last >= first && optional.Contains(words[last])) last--;
        var core = words.Skip(first).Take(last - first + 1).ToList();
        return core.Any(w => w.Length >= 4) ? string.Join(' ', core) : string.Join(' ', words);
    }

    // "the 26th", "26th", "le 26", "26 december", "dec 26": a day of the month, with a month or a word that makes it a date.
    private static LocalDate? Date(ITurnContext turnContext, BotVoice voice, string[] words, LocalDate today)
    {
        var ordinals = voice.List(turnContext, ShopHoursText.Ordinals).Select(AnswerWords.Normalize).ToList();
        var prefixes = voice.List(turnContext, ShopHoursText.DatePrefixes).Select(AnswerWords.Normalize).ToHashSet();
        var months = Months(BotVoice.LocaleOf(turnContext));
        for (var i = 0; i < words.Length; i++)
        {
            var digits = new string(words[i].TakeWhile(char.IsDigit).ToArray());
            if (digits.Length is 0 or > 2 || !int.TryParse(digits, out var dayOfMonth) || dayOfMonth is < 1 or > 31) continue;
            var suffix = words[i][digits.Length..];
            if (suffix.Length > 0 && !ordinals.Contains(suffix)) continue;
            int? month = i + 1 < words.Length && months.TryGetValue(words[i + 1], out var after) ? after
                : i > 0 && months.TryGetValue(words[i - 1], out var before) ? before : null;
            if (month is null && suffix.Length == 0 && !(i > 0 && prefixes.Contains(words[i - 1]))) continue;
            return month is { } m ? NextDate(today, m, dayOfMonth) : NextDayOfMonth(today, dayOfMonth);
        }
        return null;
    }

    private static LocalDate? NextDate(LocalDate today, int month, int day)
    {
        for (var year = today.Year; year <= today.Year + 1; year++)
            if (day <= CalendarSystem.Iso.GetDaysInMonth(year, month) && new LocalDate(year, month, day) is var date && date >= today) return date;
        return null;
    }

    private static LocalDate? NextDayOfMonth(LocalDate today, int day)
    {
        for (var months = 0; months < 12; months++)
        {
            var first = new LocalDate(today.Year, today.Month, 1).PlusMonths(months);
            if (day <= CalendarSystem.Iso.GetDaysInMonth(first.Year, first.Month) && first.PlusDays(day - 1) is var date && date >= today) return date;
        }
        return null;
    }

    private static LocalDate NextOccurrence(HoursException exception, LocalDate today) =>
        exception.Date ?? (exception.EveryYear!.Value.InYear(today.Year) is var thisYear && thisYear >= today ? thisYear : exception.EveryYear.Value.InYear(today.Year + 1));

    // Month names and abbreviations in the shopper's language ("december", "dec", "décembre", "déc").
    private static Dictionary<string, int> Months(string? locale)
    {
        CultureInfo culture;
        try { culture = CultureInfo.GetCultureInfo(string.IsNullOrWhiteSpace(locale) ? "en-US" : locale); }
        catch (CultureNotFoundException) { culture = CultureInfo.GetCultureInfo("en-US"); }
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var m = 1; m <= 12; m++)
            foreach (var name in new[] { culture.DateTimeFormat.GetMonthName(m), culture.DateTimeFormat.GetAbbreviatedMonthName(m) })
                if (AnswerWords.Normalize(name) is { Length: > 0 } key) months.TryAdd(key, m);
        return months;
    }
}
