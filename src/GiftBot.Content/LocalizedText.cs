namespace GiftBot.Content;

/// <summary>
/// Text written inline in a content file, either one string for every locale ("Shop now") or one per locale
/// ({"en-US": "Shop now", "fr-FR": "Voir la boutique"}). Looked up with the same fallback as the text files.
/// </summary>
public sealed class LocalizedText
{
    private readonly Dictionary<string, string> _byLocale;

    private LocalizedText(Dictionary<string, string> byLocale, string? invariant)
    {
        _byLocale = byLocale;
        Invariant = invariant;
    }

    /// <summary>The single text used for every locale, when the file gave a plain string.</summary>
    public string? Invariant { get; }

    public IReadOnlyDictionary<string, string> ByLocale => _byLocale;

    public static LocalizedText ForAllLocales(string text) => new(new(StringComparer.OrdinalIgnoreCase), text);

    public static LocalizedText PerLocale(IEnumerable<KeyValuePair<string, string>> texts) =>
        new(new Dictionary<string, string>(texts, StringComparer.OrdinalIgnoreCase), null);

    /// <summary>The text for <paramref name="locale"/>, falling back to other locales of the language, then the default.</summary>
    public string? Get(string? locale, string defaultLocale)
    {
        if (Invariant is not null) return Invariant;
        foreach (var candidate in LocaleFallback.Candidates(locale, _byLocale.Keys, defaultLocale))
            if (_byLocale.TryGetValue(candidate, out var text)) return text;
        return null;
    }

    /// <summary>Every (locale, text) pair; a plain string is reported once under <paramref name="defaultLocale"/>.</summary>
    public IEnumerable<(string Locale, string Text)> All(string defaultLocale) =>
        Invariant is not null ? [(defaultLocale, Invariant)] : _byLocale.Select(p => (p.Key, p.Value));
}
