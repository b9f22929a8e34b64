namespace GiftBot.Catalog.Search;

/// <summary>
/// Strict search: candidates come from the index (age, price, stock, wanted themes), every hard limit is checked
/// again, then the best few are kept in a bounded heap: more matched themes, then closest in meaning to what the
/// shopper loves, then price nearest the budget. Only candidates are scored, so the cost follows the candidates, not
/// the catalog; when a wish meets more candidates than an exact scan affords, the clusters nearest the wish are scored
/// instead (<see cref="MeaningIndex"/>).
/// </summary>
internal static class ProductRanker
{
    /// <summary>How many of the best candidates the variety picker may choose from, per place in the result.</summary>
    private const int PoolPerPlace = 8;
    /// <summary>Up to this many candidates a wish is scored against every one of them.</summary>
    public const int ExactScanLimit = 8_000;
    /// <summary>How many candidates that pass every limit the nearest clusters must yield before the search stops.</summary>
    private const int NearestScored = 3_000;
    /// <summary>...or once this many were looked at, when few pass the limits (the pool is full by then).</summary>
    private const int NearestVisited = 30_000;
    /// <summary>How many candidates ahead the memory a candidate needs is asked for (<see cref="MemoryPrefetch"/>).</summary>
    private const int PrefetchAhead = 8;

    public static IReadOnlyList<Product> Rank(CatalogSnapshot snapshot, SearchCriteria criteria, bool exact = false)
    {
        var filter = new CandidateFilter(snapshot, criteria);
        var ranges = snapshot.Index.Ranges(criteria, filter);
        var pool = new CandidatePool(snapshot, criteria, filter, criteria.Limit * PoolPerPlace);
        var meaning = snapshot.Meaning;
        if (!exact && pool.Wish is { } wish && meaning.HasClusters && ranges.Sum(r => r.Count) > ExactScanLimit)
        {
            var (scored, visited) = (0, 0);
            foreach (var cluster in meaning.ClustersNearest(wish))
            {
                // Only the members priced within the limits are read (the others cannot pass), but every member counts as
                // visited, so where the search stops, and so what it finds, does not depend on the skipping.
                if (filter.WantsThemes)
                {
                    // Only the members carrying a wanted theme (the others cannot pass); one carrying several is taken
                    // from the list of its first.
                    for (var position = 0; position < filter.WantedThemes.Length; position++)
                    {
                        var members = snapshot.Index.ClusterMembersWith(cluster, filter, position, criteria);
                        for (var k = members.Start; k < members.End; k++)
                        {
                            if (k + PrefetchAhead < members.End) pool.Prefetch(members.List[k + PrefetchAhead], vector: false);
                            if (filter.FirstWantedPosition(members.List[k]) == position && pool.Offer(members.List[k])) scored++;
                        }
                        visited += members.List.Length;
                    }
                }
                else
                {
                    var members = snapshot.Index.ClusterMembers(cluster, criteria);
                    for (var k = members.Start; k < members.End; k++)
                    {
                        if (k + PrefetchAhead < members.End) pool.Prefetch(members.List[k + PrefetchAhead], vector: false);
                        if (pool.Offer(members.List[k])) scored++;
                    }
                    visited += members.List.Length;
                }
                if (pool.IsFull && (scored >= NearestScored || visited >= NearestVisited)) break;
            }
        }
        else if (pool.Wish is null && !filter.WantsThemes && criteria is { PriceTarget: { } target, MaxPrice: { } ceiling } && target == ceiling)
        {
            // Nothing but price nearest the budget decides: read each price-ordered range from the top and stop where a
            // cheaper product can no longer beat the worst one kept (same result as scoring them all).
            var facts = snapshot.Columns.Facts;
            foreach (var range in ranges)
            {
                for (var k = range.End - 1; k >= range.Start; k--)
                {
                    var product = range.List[k];
                    if (pool.WorstPriceDistance is { } worst && target - facts[product].Price > worst) break;
                    if (CatalogIndex.TakesFrom(range, product, filter, snapshot.Columns, criteria))
                        pool.Offer(product);
                }
            }
        }
        else
        {
            // "Anything for a 7-year-old": with no wish, no wanted theme and no budget only the age span and the id order
            // rank, so a product that cannot beat the worst kept one is passed over before its limits are read.
            var spanAndIdOnly = pool.Wish is null && !filter.WantsThemes && criteria.PriceTarget is null;
            foreach (var range in ranges)
            {
                for (var k = range.Start; k < range.End; k++)
                {
                    if (k + PrefetchAhead < range.End) pool.Prefetch(range.List[k + PrefetchAhead]);
                    var product = range.List[k];
                    if (spanAndIdOnly && pool.CannotBeatOnSpanAndId(product)) continue;
                    if (CatalogIndex.TakesFrom(range, product, filter, snapshot.Columns, criteria))
                        pool.Offer(product);
                }
            }
        }
        return VarietyPicker.Pick(pool.Best(), criteria);
    }
}
