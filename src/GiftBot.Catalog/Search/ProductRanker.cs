namespace GiftBot.Catalog.Search;

/// <summary>Strict search: hard filters, then interest match, then variety, with deterministic tie-breaks.</summary>
internal static class ProductRanker
{
    public static IReadOnlyList<Product> Rank(CatalogSnapshot snapshot, SearchCriteria criteria)
    {
        var candidates = new List<Candidate>();
        foreach (var product in snapshot.Products)
        {
            if (!PassesHardFilters(product, criteria))
                continue;
            var matches = criteria.MatchCount(product);
            if (criteria.Interests.Count > 0 && matches == 0)
                continue;
            candidates.Add(new Candidate(product, matches, Closeness(product, criteria), AgeSpan(product, criteria)));
        }
        candidates.Sort(CompareRelevance);
        return VarietyPicker.Pick(candidates, criteria);
    }

    /// <summary>Never relaxed: out of stock, outside the age range, over budget, a ruled-out theme, already shown.</summary>
    private static bool PassesHardFilters(Product product, SearchCriteria criteria) =>
        product.IsInStock
        && criteria.AgeFits(product)
        && criteria.PriceFits(product)
        && !criteria.ExcludedIds.Contains(product.Id)
        && !HasExcludedTheme(product, criteria);

    private static bool HasExcludedTheme(Product product, SearchCriteria criteria)
    {
        if (criteria.ExcludedThemes.Count == 0)
            return false;
        foreach (var theme in product.Interests)
        {
            if (criteria.ExcludedThemes.Contains(theme))
                return true;
        }
        return false;
    }

    /// <summary>More matched themes, then price nearest the budget, then the most age-specific product, then id.</summary>
    private static int CompareRelevance(Candidate a, Candidate b)
    {
        var order = b.Matches.CompareTo(a.Matches);
        if (order == 0)
            order = a.PriceDistance.CompareTo(b.PriceDistance);
        if (order == 0)
            order = a.AgeSpan.CompareTo(b.AgeSpan);
        return order != 0 ? order : string.CompareOrdinal(a.Product.Id, b.Product.Id);
    }

    private static decimal Closeness(Product product, SearchCriteria criteria) =>
        criteria.PriceTarget is { } target ? Math.Abs(target - product.Price) : 0;

    /// <summary>A toy made for 6-8 year olds suits an 8-year-old better than one for "0-120"; only counts when an age is asked.</summary>
    private static int AgeSpan(Product product, SearchCriteria criteria) =>
        criteria.AgeMin is null && criteria.AgeMax is null ? 0 : product.MaxAge - product.MinAge;
}

internal readonly record struct Candidate(Product Product, int Matches, decimal PriceDistance, int AgeSpan);
