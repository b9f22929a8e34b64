using System.Collections.Frozen;
using GiftBot.Catalog.Themes;

namespace GiftBot.Catalog.Search;

/// <summary>
/// The whole catalog in memory, as searches use it. The catalog is a few hundred rows, so scanning it beats
/// any SQL round trip; a new snapshot replaces the old one after an import.
/// </summary>
internal sealed class CatalogSnapshot
{
    private CatalogSnapshot(IReadOnlyList<Product> products, ThemeResolver resolver, IReadOnlyList<InterestTheme> themes)
    {
        Products = products;
        Resolver = resolver;
        Themes = themes;
        ById = products.ToFrozenDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Products in feed order, their interests resolved to catalog theme names.</summary>
    public IReadOnlyList<Product> Products { get; }
    public FrozenDictionary<string, Product> ById { get; }
    public ThemeResolver Resolver { get; }
    public IReadOnlyList<InterestTheme> Themes { get; }

    public static CatalogSnapshot Create(IEnumerable<Product> products, IEnumerable<ThemeDefinition> definitions)
    {
        var defined = definitions.ToArray();
        var feedProducts = products.ToArray();
        var resolver = new ThemeResolver(defined, feedProducts.SelectMany(p => p.Interests));
        var resolved = feedProducts.Select(p => p with { Interests = resolver.ResolveAll(p.Interests) }).ToArray();
        return new CatalogSnapshot(resolved, resolver, BuildThemes(resolved, defined));
    }

    /// <summary>Themes that in-stock products carry, most products first: a theme with nothing to sell is not offered.</summary>
    private static InterestTheme[] BuildThemes(Product[] products, ThemeDefinition[] definitions)
    {
        var byName = definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);
        return products
            .Where(p => p.IsInStock)
            .SelectMany(p => p.Interests)
            .GroupBy(t => t, StringComparer.Ordinal)
            .Select(g => byName.TryGetValue(g.Key, out var d)
                ? new InterestTheme(g.Key, d.DisplayName, d.Synonyms, g.Count())
                : new InterestTheme(g.Key, ThemeNames.DeriveDisplayName(g.Key), [], g.Count()))
            .OrderByDescending(t => t.ProductCount)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToArray();
    }
}
