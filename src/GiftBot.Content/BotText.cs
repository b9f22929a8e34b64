using System.Text.Json;

namespace GiftBot.Content;

/// <summary>
/// Loads content/text/{locale}/*.json: JSON objects whose nested keys flatten with "." ("giftFinder": {"askAge": ...}
/// becomes "giftFinder.askAge"). A value is a string or a list of alternative strings.
/// </summary>
public sealed class BotText : IBotText
{
    private readonly Dictionary<string, Dictionary<string, IReadOnlyList<string>>> _byLocale;
    private readonly string _defaultLocale;

    public BotText(IReadOnlyDictionary<string, Dictionary<string, IReadOnlyList<string>>> byLocale, string defaultLocale)
    {
        _byLocale = new(byLocale, StringComparer.OrdinalIgnoreCase);
        _defaultLocale = defaultLocale;
        if (!_byLocale.ContainsKey(defaultLocale))
            throw new InvalidOperationException($"Content has no text for the default locale '{defaultLocale}'.");
    }

    public IReadOnlyCollection<string> Locales => _byLocale.Keys;
    public string DefaultLocale => _defaultLocale;
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Entries(string locale) => _byLocale[locale];

    public static BotText Load(string textRoot, string defaultLocale)
    {
        var byLocale = new Dictionary<string, Dictionary<string, IReadOnlyList<string>>>(StringComparer.OrdinalIgnoreCase);
        foreach (var localeDir in Directory.GetDirectories(textRoot))
        {
            var entries = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var file in Directory.GetFiles(localeDir, "*.json").Order(StringComparer.Ordinal))
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                Flatten(doc.RootElement, "", entries, file);
            }
            byLocale[Path.GetFileName(localeDir)] = entries;
        }
        return new BotText(byLocale, defaultLocale);
    }

    public string Get(string key, string? locale = null, IReadOnlyDictionary<string, string?>? tokens = null) =>
        GetVariants(key, locale, tokens)[0];

    public IReadOnlyList<string> GetVariants(string key, string? locale = null, IReadOnlyDictionary<string, string?>? tokens = null)
    {
        var variants = Lookup(key, locale) ?? throw new KeyNotFoundException($"No content for key '{key}'.");
        return variants.Select(v => TokenTemplate.Resolve(v, tokens)).ToList();
    }

    public bool Has(string key, string? locale = null) => Lookup(key, locale) is not null;

    private IReadOnlyList<string>? Lookup(string key, string? locale)
    {
        foreach (var candidate in LocaleFallbacks(locale))
            if (_byLocale.TryGetValue(candidate, out var entries) && entries.TryGetValue(key, out var value))
                return value;
        return null;
    }

    // "fr-CA" -> "fr-CA", any "fr-*", then the default locale. Messenger sends "en_US", so "_" counts as "-".
    private IEnumerable<string> LocaleFallbacks(string? locale)
    {
        if (!string.IsNullOrWhiteSpace(locale))
        {
            var normalized = locale.Replace('_', '-');
            yield return normalized;
            var language = normalized.Split('-')[0];
            foreach (var known in _byLocale.Keys.Where(k => k.Split('-')[0].Equals(language, StringComparison.OrdinalIgnoreCase)))
                yield return known;
        }
        yield return _defaultLocale;
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, IReadOnlyList<string>> entries, string file)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    Flatten(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}", entries, file);
                break;
            case JsonValueKind.String:
                Add(entries, prefix, [element.GetString()!], file);
                break;
            case JsonValueKind.Array when element.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String):
                Add(entries, prefix, element.EnumerateArray().Select(e => e.GetString()!).ToList(), file);
                break;
            default:
                throw new InvalidDataException($"{file}: '{prefix}' must be a string, a list of strings or an object.");
        }
    }

    private static void Add(Dictionary<string, IReadOnlyList<string>> entries, string key, IReadOnlyList<string> value, string file)
    {
        if (value.Count == 0) throw new InvalidDataException($"{file}: '{key}' has no text.");
        if (!entries.TryAdd(key, value)) throw new InvalidDataException($"{file}: '{key}' is defined twice.");
    }
}
