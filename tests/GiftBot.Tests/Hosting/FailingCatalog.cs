using GiftBot.Catalog;

namespace GiftBot.Tests.Hosting;

/// <summary>The bundled catalog, except that searching and recommending throw: a bug in our code, not an outage.</summary>
public sealed class FailingCatalog(IProductCatalog inner) : IProductCatalog
{
    public const string Failure = "The test catalog was told to fail.";

    public string Currency => inner.Currency;

    public Task<Product?> GetAsync(string id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<Product>> SearchAsync(ProductQuery query, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException(Failure);

    public Task<bool> IsWithinLimitsAsync(ProductQuery query, string productId, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException(Failure);

    public Task<Recommendation> RecommendAsync(ProductQuery query, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException(Failure);

    public Task<IReadOnlyList<Product>> FindByNameAsync(string name, int limit, CancellationToken cancellationToken = default) =>
        inner.FindByNameAsync(name, limit, cancellationToken);

    public Task<Product?> FindByLinkAsync(string url, CancellationToken cancellationToken = default) => inner.FindByLinkAsync(url, cancellationToken);

    public Task<IReadOnlyList<InterestTheme>> GetThemesAsync(CancellationToken cancellationToken = default) => inner.GetThemesAsync(cancellationToken);
}
