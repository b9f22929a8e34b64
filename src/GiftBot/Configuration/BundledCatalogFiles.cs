using Microsoft.Extensions.DependencyInjection.Extensions;
using GiftBot.Catalog;
using Microsoft.Extensions.Options;

namespace GiftBot.Configuration;

/// <summary>
/// The catalog resolves relative paths against the content root, which is src/GiftBot under `dotnet run` and the test
/// project under WebApplicationFactory; the bundled feed and theme files are copied next to the app instead
/// (bin/.../content). When a configured file is missing under the content root, this looks next to the app.
/// </summary>
internal sealed class BundledCatalogFiles(IHostEnvironment environment) : IPostConfigureOptions<CatalogOptions>
{
    public void PostConfigure(string? name, CatalogOptions options)
    {
        options.FeedPath = NextToTheAppIfMissing(options.FeedPath);
        options.ThemesPath = NextToTheAppIfMissing(options.ThemesPath);
    }

    private string NextToTheAppIfMissing(string path)
    {
        if (string.IsNullOrWhiteSpace(path) || File.Exists(path)) return path;
        var relative = Path.GetRelativePath(environment.ContentRootPath, path);
        if (Path.IsPathRooted(relative) || relative.StartsWith("..", StringComparison.Ordinal)) return path;
        var besideApp = Path.Combine(AppContext.BaseDirectory, relative);
        return File.Exists(besideApp) ? besideApp : path;
    }
}

public static class BundledCatalogFilesExtensions
{
    /// <summary>
    /// The catalog (a SQLite snapshot per instance, seeded from content/catalog on first run) with the bundled files found
    /// wherever the app runs from, following the feed published to the shared store (`catalog publish`).
    /// </summary>
    public static IServiceCollection AddCatalogWithBundledFiles(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCatalog(configuration);
        services.TryAddSingleton<GiftBot.Catalog.Import.ISharedCatalogFeed, GiftBot.CatalogSharing.StoredCatalogFeed>();
        services.AddSingleton<IPostConfigureOptions<CatalogOptions>, BundledCatalogFiles>();
        return services;
    }
}
