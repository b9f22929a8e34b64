namespace GiftBot.Content;

/// <summary>
/// The order in which locales are tried for a requested one: "fr-CA" -> "fr-CA", any other "fr-*" we have, then the
/// default locale. Messenger sends "en_US", so "_" counts as "-"; comparisons ignore case.
/// </summary>
public static class LocaleFallback
{
    public static string Normalize(string locale) => locale.Trim().Replace('_', '-');

    public static IEnumerable<string> Candidates(string? requested, IEnumerable<string> available, string defaultLocale)
    {
        var known = available as IReadOnlyCollection<string> ?? available.ToList();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(requested))
        {
            var normalized = Normalize(requested);
            var exact = known.FirstOrDefault(k => k.Equals(normalized, StringComparison.OrdinalIgnoreCase));
            if (exact is not null && seen.Add(exact)) yield return exact;
            var language = normalized.Split('-')[0];
            // Prefer the default locale when it shares the language ("en-GB" -> "en-US" if that is the default).
            var sameLanguage = known
                .Where(k => k.Split('-')[0].Equals(language, StringComparison.OrdinalIgnoreCase))
                .OrderBy(k => k.Equals(defaultLocale, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(k => k, StringComparer.OrdinalIgnoreCase);
            foreach (var candidate in sameLanguage)
                if (seen.Add(candidate)) yield return candidate;
        }
        if (seen.Add(defaultLocale)) yield return defaultLocale;
    }

    /// <summary>The locale actually used for <paramref name="requested"/>: the first candidate that exists.</summary>
    public static string Resolve(string? requested, IReadOnlyCollection<string> available, string defaultLocale) =>
        Candidates(requested, available, defaultLocale).FirstOrDefault(c => available.Contains(c, StringComparer.OrdinalIgnoreCase))
        ?? defaultLocale;
}
