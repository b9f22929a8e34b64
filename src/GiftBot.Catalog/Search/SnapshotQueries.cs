using GiftBot.Meaning;

namespace GiftBot.Catalog.Search;

/// <summary>The <see cref="IProductCatalog"/> operations over one snapshot, shared by the SQLite and in-memory catalogs.</summary>
internal static class SnapshotQueries
{
    public static Product? Get(CatalogSnapshot snapshot, string id) => snapshot.ById.GetValueOrDefault(id);

    public static IReadOnlyList<Product> Search(CatalogSnapshot snapshot, ProductQuery query, ITextEmbedder? embedder) =>
        ProductRanker.Rank(snapshot, SearchCriteria.From(query, snapshot, WishVector(snapshot, query, embedder)));

    public static Recommendation Recommend(CatalogSnapshot snapshot, ProductQuery query, CatalogOptions options, ITextEmbedder? embedder) =>
        RecommendationPlanner.Recommend(snapshot, query, WishVector(snapshot, query, embedder), options.BudgetRelaxStepPercent, options.MaxBudgetRelaxSteps);

    /// <summary>The shopper's words as a vector, when both they and the products have one.</summary>
    private static float[]? WishVector(CatalogSnapshot snapshot, ProductQuery query, ITextEmbedder? embedder) =>
        embedder is not null && snapshot.Meaning.HasVectors && !string.IsNullOrWhiteSpace(query.Wish) ? embedder.Embed(query.Wish) : null;
}
