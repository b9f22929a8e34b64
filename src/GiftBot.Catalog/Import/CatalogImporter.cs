using GiftBot.Catalog.Feed;
using GiftBot.Catalog.Storage;

namespace GiftBot.Catalog.Import;

/// <summary>What an import did: how many products now make up the catalog and which rows were left out, by line.</summary>
public sealed record ImportReport(string Source, int Imported, IReadOnlyList<FeedRowError> Rejected)
{
    /// <summary>False when no row was valid: the previous catalog was kept rather than replaced by nothing.</summary>
    public bool Applied => Imported > 0;
}

/// <summary>Loads a product feed into the catalog database: the good rows replace the catalog in one transaction.</summary>
public sealed class CatalogImporter
{
    private readonly CatalogDatabase _database;
    private readonly string _currency;

    public CatalogImporter(string databasePath, string shopCurrency)
    {
        _database = new CatalogDatabase(databasePath);
        _currency = shopCurrency;
    }

    /// <exception cref="FeedFormatException">The file is not a product feed (empty, header missing required columns).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public async Task<ImportReport> ImportFileAsync(string feedPath, CancellationToken cancellationToken)
    {
        var feed = await ProductFeedReader.ReadFileAsync(feedPath, _currency, cancellationToken);
        return await ApplyAsync(feed, Path.GetFileName(feedPath), onlyIfEmpty: false, cancellationToken);
    }

    public async Task<ImportReport> ImportAsync(TextReader feed, string sourceName, CancellationToken cancellationToken)
    {
        var result = await ProductFeedReader.ReadAsync(feed, _currency, cancellationToken);
        return await ApplyAsync(result, sourceName, onlyIfEmpty: false, cancellationToken);
    }

    /// <summary>Seeds the catalog from a feed unless it already has products; returns null when nothing needed doing.</summary>
    internal async Task<ImportReport?> SeedIfEmptyAsync(string feedPath, CancellationToken cancellationToken)
    {
        if (await _database.CountProductsAsync(cancellationToken) > 0)
            return null;
        var feed = await ProductFeedReader.ReadFileAsync(feedPath, _currency, cancellationToken);
        var report = await ApplyAsync(feed, Path.GetFileName(feedPath), onlyIfEmpty: true, cancellationToken);
        return report;
    }

    private async Task<ImportReport> ApplyAsync(FeedReadResult feed, string source, bool onlyIfEmpty, CancellationToken cancellationToken)
    {
        if (feed.Products.Count == 0)
            return new ImportReport(source, 0, feed.Errors);
        var written = await _database.ReplaceProductsAsync(feed.Products, source, onlyIfEmpty, cancellationToken);
        return new ImportReport(source, written ? feed.Products.Count : 0, feed.Errors);
    }
}
