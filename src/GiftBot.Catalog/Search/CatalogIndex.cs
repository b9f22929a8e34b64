namespace GiftBot.Catalog.Search;

/// <summary>
/// Where a query's hard limits find their candidates without scanning the catalog: in-stock products per year of age
/// (adults share one list) and per theme, each list sorted by price so a price floor and ceiling are two binary
/// searches; and each nearest-neighbour cluster's members, also per theme and also by price, so a query probing the
/// nearest clusters reads neither the members that carry none of its themes nor those outside its price range.
/// Built once per snapshot.
/// </summary>
internal sealed class CatalogIndex
{
    /// <summary>Ages from here on share one list: adult products rarely differ by year.</summary>
    private const int AdultBucket = 19;
    /// <summary>An age range spanning at most this many lists ("a baby", "an adult") is read from them rather than from all products.</summary>
    private const int MostAgeLists = 6;
    private readonly int[][] _byAge;
    private readonly int[][] _byTheme;
    private readonly int[][][] _byThemeAndAge;
    private readonly int[] _inStock;
    /// <summary>Per cluster of <see cref="MeaningIndex"/>: its members in price order.</summary>
    private readonly int[][] _byCluster;
    /// <summary>Per cluster, per theme id: the cluster's members carrying that theme, in price order.</summary>
    private readonly int[][][] _byClusterAndTheme;
    private readonly ProductFacts[] _facts;

    public CatalogIndex(ProductColumns columns, MeaningIndex meaning)
    {
        _facts = columns.Facts;
        _inStock = Enumerable.Range(0, _facts.Length).Where(i => _facts[i].InStock).OrderBy(i => _facts[i].Price).ThenBy(i => i).ToArray();
        var ages = Lists(AdultBucket + 1);
        var themes = Lists(columns.ThemeIds.Count);
        var themeAges = Enumerable.Range(0, columns.ThemeIds.Count).Select(_ => Lists(AdultBucket + 1)).ToArray();
        foreach (var i in _inStock) // in price order, so every list is too
        {
            for (var bucket = BucketOf(_facts[i].MinAge); bucket <= BucketOf(_facts[i].MaxAge); bucket++) ages[bucket].Add(i);
            foreach (var theme in columns.Themes[i])
            {
                themes[theme].Add(i);
                for (var bucket = BucketOf(_facts[i].MinAge); bucket <= BucketOf(_facts[i].MaxAge); bucket++) themeAges[theme][bucket].Add(i);
            }
        }
        _byAge = ages.Select(l => l.ToArray()).ToArray();
        _byTheme = themes.Select(l => l.ToArray()).ToArray();
        _byThemeAndAge = themeAges.Select(b => b.Select(l => l.ToArray()).ToArray()).ToArray();
        // The clusters keep their members in price order (see CatalogSnapshot), so every list here is too.
        _byCluster = Enumerable.Range(0, meaning.ClusterCount).Select(meaning.Members).ToArray();
        System.Diagnostics.Debug.Assert(_byCluster.All(m => m.Zip(m.Skip(1)).All(p => _facts[p.First].Price <= _facts[p.Second].Price)), "cluster members must be in price order");
        _byClusterAndTheme = new int[meaning.ClusterCount][][];
        for (var cluster = 0; cluster < _byClusterAndTheme.Length; cluster++)
        {
            var lists = Lists(columns.ThemeIds.Count);
            foreach (var product in meaning.Members(cluster))
                foreach (var theme in columns.Themes[product]) lists[theme].Add(product);
            _byClusterAndTheme[cluster] = lists.Select(l => l.ToArray()).ToArray();
        }
    }

    /// <summary>The members of one nearest-neighbour cluster priced within the query's floor and ceiling.</summary>
    public CandidateRange ClusterMembers(int cluster, SearchCriteria criteria) => Range(_byCluster[cluster], criteria, -1, -1);

    /// <summary>The members of one nearest-neighbour cluster that carry a wanted theme, priced within the query's floor and ceiling.</summary>
    public CandidateRange ClusterMembersWith(int cluster, CandidateFilter filter, int wantedPosition, SearchCriteria criteria) =>
        Range(_byClusterAndTheme[cluster][filter.WantedThemes[wantedPosition]], criteria, wantedPosition, -1);

    private static List<int>[] Lists(int count) => Enumerable.Range(0, count).Select(_ => new List<int>()).ToArray();

    private static int BucketOf(int age) => Math.Clamp(age, 0, AdultBucket);

    /// <summary>
    /// Ranges of in-stock products priced within the query's floor and ceiling, from the narrowest lists the query allows:
    /// the age lists the query's age range spans, the wanted themes' lists (one range per theme, in the filter's order),
    /// or all in-stock products. A product may sit in several ranges; it is taken from the first (<see cref="TakesFrom"/>).
    /// The caller still checks every limit.
    /// </summary>
    public CandidateRange[] Ranges(SearchCriteria criteria, CandidateFilter filter)
    {
        if (filter.WantsThemes && filter.WantedThemes.Length == 0)
            return []; // only themes this catalog does not have
        var (first, last) = criteria is { AgeMin: { } low, AgeMax: { } high } && low <= high && high >= 0 ? (BucketOf(low), BucketOf(high)) : (-1, -1);
        var byAge = first >= 0 && last - first < MostAgeLists
            ? Enumerable.Range(first, last - first + 1).Select(b => Range(_byAge[b], criteria, -1, b)).ToArray()
            : [Range(_inStock, criteria, -1, -1)];
        if (!filter.WantsThemes)
            return byAge;
        var exactAge = first >= 0 && first == last;
        var byTheme = new CandidateRange[filter.WantedThemes.Length];
        for (var position = 0; position < byTheme.Length; position++)
        {
            var theme = filter.WantedThemes[position];
            byTheme[position] = Range(exactAge ? _byThemeAndAge[theme][first] : _byTheme[theme], criteria, position, -1);
        }
        return byTheme.Sum(r => r.Count) < byAge.Sum(r => r.Count) ? byTheme : byAge;
    }

    /// <summary>Whether the product is scored from this range: a product in several ranges only from the first of them.</summary>
    public static bool TakesFrom(CandidateRange range, int product, CandidateFilter filter, ProductColumns columns, SearchCriteria criteria) =>
        range.WantedPosition >= 0 ? filter.FirstWantedPosition(product) == range.WantedPosition
        : range.AgeList < 0 || Math.Max(BucketOf(columns.Facts[product].MinAge), BucketOf(criteria.AgeMin ?? 0)) == range.AgeList;

    private CandidateRange Range(int[] list, SearchCriteria criteria, int wantedPosition, int ageList) =>
        new(list, LowerBound(list, criteria.MinPrice), UpperBound(list, criteria.MaxPrice), wantedPosition, ageList);

    private int LowerBound(int[] list, decimal? min)
    {
        if (min is not { } value) return 0;
        int lo = 0, hi = list.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_facts[list[mid]].Price < value) lo = mid + 1; else hi = mid;
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
            if (_facts[list[mid]].Price <= value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}

/// <summary>Positions [Start, End) of an index list; the wanted theme (position in the query) or the age list it is for, or -1.</summary>
internal readonly record struct CandidateRange(int[] List, int Start, int End, int WantedPosition, int AgeList)
{
    public int Count => Math.Max(0, End - Start);
}
