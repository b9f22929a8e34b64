using System.Collections.Frozen;
using GiftBot.Catalog.Themes;

namespace GiftBot.Catalog.Search;

/// <summary>
/// The whole catalog in memory, as searches use it: products, their filterable facts as columns
/// (<see cref="ProductColumns"/>), an index for the hard limits (<see cref="CatalogIndex"/>) and the products' meaning
/// vectors (title and description) with a nearest-neighbour index (<see cref="MeaningIndex"/>). A new snapshot replaces
/// the old one after an import.
/// </summary>
internal sealed class CatalogSnapshot
{
    private CatalogSnapshot(IReadOnlyList<Product> products, ThemeResolver resolver, IReadOnlyList<InterestTheme> themes, IReadOnlyList<float[]?> vectors)
    {
        Products = products;
        Columns = new ProductColumns(products);
        // Cluster members in price order (as the index's lists), so a price range is one stretch of a cluster's rows.
        var byPrice = Enumerable.Range(0, products.Count).OrderBy(i => Columns.Facts[i].Price).ThenBy(i => i).ToArray();
        Meaning = new MeaningIndex(vectors, Columns.Facts.Select(f => f.InStock).ToArray(), byPrice);
        Index = new CatalogIndex(Columns, Meaning);
        Resolver = resolver;
        Themes = themes;
        _words = new Lazy<string[][]>(() => ProductWords.Of(Products));
        // Built with the snapshot (at start-up or when an import is loaded), not on the first product question: 0.23 s at
        // 100,000 products that one shopper's question used to wait for.
        Names = new TitleNameIndex(products);
        ById = products.ToFrozenDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
        _positions = products.Select((p, i) => (p.Id, i)).ToFrozenDictionary(x => x.Id, x => x.i, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Products in feed order, their interests resolved to catalog theme names.</summary>
    public IReadOnlyList<Product> Products { get; }
    private readonly FrozenDictionary<string, int> _positions;

    public FrozenDictionary<string, Product> ById { get; }

    /// <summary>Each product's title and description words, built on the first query that rules a word out.</summary>
    public string[][] Words => _words.Value;
    private readonly Lazy<string[][]> _words;

    /// <summary>Title words and themes to products, for questions that name a product.</summary>
    public TitleNameIndex Names { get; }

    public int? IndexOf(string id) => _positions.TryGetValue(id, out var i) ? i : null;
    public ThemeResolver Resolver { get; }
    public IReadOnlyList<InterestTheme> Themes { get; }
    public ProductColumns Columns { get; }
    public CatalogIndex Index { get; }
    /// <summary>Meaning vectors in product order; without any (no sentence model) ranking uses themes and price only.</summary>
    public MeaningIndex Meaning { get; }

    /// <param name="vectors">Meaning vectors in product order, or null to rank without meaning.</param>
    public static CatalogSnapshot Create(IEnumerable<Product> products, IEnumerable<ThemeDefinition> definitions, IReadOnlyList<float[]?>? vectors = null)
    {
        var defined = definitions.ToArray();
        var feedProducts = products.ToArray();
        var resolver = new ThemeResolver(defined, feedProducts.SelectMany(p => p.Interests));
        var resolved = feedProducts.Select(p => p with { Interests = resolver.ResolveAll(p.Interests) }).ToArray();
        if (vectors is not null && vectors.Count != resolved.Length)
            throw new ArgumentException("One vector per product is needed.", nameof(vectors));
        return new CatalogSnapshot(resolved, resolver, BuildThemes(resolved, defined), vectors ?? new float[]?[resolved.Length]);
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
