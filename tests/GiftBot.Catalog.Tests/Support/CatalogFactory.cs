using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GiftBot.Catalog.Tests.Support;

/// <summary>An SQLite catalog in a temp directory, on a fake clock.</summary>
public static class CatalogFactory
{
    public static SqliteProductCatalog Create(TempDirectory dir, string feedPath, FakeTimeProvider? time = null, string? themesPath = null) =>
        new(Options.Create(new CatalogOptions
        {
            DatabasePath = dir.File("catalog.db"),
            FeedPath = feedPath,
            ThemesPath = themesPath ?? dir.File("themes.csv"),
        }), time ?? new FakeTimeProvider(), NullLogger<SqliteProductCatalog>.Instance);
}
