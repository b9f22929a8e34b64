namespace GiftBot.Catalog.Http;

/// <summary>A product as the catalog API returns it (camelCase JSON).</summary>
public sealed record ProductResponse(
    string Id,
    string Title,
    string Description,
    decimal Price,
    string Currency,
    int MinAge,
    int MaxAge,
    IReadOnlyList<string> Interests,
    string Availability,
    bool InStock,
    string Condition,
    string Link,
    string ImageLink,
    string Brand)
{
    public static ProductResponse From(Product p) => new(
        p.Id, p.Title, p.Description, p.Price, p.Currency, p.MinAge, p.MaxAge, p.Interests,
        p.Availability, p.IsInStock, p.Condition, p.Link, p.ImageLink, p.Brand);
}

/// <summary>The answer of /api/catalog/recommend: products and which constraint, if any, was loosened to find them.</summary>
public sealed record RecommendationResponse(IReadOnlyList<ProductResponse> Products, string Relaxed, decimal? RelaxedMaxPrice);
