using System.Diagnostics;
using GiftBot.Benchmarks.Shared;
using GiftBot.Catalog.Feed;
using GiftBot.Catalog.Import;
using Microsoft.Data.Sqlite;

namespace GiftBot.Benchmarks.Growth;

/// <summary>A shop-sized catalog: a generated feed imported by the real importer (as `catalog import` does), shared by the benchmark's hosts.</summary>
public sealed class GrowthCatalog : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "giftbot-growth", "catalog-" + Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_folder, "catalog.db");

    public static async Task<GrowthCatalog> ImportAsync(int products, TextWriter output)
    {
        var catalog = new GrowthCatalog();
        Directory.CreateDirectory(catalog._folder);
        var bundled = Path.Combine(AppContext.BaseDirectory, "content", "catalog", "products.csv");
        var source = (await ProductFeedReader.ReadFileAsync(bundled, "EUR", CancellationToken.None)).Products;
        var feed = Path.Combine(catalog._folder, "feed.csv");
        await File.WriteAllTextAsync(feed, GeneratedCatalogFeed.Generate(source, products));
        output.Write($"  importing a {products:N0}-product feed ... ");
        var clock = Stopwatch.StartNew();
        var report = await new CatalogImporter(catalog.DatabasePath, "EUR").ImportFileAsync(feed, ImportRules.Default, CancellationToken.None);
        if (!report.Applied) throw new InvalidOperationException($"The generated feed was refused ({report.Rejected.Count} rejected rows).");
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s ({report.Imported:N0} imported; product vectors are encoded when the first host loads it)");
        return catalog;
    }

    public long SizeBytes => new DirectoryInfo(_folder).EnumerateFiles("catalog.db*").Sum(f => f.Length);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
