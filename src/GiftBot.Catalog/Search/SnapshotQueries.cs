using GiftBot.Meaning;

namespace GiftBot.Catalog.Search;

/// <summary>The <see cref="IProductCatalog"/> operations over one snapshot, shared by the SQLite and in-memory catalogs.</summary>
internal static class SnapshotQueries
{
    public static Product? Get(CatalogSnapshot snapshot, string id) => snapshot.ById.GetValueOrDefault(id);

    // A scan: a shared link is rare next to searches, and the snapshot keeps no index by address.
    public static Product? GetByLink(CatalogSnapshot snapshot, string url) =>
        PageAddress(url) is { } wanted ? snapshot.ById.Values.FirstOrDefault(p => PageAddress(p.Link) == wanted) : null;

    private static string? PageAddress(string? url)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)) return null;
        var host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        return host + uri.AbsolutePath.TrimEnd('/');
    }

    public static IReadOnlyList<Product> Search(CatalogSnapshot snapshot, ProductQuery query, ITextEmbedder? embedder) =>
        ProductRanker.Rank(snapshot, SearchCriteria.From(query, snapshot, WishVector(snapshot, query, embedder)));

    public static bool IsWithinLimits(CatalogSnapshot snapshot, ProductQuery query, string productId) =>
        snapshot.IndexOf(productId) is { } product && new CandidateFilter(snapshot, SearchCriteria.From(query, snapshot)).Passes(product);

    public static Recommendation Recommend(CatalogSnapshot snapshot, ProductQuery query, CatalogOptions options, ITextEmbedder? embedder) =>
        RecommendationPlanner.Recommend(snapshot, query, WishVector(snapshot, query, embedder), options.BudgetRelaxStepPercent, options.MaxBudgetRelaxSteps);

    /// <summary>The shopper's words as a vector, when both they and the products have one.</summary>
    private static float[]? WishVector(CatalogSnapshot snapshot, ProductQuery query, ITextEmbedder? embedder) =>
        embedder is not null && snapshot.Meaning.HasVectors && !string.IsNullOrWhiteSpace(query.Wish) ? embedder.Embed(query.Wish) : null;
}
