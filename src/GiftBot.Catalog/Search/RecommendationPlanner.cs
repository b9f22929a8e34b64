namespace GiftBot.Catalog.Search;

/// <summary>
/// Loosens one constraint at a time when a strict search finds nothing: the interests first (keeping the budget),
/// then the budget alone in bounded steps (keeping the interests). Age, stock, ruled-out themes and products
/// already shown are never loosened.
/// </summary>
internal static class RecommendationPlanner
{
    public static Recommendation Recommend(CatalogSnapshot snapshot, ProductQuery query, int budgetStepPercent, int maxBudgetSteps)
    {
        var strict = ProductRanker.Rank(snapshot, SearchCriteria.From(query, snapshot));
        if (strict.Count > 0)
            return new Recommendation(strict, RelaxedConstraint.None);

        if (query.Interests.Count > 0 || query.SimilarToProductId is not null)
        {
            var otherThemes = ProductRanker.Rank(snapshot, SearchCriteria.From(query, snapshot, anyInterest: true));
            if (otherThemes.Count > 0)
                return new Recommendation(otherThemes, RelaxedConstraint.Interests);
        }

        if (query.MaxPrice is { } budget && budget > 0)
        {
            for (var step = 1; step <= maxBudgetSteps; step++)
            {
                var raised = RaisedBudget(budget, budgetStepPercent * step);
                var higherBudget = ProductRanker.Rank(snapshot, SearchCriteria.From(query with { MaxPrice = raised }, snapshot));
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
