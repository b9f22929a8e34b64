using GiftBot.Meaning;

namespace GiftBot.Catalog.Search;

/// <summary>
/// Strict search: candidates come from the index (age, price, stock, wanted themes), every hard limit is checked
/// again, then the best few are kept: more matched themes, then closest in meaning to what the shopper loves, then
/// price nearest the budget. Only candidates are scored, so the cost follows the candidates, not the catalog.
/// </summary>
internal static class ProductRanker
{
    /// <summary>How many of the best candidates the variety picker may choose from, per place in the result.</summary>
    private const int PoolPerPlace = 8;

    public static IReadOnlyList<Product> Rank(CatalogSnapshot snapshot, SearchCriteria criteria)
    {
        var poolSize = criteria.Limit * PoolPerPlace;
        var worstFirst = new PriorityQueue<Candidate, Candidate>(poolSize + 1, Comparer<Candidate>.Create((a, b) => CompareRelevance(b, a)));
        foreach (var index in snapshot.Index.Candidates(criteria))
        {
            var product = snapshot.Products[index];
            if (!PassesHardFilters(product, criteria))
                continue;
            var matches = criteria.MatchCount(product);
            if (criteria.Interests.Count > 0 && matches == 0)
                continue;
            var candidate = new Candidate(product, matches, Meaning(snapshot, index, criteria), Closeness(product, criteria), AgeSpan(product, criteria));
            if (worstFirst.Count < poolSize)
                worstFirst.Enqueue(candidate, candidate);
            else if (CompareRelevance(candidate, worstFirst.Peek()) < 0)
                worstFirst.EnqueueDequeue(candidate, candidate);
        }
        var ranked = new List<Candidate>(worstFirst.Count);
        while (worstFirst.TryDequeue(out var candidate, out _)) ranked.Add(candidate);
        ranked.Sort(CompareRelevance);
        return VarietyPicker.Pick(ranked, criteria);
    }

    /// <summary>Never relaxed: out of stock, outside the age range, over budget, a ruled-out theme, already shown.</summary>
    internal static bool PassesHardFilters(Product product, SearchCriteria criteria) =>
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

    /// <summary>
    /// More matched themes, then meaning (in steps of 0.05, so near ties fall to price), then price nearest the budget,
    /// then the most age-specific product, then id.
    /// </summary>
    private static int CompareRelevance(Candidate a, Candidate b)
    {
        var order = b.Matches.CompareTo(a.Matches);
        if (order == 0)
            order = b.MeaningStep.CompareTo(a.MeaningStep);
        if (order == 0)
            order = a.PriceDistance.CompareTo(b.PriceDistance);
        if (order == 0)
            order = a.AgeSpan.CompareTo(b.AgeSpan);
        return order != 0 ? order : string.CompareOrdinal(a.Product.Id, b.Product.Id);
    }

    private static int Meaning(CatalogSnapshot snapshot, int index, SearchCriteria criteria) =>
        criteria.WishVector is { } wish && snapshot.Vectors[index] is { } vector ? (int)MathF.Floor(Vectors.Dot(wish, vector) * 20) : 0;

    private static decimal Closeness(Product product, SearchCriteria criteria) =>
        criteria.PriceTarget is { } target ? Math.Abs(target - product.Price) : 0;

    /// <summary>A toy made for 6-8 year olds suits an 8-year-old better than one for "0-120"; only counts when an age is asked.</summary>
    private static int AgeSpan(Product product, SearchCriteria criteria) =>
        criteria.AgeMin is null && criteria.AgeMax is null ? 0 : product.MaxAge - product.MinAge;
}

internal readonly record struct Candidate(Product Product, int Matches, int MeaningStep, decimal PriceDistance, int AgeSpan);
