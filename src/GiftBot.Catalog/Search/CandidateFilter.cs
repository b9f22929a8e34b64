namespace GiftBot.Catalog.Search;

/// <summary>
/// One query's hard limits over the snapshot's columns: in stock, age range, price, ruled-out themes, products already
/// shown, and (when themes are wanted) at least one of them. Built per query; its size follows the theme count and
/// the products already shown, never the catalog.
/// </summary>
internal sealed class CandidateFilter
{
    private readonly ProductColumns _columns;
    private readonly int _ageMin;
    private readonly int _ageMax;
    private readonly bool _everyAge;
    private readonly decimal _minPrice;
    private readonly decimal _maxPrice;
    private readonly int[] _wantedPosition;
    private readonly bool _themeBits;
    private readonly ulong _wantedBits;
    private readonly ulong _excludedBits;
    private readonly bool[]? _excludedThemes;
    private readonly HashSet<int>? _excludedProducts;
    private readonly IReadOnlyList<string[]> _excludedWords;
    private readonly string[][]? _productWords;

    public CandidateFilter(CatalogSnapshot snapshot, SearchCriteria criteria)
    {
        _columns = snapshot.Columns;
        (_ageMin, _ageMax) = (criteria.AgeMin ?? int.MinValue, criteria.AgeMax ?? int.MaxValue);
        _everyAge = criteria.AgeFitsEveryAge;
        (_minPrice, _maxPrice) = (criteria.MinPrice ?? 0, criteria.MaxPrice ?? decimal.MaxValue);
        var themeIds = _columns.ThemeIds;
        WantsThemes = criteria.Interests.Count > 0;
        WantedThemes = criteria.Interests.Select(t => themeIds.TryGetValue(t, out var id) ? id : -1).Where(id => id >= 0).Distinct().ToArray();
        _wantedPosition = new int[themeIds.Count];
        Array.Fill(_wantedPosition, -1);
        for (var position = 0; position < WantedThemes.Length; position++) _wantedPosition[WantedThemes[position]] = position;
        if (criteria.ExcludedThemes.Count > 0)
        {
            _excludedThemes = new bool[themeIds.Count];
            foreach (var theme in criteria.ExcludedThemes)
                if (themeIds.TryGetValue(theme, out var id)) _excludedThemes[id] = true;
        }
        _themeBits = _columns.HasThemeBits;
        if (_themeBits)
        {
            foreach (var id in WantedThemes) _wantedBits |= 1UL << id;
            if (_excludedThemes is not null)
                for (var id = 0; id < _excludedThemes.Length; id++)
                    if (_excludedThemes[id]) _excludedBits |= 1UL << id;
        }
        _excludedWords = criteria.ExcludedWords;
        if (_excludedWords.Count > 0) _productWords = snapshot.Words;
        if (criteria.ExcludedIds.Count > 0)
            _excludedProducts = criteria.ExcludedIds.Select(snapshot.IndexOf).OfType<int>().ToHashSet();
    }

    /// <summary>The query names themes: a product must carry one of them (even when the catalog has none of them).</summary>
    public bool WantsThemes { get; }
    /// <summary>The wanted themes this catalog has, as theme ids, in the query's order.</summary>
    public int[] WantedThemes { get; }

    /// <summary>Never relaxed: out of stock, outside the age range (or not covering every stated age), outside the price range, a ruled-out theme or word, already shown, none of the wanted themes.</summary>
    public bool Passes(int product)
    {
        ref readonly var facts = ref _columns.Facts[product];
        if (!facts.InStock || facts.MaxAge < _ageMin || facts.MinAge > _ageMax) return false;
        // "my 5 and 8 year old": a product for 3-6 fits one of them, not both.
        if (_everyAge && (facts.MinAge > _ageMin || facts.MaxAge < _ageMax)) return false;
        if (facts.Price < _minPrice || facts.Price > _maxPrice) return false;
        if (_excludedProducts is not null && _excludedProducts.Contains(product)) return false;
        if (_productWords is not null && MentionsExcludedWord(_productWords[product])) return false;
        if (_themeBits)
            return (facts.ThemeBits & _excludedBits) == 0 && (!WantsThemes || (facts.ThemeBits & _wantedBits) != 0);
        if (_excludedThemes is not null)
            foreach (var theme in _columns.Themes[product])
                if (_excludedThemes[theme]) return false;
        return !WantsThemes || Matches(product) > 0;
    }

    // A loop, not a lambda over the product: a lambda capturing the parameter makes the compiler allocate its closure on
    // every call of Passes, ruled-out words or not (a megabyte per wide search).
    private bool MentionsExcludedWord(string[] productWords)
    {
        foreach (var phrase in _excludedWords)
            if (ProductWords.Mentions(productWords, phrase)) return true;
        return false;
    }

    /// <summary>How many wanted themes the product carries.</summary>
    public int Matches(int product)
    {
        if (_themeBits) return System.Numerics.BitOperations.PopCount(_columns.Facts[product].ThemeBits & _wantedBits);
        var count = 0;
        foreach (var theme in _columns.Themes[product])
            if (_wantedPosition[theme] >= 0) count++;
        return count;
    }

    /// <summary>The earliest wanted theme the product carries (-1 for none): the one theme range it is scored from.</summary>
    public int FirstWantedPosition(int product)
    {
        if (_themeBits)
        {
            var bits = _columns.Facts[product].ThemeBits & _wantedBits;
            if (bits == 0) return -1;
            for (var position = 0; ; position++)
                if ((bits & (1UL << WantedThemes[position])) != 0) return position;
        }
        var first = -1;
        foreach (var theme in _columns.Themes[product])
        {
            var position = _wantedPosition[theme];
            if (position >= 0 && (first < 0 || position < first)) first = position;
        }
        return first;
    }
}
