using GiftBot.Catalog;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GiftBot.Health;

/// <summary>Ready when the product catalog answers and has interest themes to offer (an empty catalog cannot recommend).</summary>
internal sealed class CatalogHealthCheck(IServiceProvider services, ILogger<CatalogHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<IProductCatalog>() is not { } catalog)
            return HealthCheckResult.Unhealthy("No product catalog is configured.");
        try
        {
            var themes = await catalog.GetThemesAsync(cancellationToken);
            return themes.Count > 0
                ? HealthCheckResult.Healthy($"The catalog answers with {themes.Count} interest themes.")
                : HealthCheckResult.Degraded("The catalog answers but holds no products.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Health check: the product catalog did not answer");
            return HealthCheckResult.Unhealthy("The product catalog does not answer.");
        }
    }
}
