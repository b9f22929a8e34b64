namespace GiftBot.Content;

public sealed record ContentCheckOptions
{
    /// <summary>Spell-check bot text with Hunspell dictionaries (see <see cref="DictionaryLocator"/>).</summary>
    public bool Spelling { get; init; } = true;

    /// <summary>Where to look for dictionaries; the default looks in DICPATH and the system folders.</summary>
    public DictionaryLocator? Dictionaries { get; init; }

    public string FallbackLocale { get; init; } = "en-US";
}

/// <summary>
/// Checks a content folder before it goes live and reports every problem it can find (it keeps going past a file it
/// cannot read): Messenger limits, tokens, locales, FAQ rules, URLs, the persona's disclosure, spelling, and the
/// files other parts of GiftBot own (messenger-profile.json, entry-points.json, catalog/themes.csv).
/// </summary>
public static class ContentChecker
{
    public static IReadOnlyList<ContentFinding> Check(string root, ContentCheckOptions? options = null)
    {
        options ??= new ContentCheckOptions();
        var findings = new Findings(root);
        if (!Directory.Exists(root))
        {
            findings.Error(root, null, "is not a folder");
            return findings.Items;
        }
        var parts = ContentParts.Load(root, options.FallbackLocale, findings);
        var tokenValues = parts.KnownTokenValues();
        if (parts.Persona is { } persona) DataFileChecks.CheckPersona(persona, parts.TextLocales, parts.File(PersonaProfile.FileName), findings);
        if (parts.Page is { } page) DataFileChecks.CheckPage(page, parts.DefaultLocale, parts.File(PageInfo.FileName), findings);
        if (parts.Hours is { } hours) DataFileChecks.CheckHours(hours, parts.File(OpeningHours.FileName), findings);
        if (parts.Faq is { } faq) FaqChecks.Run(faq, parts.Text, tokenValues, parts.File(FaqCatalog.FileName), findings);
        TextChecks.Run(parts.TextFiles, parts.DefaultLocale, parts.Persona, tokenValues, findings);
        OtherFileChecks.Run(root, tokenValues, findings);
        if (options.Spelling)
            SpellingCheck.Run(parts.SpellingItems(), root, parts.DefaultLocale, options.Dictionaries ?? DictionaryLocator.Default(), findings);
        return findings.Items.OrderByDescending(f => f.Severity).ThenBy(f => f.File, StringComparer.Ordinal).ToList();
    }

    /// <summary>The checks of the persona, Page, FAQ and hours data for content that already loaded (used at start-up).</summary>
    public static IReadOnlyList<ContentFinding> CheckLoaded(BotContent content)
    {
        var findings = new Findings(content.RootPath);
        var tokenValues = content.KnownTokenValues();
        DataFileChecks.CheckPersona(content.Persona, content.Text.Locales, Path.Combine(content.RootPath, PersonaProfile.FileName), findings);
        DataFileChecks.CheckPage(content.Page, content.DefaultLocale, Path.Combine(content.RootPath, PageInfo.FileName), findings);
        FaqChecks.Run(content.Faq, content.Text, tokenValues, Path.Combine(content.RootPath, FaqCatalog.FileName), findings);
        TextChecks.CheckDisclosure(content.TextFiles, content.Persona, findings);
        return findings.Items;
    }
}
