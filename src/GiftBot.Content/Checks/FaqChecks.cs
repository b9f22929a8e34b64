using System.Text.RegularExpressions;

namespace GiftBot.Content;

/// <summary>Checks content/faq.json: unique ids, an answer in every entry, at most 3 valid buttons, URLs, tokens, limits.</summary>
internal static partial class FaqChecks
{
    // Payloads the bot puts on buttons are UPPER_SNAKE commands with an optional ":argument" (see the brief's Payloads).
    [GeneratedRegex(@"^[A-Z][A-Z0-9_]*(:\S+)?$")]
    private static partial Regex PayloadPattern();

    public static void Run(FaqCatalog faq, BotText? text, IReadOnlyDictionary<string, string?> tokenValues, string file, Findings findings)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (entry, index) in faq.Entries.Select((e, i) => (e, i)))
        {
            var path = $"entries[{index}]";
            if (!seen.Add(entry.Id)) findings.Error(file, $"{path}.id", $"'{entry.Id}' is used by an earlier entry; ids must be unique");
            if (entry.Id.Any(c => char.IsWhiteSpace(c) || c == ':'))
                findings.Error(file, $"{path}.id", $"'{entry.Id}' must not contain spaces or ':' (it travels in the FAQ:<id> payload)");
            CheckTexts(entry.Question, faq.DefaultLocale, MessengerLimits.Text, "a message", tokenValues, file, $"{path}.question", findings);
            CheckAnswer(entry, faq.DefaultLocale, text, tokenValues, file, path, findings);
            if (entry.Phrasings.Values.Sum(p => p.Count) == 0)
                findings.Warning(file, $"{path}.phrasings", "is empty: the entry is only recognised by its exact question");
            if (entry.ImageUrl is { } image && !ContentUrl.IsHttpsUrl(image))
                findings.Error(file, $"{path}.imageUrl", $"'{image}' must be an absolute https URL");
            if (entry.Buttons.Count > MessengerLimits.MaxButtons)
                findings.Error(file, $"{path}.buttons", $"has {entry.Buttons.Count} buttons; Messenger shows at most {MessengerLimits.MaxButtons}");
            foreach (var (button, b) in entry.Buttons.Select((x, i) => (x, i)))
                CheckButton(button, faq.DefaultLocale, text, tokenValues, file, $"{path}.buttons[{b}]", findings);
            if (entry.Tags.Any(string.IsNullOrWhiteSpace)) findings.Error(file, $"{path}.tags", "has an empty tag");
            if (entry.Reference is { } reference) CheckReference(entry, reference, faq.DefaultLocale, tokenValues, file, $"{path}.reference", findings);
        }
    }

    private static readonly IReadOnlySet<string> ReferenceTokens = new HashSet<string>(TokenNames.Standard.Append(FaqReference.Token), StringComparer.Ordinal);

    private static void CheckReference(FaqEntry entry, FaqReference reference, string defaultLocale, IReadOnlyDictionary<string, string?> tokenValues,
        string file, string path, Findings findings)
    {
        if (reference.Pattern.IsMatch(""))
            findings.Error(file, $"{path}.pattern", "matches an empty message: every message would be taken for one");
        CheckTexts(reference.Noted, defaultLocale, MessengerLimits.Text, "a message", tokenValues, file, $"{path}.noted", findings, ReferenceTokens);
        CheckTexts(reference.Note, defaultLocale, MessengerLimits.Text, "a note", tokenValues, file, $"{path}.note", findings, ReferenceTokens);
        foreach (var locale in entry.Question.ByLocale.Keys.Where(l => reference.Noted.Invariant is null && !reference.Noted.ByLocale.ContainsKey(l)))
            findings.Warning(file, $"{path}.noted.{locale}", $"is missing: {locale} shoppers get the {defaultLocale} line");
    }

    private static void CheckAnswer(FaqEntry entry, string defaultLocale, BotText? text, IReadOnlyDictionary<string, string?> tokenValues,
        string file, string path, Findings findings)
    {
        if (entry.Answer is null) { findings.Error(file, $"{path}.answer", "is missing: every question needs an answer (\"answer\" or \"answerKey\")"); return; }
        if (entry.Answer.Key is { } key)
        {
            if (text is not null && !text.Has(key))
                findings.Error(file, $"{path}.answerKey", $"'{key}' is not a key in content/text/{defaultLocale}");
            return; // the text itself is checked with the text files
        }
        var inline = entry.Answer.Inline!;
        if (string.IsNullOrWhiteSpace(inline.Get(defaultLocale, defaultLocale)))
            findings.Error(file, $"{path}.answer", $"has no {defaultLocale} (default locale) text");
        foreach (var locale in entry.Question.ByLocale.Keys.Where(l => inline.Invariant is null && !inline.ByLocale.ContainsKey(l)))
            findings.Warning(file, $"{path}.answer.{locale}", $"is missing: {locale} shoppers get the {defaultLocale} answer");
        CheckTexts(inline, defaultLocale, MessengerLimits.Text, "a message", tokenValues, file, $"{path}.answer", findings);
    }

    private static void CheckButton(FaqButton button, string defaultLocale, BotText? text, IReadOnlyDictionary<string, string?> tokenValues,
        string file, string path, Findings findings)
    {
        if (button.Title.Inline is { } title)
            CheckTexts(title, defaultLocale, MessengerLimits.ButtonTitle, "a button title", tokenValues, file, $"{path}.title", findings);
        else if (text is not null && !text.Has(button.Title.Key!))
            findings.Error(file, $"{path}.titleKey", $"'{button.Title.Key}' is not a key in content/text/{defaultLocale}");
        if ((button.Url is null) == (button.Payload is null))
            findings.Error(file, path, "needs exactly one of \"url\" (opens a page) or \"payload\" (a command such as START_OVER)");
        if (button.Url is { } url && !ContentUrl.IsWebUrl(url))
            findings.Error(file, $"{path}.url", $"'{url}' must be an absolute http(s) URL");
        if (button.Payload is { } payload)
        {
            if (payload.Length > MessengerLimits.Payload) findings.Error(file, $"{path}.payload", $"is longer than Messenger's {MessengerLimits.Payload} characters");
            else if (!PayloadPattern().IsMatch(payload))
                findings.Warning(file, $"{path}.payload", $"'{payload}' is not an UPPER_SNAKE command (e.g. START_OVER, FAQ:returns); the bot may not understand it");
        }
    }

    private static void CheckTexts(LocalizedText texts, string defaultLocale, int limit, string what,
        IReadOnlyDictionary<string, string?> tokenValues, string file, string path, Findings findings, IReadOnlySet<string>? tokens = null)
    {
        foreach (var (locale, value) in texts.All(defaultLocale))
        {
            var at = texts.Invariant is null ? $"{path}.{locale}" : path;
            if (string.IsNullOrWhiteSpace(value)) findings.Error(file, at, "is empty");
            TokenChecks.CheckLength(value, limit, what, tokenValues, findings, file, at);
            TokenChecks.Check(value, tokens ?? TokenNames.Standard, findings, file, at);
        }
    }
}
