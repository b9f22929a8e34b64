namespace GiftBot.Content;

/// <summary>
/// Loads content/text/{locale}/*.json: JSON objects whose nested keys flatten with "." ("giftFinder": {"askAge": ...}
/// becomes "giftFinder.askAge"). A value is a string or a list of alternative strings. See <see cref="TextFile"/>.
/// </summary>
public sealed class BotText : IBotText
{
    private readonly Dictionary<string, Dictionary<string, IReadOnlyList<string>>> _byLocale;
    private readonly string _defaultLocale;
    // Text is looked up many times a turn for a handful of locales: resolve each locale's fallback order once.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> _fallbacks = new(StringComparer.OrdinalIgnoreCase);

    public BotText(IReadOnlyDictionary<string, Dictionary<string, IReadOnlyList<string>>> byLocale, string defaultLocale)
    {
        _byLocale = new(byLocale, StringComparer.OrdinalIgnoreCase);
        _defaultLocale = LocaleFallback.Normalize(defaultLocale);
        if (!_byLocale.ContainsKey(_defaultLocale))
            throw new InvalidOperationException($"Content has no text for the default locale '{defaultLocale}'.");
    }

    public IReadOnlyCollection<string> Locales => _byLocale.Keys;
    public string DefaultLocale => _defaultLocale;
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Entries(string locale) => _byLocale[locale];

    public static BotText Load(string textRoot, string defaultLocale) => FromFiles(TextFile.ReadAll(textRoot), defaultLocale);

    public static BotText FromFiles(IEnumerable<TextFile> files, string defaultLocale)
    {
        var byLocale = new Dictionary<string, Dictionary<string, IReadOnlyList<string>>>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            if (!byLocale.TryGetValue(file.Locale, out var entries))
                byLocale[file.Locale] = entries = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var (key, value) in file.Entries)
                if (!entries.TryAdd(key, value))
                    throw new ContentLoadException(file.Path, key, $"is already defined in another {file.Locale} file");
        }
        if (!byLocale.ContainsKey(LocaleFallback.Normalize(defaultLocale)))
            throw new ContentLoadException(defaultLocale, null, $"has no text folder (expected text/{defaultLocale}/*.json)");
        return new BotText(byLocale, defaultLocale);
    }

    public string Get(string key, string? locale = null, IReadOnlyDictionary<string, string?>? tokens = null) =>
        TokenTemplate.Resolve((Lookup(key, locale) ?? throw new KeyNotFoundException($"No content for key '{key}'."))[0], tokens);

    public IReadOnlyList<string> GetVariants(string key, string? locale = null, IReadOnlyDictionary<string, string?>? tokens = null)
    {
        var variants = Lookup(key, locale) ?? throw new KeyNotFoundException($"No content for key '{key}'.");
        return variants.Select(v => TokenTemplate.Resolve(v, tokens)).ToList();
    }

    public bool Has(string key, string? locale = null) => Lookup(key, locale) is not null;

    /// <summary>The locale whose text a shopper with <paramref name="locale"/> actually reads.</summary>
    public string ResolveLocale(string? locale) => LocaleFallback.Resolve(locale, Locales, _defaultLocale);

    private IReadOnlyList<string>? Lookup(string key, string? locale)
    {
        // The locale comes from the channel: cache a bounded number so odd values cannot grow the cache.
        var candidates = _fallbacks.TryGetValue(locale ?? "", out var known) ? known
            : _fallbacks.Count < 64 ? _fallbacks.GetOrAdd(locale ?? "", requested => LocaleFallback.Candidates(requested, _byLocale.Keys, _defaultLocale).ToArray())
            : LocaleFallback.Candidates(locale, _byLocale.Keys, _defaultLocale).ToArray();
        foreach (var candidate in candidates)
            if (_byLocale.TryGetValue(candidate, out var entries) && entries.TryGetValue(key, out var value))
                return value;
        return null;
    }
}
