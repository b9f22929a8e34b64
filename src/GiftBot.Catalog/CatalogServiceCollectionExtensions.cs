using GiftBot.Meaning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using GiftBot.Catalog.Import;
using Microsoft.Extensions.Options;

namespace GiftBot.Catalog;

public static class CatalogServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SQLite catalog bound to the "Catalog" section (validated at start-up, relative paths against
    /// the content root) and a start-up step that creates and seeds it, so the first shopper does not wait.
    /// </summary>
    public static IServiceCollection AddCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CatalogOptions>()
            .Bind(configuration.GetSection(CatalogOptions.SectionName))
            .PostConfigure<IHostEnvironment>((options, environment) => options.ResolvePaths(environment.ContentRootPath))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CatalogOptions>, CatalogOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMeaning();
        services.TryAddSingleton<SqliteProductCatalog>();
        services.TryAddSingleton<IProductCatalog>(sp => sp.GetRequiredService<SqliteProductCatalog>());
        services.AddHostedService<CatalogWarmUp>();
        services.AddCatalogFeedImport(configuration);
        return services;
    }

    /// <summary>The import rules (Catalog:MaxRejectedPercent) and the scheduled fetch of Catalog:FeedUrl, off while it is empty.</summary>
    private static IServiceCollection AddCatalogFeedImport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CatalogFeedOptions>().Bind(configuration.GetSection(CatalogFeedOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CatalogFeedOptions>, CatalogFeedOptionsValidator>());
        services.AddHttpClient(ScheduledFeedImport.HttpClientName);
        services.AddHostedService<ScheduledFeedImport>();
        return services;
    }

    private sealed class CatalogWarmUp(SqliteProductCatalog catalog) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => catalog.InitializeAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
