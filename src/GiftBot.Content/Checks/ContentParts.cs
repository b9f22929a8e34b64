namespace GiftBot.Content;

/// <summary>The content files loaded one by one for checking, so one unreadable file is reported without hiding the others.</summary>
internal sealed class ContentParts
{
    private readonly string _root;

    private ContentParts(string root) => _root = root;

    public PersonaProfile? Persona { get; private set; }
    public IReadOnlyList<TextFile> TextFiles { get; private set; } = [];
    public BotText? Text { get; private set; }
    public PageInfo? Page { get; private set; }
    public FaqCatalog? Faq { get; private set; }
    public OpeningHours? Hours { get; private set; }
    public string DefaultLocale { get; private set; } = "en-US";
    public IReadOnlyCollection<string> TextLocales => TextFiles.Select(f => f.Locale).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public string File(string name) => Path.Combine(_root, name);

    public static ContentParts Load(string root, string fallbackLocale, Findings findings)
    {
        var parts = new ContentParts(root);
        parts.Persona = Try(() => PersonaProfile.Load(parts.File(PersonaProfile.FileName), fallbackLocale), findings);
        parts.DefaultLocale = parts.Persona?.DefaultLocale ?? fallbackLocale;
        parts.TextFiles = ReadTextFiles(Path.Combine(root, BotContent.TextFolder), findings);
        if (parts.TextLocales.Contains(parts.DefaultLocale, StringComparer.OrdinalIgnoreCase)) // else TextChecks reports it once
            parts.Text = Try(() => BotText.FromFiles(parts.TextFiles, parts.DefaultLocale), findings);
        parts.Page = Try(() => PageInfo.Load(parts.File(PageInfo.FileName), parts.DefaultLocale), findings);
        parts.Faq = Try(() => FaqCatalog.Load(parts.File(FaqCatalog.FileName), parts.DefaultLocale), findings);
        parts.Hours = Try(() => OpeningHoursLoader.Load(parts.File(OpeningHours.FileName)), findings);
        return parts;
    }

    /// <summary>Token values we can know without a shopper: used to measure lines as Messenger will see them.</summary>
    public IReadOnlyDictionary<string, string?> KnownTokenValues()
    {
        var values = TokenContext.Empty
            .With(TokenNames.PageName, Page?.PageName(DefaultLocale))
            .With(TokenNames.Website, Page?.Website)
            .With(TokenNames.Phone, Page?.Phone)
            .With(TokenNames.PersonaName, Persona?.Name);
        if (Hours is null || Text is null) return values;
        try { return values.With(TokenNames.OpeningHours, new HoursText(Hours, Text, DefaultLocale).WeeklySummary(DefaultLocale)); }
        catch (KeyNotFoundException) { return values; } // the missing hours.* key is reported as a required key
    }

    public IEnumerable<SpellingItem> SpellingItems()
    {
        foreach (var file in TextFiles)
            foreach (var (key, variants) in file.Entries.Where(e => !e.Key.Contains(".format.", StringComparison.Ordinal)))
                foreach (var text in variants) yield return new SpellingItem(file.Locale, file.Path, key, text);
        if (Persona is not null)
            foreach (var locale in Persona.Locales)
                yield return new SpellingItem(locale, File(PersonaProfile.FileName), $"locales.{locale}.description", Persona.For(locale).Description);
        if (Faq is null) yield break;
        foreach (var (entry, i) in Faq.Entries.Select((e, i) => (e, i)))
        {
            var texts = new List<(string Path, LocalizedText? Text)> { ($"entries[{i}].question", entry.Question), ($"entries[{i}].answer", entry.Answer?.Inline) };
            texts.AddRange(entry.Buttons.Select((b, n) => ($"entries[{i}].buttons[{n}].title", b.Title.Inline)));
            if (entry.Reference is { } reference)
                texts.AddRange([($"entries[{i}].reference.noted", reference.Noted), ($"entries[{i}].reference.note", reference.Note)]);
            foreach (var (path, text) in texts.Where(t => t.Text is not null))
                foreach (var (locale, value) in text!.All(DefaultLocale))
                    yield return new SpellingItem(locale, File(FaqCatalog.FileName), text.Invariant is null ? $"{path}.{locale}" : path, value);
        }
    }

    private static List<TextFile> ReadTextFiles(string textRoot, Findings findings)
    {
        var files = new List<TextFile>();
        if (!Directory.Exists(textRoot)) { findings.Error(textRoot, null, "is missing (expected one folder per locale)"); return files; }
        foreach (var localeDir in Directory.GetDirectories(textRoot).Order(StringComparer.Ordinal))
            foreach (var file in Directory.GetFiles(localeDir, "*.json").Order(StringComparer.Ordinal))
                if (Try(() => TextFile.Read(file, LocaleFallback.Normalize(Path.GetFileName(localeDir))), findings) is { } read) files.Add(read);
        return files;
    }

    private static T? Try<T>(Func<T> load, Findings findings) where T : class
    {
        try { return load(); }
        catch (ContentLoadException ex) { findings.Add(ex); return null; }
    }
}
