namespace GiftBot.Content;

/// <summary>Checks content/text/{locale}/*.json: Messenger limits, tokens, locales out of step, required lines, the disclosing welcome.</summary>
internal static class TextChecks
{
    public static void Run(IReadOnlyList<TextFile> files, string defaultLocale, PersonaProfile? persona,
        IReadOnlyDictionary<string, string?> tokenValues, Findings findings)
    {
        var allowedByFile = files.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(
            g => g.Key, g => (IReadOnlySet<string>)TokenNames.Standard.Concat(g.SelectMany(f => f.DeclaredTokens)).ToHashSet(StringComparer.Ordinal),
            StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
            foreach (var (key, variants) in file.Entries)
                foreach (var (text, i) in variants.Select((t, i) => (t, i)))
                {
                    var path = variants.Count == 1 ? key : $"{key}[{i}]";
                    var (limit, what) = MessengerLimits.ForTextKey(key);
                    TokenChecks.CheckLength(text, limit, what, tokenValues, findings, file.Path, path);
                    TokenChecks.Check(text, allowedByFile[file.Name], findings, file.Path, path);
                    if (string.IsNullOrWhiteSpace(text)) findings.Error(file.Path, path, "is empty");
                }
        CheckLocales(files, defaultLocale, findings);
        CheckRequiredKeys(files, defaultLocale, findings);
        if (persona is not null) CheckDisclosure(files, persona, findings);
    }

    // A line in the default locale but not in another: shoppers of that locale read it in the default language (warning).
    // A line only in another locale has no default to fall back to (error).
    private static void CheckLocales(IReadOnlyList<TextFile> files, string defaultLocale, Findings findings)
    {
        var defaults = files.Where(f => IsLocale(f, defaultLocale)).ToList();
        var defaultKeys = defaults.SelectMany(f => f.Entries.Keys).ToHashSet(StringComparer.Ordinal);
        foreach (var locale in files.Select(f => f.Locale).Distinct(StringComparer.OrdinalIgnoreCase).Where(l => !l.Equals(defaultLocale, StringComparison.OrdinalIgnoreCase)))
        {
            var localeFiles = files.Where(f => IsLocale(f, locale)).ToList();
            var localeKeys = localeFiles.SelectMany(f => f.Entries.Keys).ToHashSet(StringComparer.Ordinal);
            foreach (var defaultFile in defaults)
            {
                var missing = defaultFile.Entries.Keys.Where(k => !localeKeys.Contains(k)).ToList();
                if (missing.Count == 0) continue;
                var localePath = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(defaultFile.Path))!, locale, defaultFile.Name + ".json");
                if (missing.Count == defaultFile.Entries.Count)
                    findings.Warning(localePath, null, $"is missing: its {missing.Count} lines show in {defaultLocale} to {locale} shoppers");
                else
                    foreach (var key in missing) findings.Warning(localePath, key, $"is missing in {locale} (shown in {defaultLocale})");
            }
            foreach (var file in localeFiles)
                foreach (var key in file.Entries.Keys.Where(k => !defaultKeys.Contains(k)))
                    findings.Error(file.Path, key, $"has no {defaultLocale} (default locale) text to fall back to");
        }
    }

    private static void CheckRequiredKeys(IReadOnlyList<TextFile> files, string defaultLocale, Findings findings)
    {
        var keys = files.Where(f => IsLocale(f, defaultLocale)).SelectMany(f => f.Entries.Keys).ToHashSet(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            findings.Error($"{BotContent.TextFolder}/{defaultLocale}", null, $"has no text: the default locale needs at least the persona lines ({BotContent.TextFolder}/{defaultLocale}/persona.json)");
            return;
        }
        foreach (var key in BotContent.RequiredTextKeys.Where(k => !keys.Contains(k)))
            findings.Error($"{BotContent.TextFolder}/{defaultLocale}", key, "is missing (the bot needs this line)");
    }

    public static void CheckDisclosure(IReadOnlyList<TextFile> files, PersonaProfile persona, Findings findings)
    {
        foreach (var file in files)
        {
            if (!file.Entries.TryGetValue(persona.WelcomeKey, out var variants)) continue;
            var phrases = persona.For(file.Locale).DisclosurePhrases;
            foreach (var text in variants.Where(t => !phrases.Any(p => t.Contains(p, StringComparison.OrdinalIgnoreCase))))
                findings.Error(file.Path, persona.WelcomeKey,
                    $"must say the persona is a virtual assistant: include one of {string.Join(", ", phrases.Select(p => $"\"{p}\""))} (persona.json disclosure)");
        }
    }

    private static bool IsLocale(TextFile file, string locale) => file.Locale.Equals(locale, StringComparison.OrdinalIgnoreCase);
}
