namespace GiftBot.Catalog.Search;

/// <summary>The <see cref="IProductCatalog"/> operations over one snapshot, shared by the SQLite and in-memory catalogs.</summary>
internal static class SnapshotQueries
{
    public static Product? Get(CatalogSnapshot snapshot, string id) => snapshot.ById.GetValueOrDefault(id);

    public static IReadOnlyList<Product> Search(CatalogSnapshot snapshot, ProductQuery query) =>
        ProductRanker.Rank(snapshot, SearchCriteria.From(query, snapshot));

    public static Recommendation Recommend(CatalogSnapshot snapshot, ProductQuery query, CatalogOptions options) =>
        RecommendationPlanner.Recommend(snapshot, query, options.BudgetRelaxStepPercent, options.MaxBudgetRelaxSteps);
}
