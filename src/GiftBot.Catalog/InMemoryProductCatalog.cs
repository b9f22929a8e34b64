using GiftBot.Catalog.Feed;
using GiftBot.Catalog.Meaning;
using GiftBot.Catalog.Search;
using GiftBot.Catalog.Themes;
using GiftBot.Meaning;

namespace GiftBot.Catalog;

/// <summary>
/// A catalog held only in memory, ranked exactly like <see cref="SqliteProductCatalog"/>. For tests of the
/// conversations and for tools that read a feed without a database.
/// </summary>
public sealed class InMemoryProductCatalog : IProductCatalog
{
    private readonly CatalogSnapshot _snapshot;
    private readonly CatalogOptions _options;
    private readonly ITextEmbedder? _embedder;

    public InMemoryProductCatalog(IEnumerable<Product> products, IEnumerable<ThemeDefinition>? themes = null, CatalogOptions? options = null, ITextEmbedder? embedder = null)
    {
        _options = options ?? new CatalogOptions();
        _embedder = embedder;
        var all = products.ToArray();
        _snapshot = CatalogSnapshot.Create(all, themes ?? [], embedder is null ? null : ProductVectors.Build(all, embedder));
    }

    public string Currency => _options.Currency;

    /// <summary>Reads a feed (rejected rows are skipped) and an optional theme file.</summary>
    public static async Task<InMemoryProductCatalog> FromFilesAsync(
        string feedPath, string? themesPath, CatalogOptions? options = null, CancellationToken cancellationToken = default, ITextEmbedder? embedder = null)
    {
        options ??= new CatalogOptions();
        var feed = await ProductFeedReader.ReadFileAsync(feedPath, options.Currency, cancellationToken);
        var themes = themesPath is null ? [] : (await ThemeFileReader.ReadFileAsync(themesPath, cancellationToken)).Themes;
        return new InMemoryProductCatalog(feed.Products, themes, options, embedder);
    }

    public Task<Product?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(SnapshotQueries.Get(_snapshot, id));

    public Task<IReadOnlyList<Product>> SearchAsync(ProductQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(SnapshotQueries.Search(_snapshot, query, _embedder));

    public Task<bool> IsWithinLimitsAsync(ProductQuery query, string productId, CancellationToken cancellationToken = default) =>
        Task.FromResult(SnapshotQueries.IsWithinLimits(_snapshot, query, productId));

    public Task<Recommendation> RecommendAsync(ProductQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(SnapshotQueries.Recommend(_snapshot, query, _options, _embedder));

    public Task<Product?> FindByLinkAsync(string url, CancellationToken cancellationToken = default) =>
        Task.FromResult(SnapshotQueries.GetByLink(_snapshot, url));

    public Task<IReadOnlyList<Product>> FindByNameAsync(string name, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult(NamedProducts.Find(_snapshot, name, limit));

    public Task<IReadOnlyList<InterestTheme>> GetThemesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(_snapshot.Themes);
}
