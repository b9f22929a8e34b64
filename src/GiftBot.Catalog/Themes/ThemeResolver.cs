using System.Collections.Frozen;

namespace GiftBot.Catalog.Themes;

/// <summary>Maps what a shopper or a feed calls a theme ("dino", "T-Rex", "Dinosaur") to the catalog theme ("dinosaurs").</summary>
public sealed class ThemeResolver
{
    private readonly FrozenDictionary<string, string> _themeByKey;

    /// <param name="definitions">The theme file's themes with their synonyms.</param>
    /// <param name="feedThemes">Themes used by products; they resolve by name even without a theme file row.</param>
    public ThemeResolver(IEnumerable<ThemeDefinition> definitions, IEnumerable<string> feedThemes)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var themes = definitions.ToArray();
        // Theme file names first, so a synonym never steals another theme's own name; feed-only themes last,
        // so a feed that says "dino" lands in the theme file's "dinosaurs".
        foreach (var theme in themes)
            map.TryAdd(ThemeNames.Key(theme.Name), theme.Name);
        foreach (var theme in themes)
            map.TryAdd(ThemeNames.Key(theme.DisplayName), theme.Name);
        foreach (var theme in themes)
        {
            foreach (var synonym in theme.Synonyms)
                map.TryAdd(ThemeNames.Key(synonym), theme.Name);
        }
        foreach (var name in feedThemes)
        {
            if (Lookup(map, ThemeNames.Key(name)) is null)
                map[ThemeNames.Key(name)] = name;
        }
        map.Remove("");
        _themeByKey = map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>True when the term is a theme's own name ("building"), not one of its synonyms ("lego").</summary>
    public bool IsThemeName(string term) => Resolve(term) is { } theme && ThemeNames.Key(theme) == ThemeNames.Key(term);

    /// <summary>The catalog theme for a term, trying the simple singular/plural forms; null when unknown.</summary>
    public string? Resolve(string term) => Lookup(_themeByKey, ThemeNames.Key(term));

    private static string? Lookup(IReadOnlyDictionary<string, string> themeByKey, string key)
    {
        if (key.Length == 0)
            return null;
        if (themeByKey.TryGetValue(key, out var theme))
            return theme;
        if (themeByKey.TryGetValue(key + "s", out theme) || themeByKey.TryGetValue(key + "es", out theme))
            return theme;
        if (key.EndsWith("es", StringComparison.Ordinal) && themeByKey.TryGetValue(key[..^2], out theme))
            return theme;
        return key.EndsWith('s') && themeByKey.TryGetValue(key[..^1], out theme) ? theme : null;
    }

    /// <summary>Resolves every term; unknown terms are kept (normalized) so they simply match nothing.</summary>
    public IReadOnlyList<string> ResolveAll(IEnumerable<string> terms) =>
        terms.Select(t => Resolve(t) ?? ThemeNames.Normalize(t)).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
}
