namespace GiftBot.Catalog.Search;

/// <summary>
/// Where a query's hard limits find their candidates without scanning the catalog: in-stock products per year of age
/// and per theme, each list sorted by price so a price floor and ceiling are two binary searches. Built once per snapshot.
/// </summary>
internal sealed class CatalogIndex
{
    private const int OldestIndexedAge = 120;
    /// <summary>Ages from here on share one theme list: adult products rarely differ by year.</summary>
    private const int AdultBucket = 19;
    private readonly int[][] _byAge;
    private readonly int[][] _byTheme;
    private readonly int[][][] _byThemeAndAge;
    private readonly int[] _inStock;
    private readonly decimal[] _prices;

    public CatalogIndex(ProductColumns columns)
    {
        _prices = columns.Prices;
        _inStock = Enumerable.Range(0, _prices.Length).Where(i => columns.InStock[i]).OrderBy(i => _prices[i]).ThenBy(i => i).ToArray();
        var ages = Lists(OldestIndexedAge + 1);
        var themes = Lists(columns.ThemeIds.Count);
        var themeAges = Enumerable.Range(0, columns.ThemeIds.Count).Select(_ => Lists(AdultBucket + 1)).ToArray();
        foreach (var i in _inStock) // in price order, so every list is too
        {
            for (var age = Math.Max(0, columns.MinAges[i]); age <= Math.Min(OldestIndexedAge, columns.MaxAges[i]); age++) ages[age].Add(i);
            foreach (var theme in columns.Themes[i])
            {
                themes[theme].Add(i);
                for (var bucket = Math.Max(0, BucketOf(columns.MinAges[i])); bucket <= BucketOf(columns.MaxAges[i]); bucket++) themeAges[theme][bucket].Add(i);
            }
        }
        _byAge = ages.Select(l => l.ToArray()).ToArray();
        _byTheme = themes.Select(l => l.ToArray()).ToArray();
        _byThemeAndAge = themeAges.Select(b => b.Select(l => l.ToArray()).ToArray()).ToArray();
    }

    private static List<int>[] Lists(int count) => Enumerable.Range(0, count).Select(_ => new List<int>()).ToArray();

    private static int BucketOf(int age) => Math.Clamp(age, 0, AdultBucket);

    /// <summary>
    /// Ranges of in-stock products priced within the query's floor and ceiling, from the narrowest lists the query allows:
    /// one age's list for an exact age, the wanted themes' lists (one range per theme, in the filter's order), or all
    /// in-stock products. A product may sit in several theme ranges; <see cref="CandidateFilter.FirstWantedPosition"/>
    /// says which one it is taken from. The caller still checks every limit.
    /// </summary>
    public CandidateRange[] Ranges(SearchCriteria criteria, CandidateFilter filter)
    {
        if (filter.WantsThemes && filter.WantedThemes.Length == 0)
            return []; // only themes this catalog does not have
        var exactAge = criteria is { AgeMin: { } low, AgeMax: { } high } && low == high ? Math.Clamp(low, 0, OldestIndexedAge) : (int?)null;
        var byAge = exactAge is { } age ? Range(_byAge[age], criteria, -1) : Range(_inStock, criteria, -1);
        if (!filter.WantsThemes)
            return [byAge];
        var byTheme = new CandidateRange[filter.WantedThemes.Length];
        for (var position = 0; position < byTheme.Length; position++)
        {
            var theme = filter.WantedThemes[position];
            byTheme[position] = Range(exactAge is { } a ? _byThemeAndAge[theme][BucketOf(a)] : _byTheme[theme], criteria, position);
        }
        return byTheme.Sum(r => r.Count) < byAge.Count ? byTheme : [byAge];
    }

    private CandidateRange Range(int[] list, SearchCriteria criteria, int wantedPosition) =>
        new(list, LowerBound(list, criteria.MinPrice), UpperBound(list, criteria.MaxPrice), wantedPosition);

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

/// <summary>Positions [Start, End) of an index list; WantedPosition is the wanted theme the list is for, or -1.</summary>
internal readonly record struct CandidateRange(int[] List, int Start, int End, int WantedPosition)
{
    public int Count => Math.Max(0, End - Start);
}
