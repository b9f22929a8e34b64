namespace GiftBot.Catalog;

/// <summary>The shop's catalog as the bot sees it. Implementations: SQLite (embedded default).</summary>
public interface IProductCatalog
{
    Task<Product?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Strict search: hard filters (age overlap, price, in stock), ranked by interest match, then variety, then deterministic tie-breaks.</summary>
    Task<IReadOnlyList<Product>> SearchAsync(ProductQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether one product passes the query's hard limits (in stock, ages, price range, ruled-out themes and words, not
    /// already shown, a wanted theme): the rule <see cref="SearchAsync"/> filters by, asked of one product without
    /// searching. False for a product the catalog does not have.
    /// </summary>
    Task<bool> IsWithinLimitsAsync(ProductQuery query, string productId, CancellationToken cancellationToken = default);

    /// <summary>Search that relaxes one constraint at a time when nothing fits: interests first, then budget by a bounded step. Never relaxes age or stock.</summary>
    Task<Recommendation> RecommendAsync(ProductQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Products the shopper names in a question ("is the space shuttle in stock?"), in stock or not, cheapest first: every
    /// word in the title or naming one of the product's themes. Empty when nothing is called that.
    /// </summary>
    Task<IReadOnlyList<Product>> FindByNameAsync(string name, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// The product whose page this address is (the feed's link), as a shopper pastes or shares it: scheme, "www.", the
    /// host's case, query string, fragment and a trailing slash do not matter. Null for any other address.
    /// </summary>
    Task<Product?> FindByLinkAsync(string url, CancellationToken cancellationToken = default);

    /// <summary>The interest themes present in the catalog (with synonyms from the theme file), most products first.</summary>
    Task<IReadOnlyList<InterestTheme>> GetThemesAsync(CancellationToken cancellationToken = default);

    /// <summary>The shop's currency (ISO 4217).</summary>
    string Currency { get; }
}

public sealed record InterestTheme(string Name, string DisplayName, IReadOnlyList<string> Synonyms, int ProductCount);
