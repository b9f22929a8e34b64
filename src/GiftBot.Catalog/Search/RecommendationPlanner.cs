namespace GiftBot.Catalog.Search;

/// <summary>
/// When a strict search finds nothing, first drops the bottom of a budget range, then the wanted themes (keeping every hard limit) and shows what comes
/// closest in meaning to what the shopper loves. Age, budget, stock, ruled-out themes and products already shown
/// are never loosened unless the shop opts in to stretching the budget (<see cref="CatalogOptions.MaxBudgetRelaxSteps"/>).
/// </summary>
internal static class RecommendationPlanner
{
    public static Recommendation Recommend(CatalogSnapshot snapshot, ProductQuery query, float[]? wish, int budgetStepPercent, int maxBudgetSteps)
    {
        var strict = ProductRanker.Rank(snapshot, SearchCriteria.From(query, snapshot, wish));
        if (strict.Count > 0)
            return new Recommendation(strict, RelaxedConstraint.None);

        // The bottom of a range ("between 20 and 30") is a wish, the top a limit: cheaper products that fit the interests
        // come before other interests.
        if (query.MinPrice is > 0)
        {
            var cheaper = ProductRanker.Rank(snapshot, SearchCriteria.From(query with { MinPrice = null }, snapshot, wish));
            if (cheaper.Count > 0)
                return new Recommendation(cheaper, RelaxedConstraint.MinimumPrice);
        }

        if (query.Interests.Count > 0 || query.SimilarToProductId is not null)
        {
            var otherThemes = ProductRanker.Rank(snapshot, SearchCriteria.From(query, snapshot, wish, anyInterest: true));
            if (otherThemes.Count > 0)
                return new Recommendation(otherThemes, RelaxedConstraint.Interests);
        }

        if (query.MaxPrice is { } budget && budget > 0)
        {
            for (var step = 1; step <= maxBudgetSteps; step++)
            {
                var raised = RaisedBudget(budget, budgetStepPercent * step);
                var higherBudget = ProductRanker.Rank(snapshot, SearchCriteria.From(query with { MaxPrice = raised }, snapshot, wish));
                if (higherBudget.Count > 0)
                    return new Recommendation(higherBudget, RelaxedConstraint.Budget, raised);
            }
        }
        return new Recommendation([], RelaxedConstraint.None);
    }

    /// <summary>The budget raised by a percentage of the original, rounded up to whole cents.</summary>
    public static decimal RaisedBudget(decimal budget, int percent) =>
        Math.Ceiling(budget * (100 + percent) / 100m * 100m) / 100m;
}
