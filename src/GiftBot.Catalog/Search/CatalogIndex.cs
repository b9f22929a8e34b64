namespace GiftBot.Catalog.Search;

/// <summary>
/// Where a query's hard limits find their candidates without scanning the catalog: in-stock products per year of age
/// and per theme, each list sorted by price so a price ceiling is a binary search. Built once per snapshot.
/// </summary>
internal sealed class CatalogIndex
{
    private const int OldestIndexedAge = 120;
    /// <summary>Ages from here on share one theme list: adult products rarely differ by year.</summary>
    private const int AdultBucket = 19;
    /// <summary>Above this many candidates a wish that names no theme is only scored in the closest themes (see <see cref="NearestThemes"/>).</summary>
    public const int LargeCandidateSet = 5_000;
    private readonly int[][] _byAge;
    private readonly Dictionary<string, int[]> _byTheme;
    private readonly Dictionary<(string Theme, int Bucket), int[]> _byThemeAndAge;
    private readonly (string Theme, float[] Centroid)[] _centroids;
    private readonly int[] _inStock;
    private readonly decimal[] _prices;

    public CatalogIndex(IReadOnlyList<Product> products, IReadOnlyList<float[]?> vectors)
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
        _byThemeAndAge = _inStock
            .SelectMany(i => products[i].Interests.SelectMany(t => Buckets(products[i]).Select(b => (Key: (t, b), Index: i))))
            .GroupBy(x => x.Key)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Index).ToArray());
        _centroids = _byTheme.Select(p => (p.Key, Centroid(p.Value, vectors))).Where(c => c.Item2 is not null).Select(c => (c.Key, c.Item2!)).ToArray();
    }

    private static IEnumerable<int> Buckets(Product p) =>
        Enumerable.Range(Math.Min(p.MinAge, AdultBucket), Math.Min(p.MaxAge, AdultBucket) - Math.Min(p.MinAge, AdultBucket) + 1).Where(b => b >= 0);

    private static int BucketOf(int age) => Math.Clamp(age, 0, AdultBucket);

    /// <summary>The mean meaning of a theme's products: the cells of a small nearest-neighbour index.</summary>
    private static float[]? Centroid(int[] members, IReadOnlyList<float[]?> vectors)
    {
        float[]? sum = null;
        foreach (var i in members)
        {
            if (vectors[i] is not { } v) return null;
            sum ??= new float[v.Length];
            for (var d = 0; d < v.Length; d++) sum[d] += v[d];
        }
        if (sum is null) return null;
        var norm = MathF.Sqrt(sum.Sum(x => x * x));
        return norm == 0 ? sum : sum.Select(x => x / norm).ToArray();
    }

    /// <summary>The themes whose products lie closest to a wish in meaning, for scoring a large candidate set approximately.</summary>
    public IReadOnlyList<string> NearestThemes(float[] wish, int count) =>
        _centroids.OrderByDescending(c => GiftBot.Meaning.Vectors.Dot(wish, c.Centroid)).Take(count).Select(c => c.Theme).ToArray();

    /// <summary>
    /// Indices of in-stock products priced within [min, max], from the narrowest list the query allows: one age's list
    /// for an exact age, the wanted themes' lists, or all in-stock products. The caller still checks every limit.
    /// </summary>
    public IEnumerable<int> Candidates(SearchCriteria criteria)
    {
        var sources = new List<int[]>();
        var exactAge = criteria.AgeMin is { } low && criteria.AgeMax is { } high && low == high ? low : (int?)null;
        if (exactAge is { } age)
            sources.Add(_byAge[Math.Clamp(age, 0, OldestIndexedAge)]);
        var themes = criteria.Interests;
        // Many candidates and a wish that named no theme: score only the themes closest to it (an approximate search).
        if (themes.Count == 0 && criteria.WishVector is { } wish && _centroids.Length > 0 && (sources.Count == 0 ? _inStock.Length : sources[0].Length) > LargeCandidateSet)
            themes = NearestThemes(wish, 3);
        if (themes.Count > 0)
        {
            var themed = themes.Select(t => exactAge is { } a
                ? _byThemeAndAge.GetValueOrDefault((t, BucketOf(a)), [])
                : _byTheme.GetValueOrDefault(t, [])).ToList();
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
