namespace GiftBot.Catalog.Search;

/// <summary>
/// Where a query's hard limits find their candidates without scanning the catalog: in-stock products per year of age
/// and per theme, each list sorted by price so a price ceiling is a binary search. Built once per snapshot.
/// </summary>
internal sealed class CatalogIndex
{
    private const int OldestIndexedAge = 120;
    private readonly int[][] _byAge;
    private readonly Dictionary<string, int[]> _byTheme;
    private readonly int[] _inStock;
    private readonly decimal[] _prices;

    public CatalogIndex(IReadOnlyList<Product> products)
    {
        _prices = products.Select(p => p.Price).ToArray();
        var inStock = Enumerable.Range(0, products.Count).Where(i => products[i].IsInStock).ToArray();
        _inStock = ByPrice(inStock);
        _byAge = new int[OldestIndexedAge + 1][];
        var ages = Enumerable.Range(0, OldestIndexedAge + 1).Select(_ => new List<int>()).ToArray();
        foreach (var i in _inStock)
        {
            for (var age = Math.Max(0, products[i].MinAge); age <= Math.Min(OldestIndexedAge, products[i].MaxAge); age++)
                ages[age].Add(i); // already in price order
        }
        for (var age = 0; age <= OldestIndexedAge; age++) _byAge[age] = ages[age].ToArray();
        _byTheme = _inStock.SelectMany(i => products[i].Interests.Select(t => (Theme: t, Index: i)))
            .GroupBy(x => x.Theme, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Index).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Indices of in-stock products priced within [min, max], from the narrowest list the query allows: one age's list
    /// for an exact age, the wanted themes' lists, or all in-stock products. The caller still checks every limit.
    /// </summary>
    public IEnumerable<int> Candidates(SearchCriteria criteria)
    {
        var sources = new List<int[]>();
        if (criteria.AgeMin is { } low && criteria.AgeMax is { } high && low == high)
            sources.Add(_byAge[Math.Clamp(low, 0, OldestIndexedAge)]);
        if (criteria.Interests.Count > 0)
        {
            var themed = criteria.Interests.Select(t => _byTheme.GetValueOrDefault(t, [])).ToList();
            if (sources.Count == 0 || themed.Sum(l => l.Length) < sources[0].Length) sources = themed;
        }
        if (sources.Count == 0) sources.Add(_inStock);

        var seen = sources.Count > 1 ? new HashSet<int>() : null;
        foreach (var list in sources)
        {
            var end = UpperBound(list, criteria.MaxPrice);
            for (var k = LowerBound(list, criteria.MinPrice); k < end; k++)
            {
                if (seen is null || seen.Add(list[k])) yield return list[k];
            }
        }
    }

    private int[] ByPrice(int[] indices) => indices.OrderBy(i => _prices[i]).ThenBy(i => i).ToArray();

    private int LowerBound(int[] list, decimal? min)
    {
        if (min is not { } value) return 0;
        int lo = 0, hi = list.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_prices[list[mid]] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private int UpperBound(int[] list, decimal? max)
    {
        if (max is not { } value) return list.Length;
        int lo = 0, hi = list.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_prices[list[mid]] <= value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
