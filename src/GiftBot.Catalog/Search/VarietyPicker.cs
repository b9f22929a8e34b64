namespace GiftBot.Catalog.Search;

/// <summary>
/// Fills the result in relevance order, but defers a product whose brand or theme is already used often enough
/// (about two in five), so a carousel of five is never five items of one brand or one theme. Deferred
/// products still fill the remaining places when nothing else fits.
/// </summary>
internal static class VarietyPicker
{
    public static IReadOnlyList<Product> Pick(List<Product> ranked, SearchCriteria criteria)
    {
        var limit = Math.Min(criteria.Limit, ranked.Count);
        var picked = new List<Product>(limit);
        var brandCounts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var themeCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var perBrand = Math.Max(1, (int)Math.Ceiling(criteria.Limit * 0.4));
        // With one wanted theme every result shares it; with several, each should get its share of the places.
        var perWantedTheme = criteria.Interests.Count > 1 ? (int)Math.Ceiling(criteria.Limit / (double)criteria.Interests.Count) : int.MaxValue;
        var remaining = ranked; // the pool's own list, used up here

        while (picked.Count < limit)
        {
            var index = remaining.FindIndex(p => !OverCap(p));
            if (index < 0)
                index = 0;
            var product = remaining[index];
            remaining.RemoveAt(index);
            picked.Add(product);
            Increment(brandCounts, product.Brand);
            foreach (var theme in product.Interests)
                Increment(themeCounts, theme);
        }
        return picked;

        bool OverCap(Product product)
        {
            if (product.Brand.Length > 0 && brandCounts.GetValueOrDefault(product.Brand) >= perBrand)
                return true;
            foreach (var theme in product.Interests)
            {
                var cap = criteria.Interests.Contains(theme) ? perWantedTheme : perBrand;
                if (themeCounts.GetValueOrDefault(theme) >= cap)
                    return true;
            }
            return false;
        }
    }

    private static void Increment(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
