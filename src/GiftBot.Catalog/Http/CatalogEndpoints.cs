using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GiftBot.Catalog.Http;

/// <summary>The catalog's read-only HTTP API under /api/catalog.</summary>
public static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var catalog = app.MapGroup("/api/catalog").WithTags("Catalog");
        catalog.MapGet("/products/{id}", GetProductAsync);
        catalog.MapGet("/search", SearchAsync);
        catalog.MapGet("/recommend", RecommendAsync);
        catalog.MapGet("/themes", GetThemesAsync);
        return app;
    }

    private static async Task<IResult> GetProductAsync(string id, IProductCatalog catalog, CancellationToken cancellationToken)
    {
        var product = await catalog.GetAsync(id, cancellationToken);
        return product is null
            ? Results.Problem(title: "Product not found", detail: $"The catalog has no product with id '{id}'.", statusCode: StatusCodes.Status404NotFound)
            : Results.Ok(ProductResponse.From(product));
    }

    /// <summary>Strict search: only products that meet every filter, best first.</summary>
    private static async Task<IResult> SearchAsync(HttpRequest request, IProductCatalog catalog, CancellationToken cancellationToken)
    {
        var query = SearchParameters.Parse(request.Query, out var errors);
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, title: "Invalid search parameters");
        var products = await catalog.SearchAsync(query, cancellationToken);
        return Results.Ok(products.Select(ProductResponse.From).ToArray());
    }

    /// <summary>Same parameters as search, but loosens interests, then the budget, when nothing fits (as the bot does).</summary>
    private static async Task<IResult> RecommendAsync(HttpRequest request, IProductCatalog catalog, CancellationToken cancellationToken)
    {
        var query = SearchParameters.Parse(request.Query, out var errors);
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, title: "Invalid search parameters");
        var recommendation = await catalog.RecommendAsync(query, cancellationToken);
        return Results.Ok(new RecommendationResponse(
            recommendation.Products.Select(ProductResponse.From).ToArray(),
            recommendation.Relaxed.ToString().ToLowerInvariant(),
            recommendation.RelaxedMaxPrice));
    }

    private static async Task<IResult> GetThemesAsync(IProductCatalog catalog, CancellationToken cancellationToken) =>
        Results.Ok(await catalog.GetThemesAsync(cancellationToken));
}
