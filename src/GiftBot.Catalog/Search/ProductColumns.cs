using System.Runtime.InteropServices;

namespace GiftBot.Catalog.Search;

/// <summary>
/// What a query filters and ranks on, in product order: one small record per product (<see cref="ProductFacts"/>) so
/// checking a candidate's limits reads one place in memory instead of one array per fact (at 100,000 products each
/// read is a cache miss, and those misses were most of a search's cost). Themes are numbered so a match is an array
/// lookup, or a bit test when the catalog has at most 64 of them.
/// </summary>
internal sealed class ProductColumns
{
    /// <summary>Catalogs with at most this many themes keep each product's themes as bits in <see cref="ProductFacts.ThemeBits"/>.</summary>
    public const int MaxThemeBits = 64;

    public ProductColumns(IReadOnlyList<Product> products)
    {
        var count = products.Count;
        ThemeIds = products.SelectMany(p => p.Interests).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select((theme, id) => (theme, id)).ToDictionary(x => x.theme, x => x.id, StringComparer.Ordinal);
        HasThemeBits = ThemeIds.Count <= MaxThemeBits;
        Themes = new int[count][];
        for (var i = 0; i < count; i++)
            Themes[i] = products[i].Interests.Select(t => ThemeIds[t]).ToArray();
        // Ties between equally good products fall to the id, in ordinal order, without comparing strings per candidate.
        var idOrder = new int[count];
        var byId = Enumerable.Range(0, count).OrderBy(i => products[i].Id, StringComparer.Ordinal).ToArray();
        for (var rank = 0; rank < count; rank++) idOrder[byId[rank]] = rank;
        Facts = new ProductFacts[count];
        for (var i = 0; i < count; i++)
        {
            var p = products[i];
            var bits = 0UL;
            if (HasThemeBits) foreach (var theme in Themes[i]) bits |= 1UL << theme;
            Facts[i] = new ProductFacts(p.Price, bits, p.MinAge, p.MaxAge, idOrder[i], p.IsInStock);
        }
    }

    public IReadOnlyDictionary<string, int> ThemeIds { get; }
    /// <summary>Each product's theme ids (building the index, and matching when the catalog has more themes than bits).</summary>
    public int[][] Themes { get; }
    /// <summary>Whether <see cref="ProductFacts.ThemeBits"/> holds every product's themes.</summary>
    public bool HasThemeBits { get; }
    public ProductFacts[] Facts { get; }
    public int Count => Facts.Length;
}

/// <summary>One product's filterable facts, together in memory.</summary>
/// <param name="ThemeBits">Bit n set when the product carries theme id n (only with <see cref="ProductColumns.HasThemeBits"/>).</param>
/// <param name="IdOrder">The product's place in ordinal id order (the last tie-break).</param>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct ProductFacts(decimal Price, ulong ThemeBits, int MinAge, int MaxAge, int IdOrder, bool InStock);
