using System.Globalization;
using GiftBot.Catalog.Feed;
using GiftBot.Catalog.Storage;

namespace GiftBot.Catalog.Import;

/// <summary>What became of a feed.</summary>
public enum ImportOutcome
{
    /// <summary>The good rows replaced the catalog.</summary>
    Applied,
    /// <summary>Nothing written on purpose (--dry-run); <see cref="ImportReport.Changes"/> says what would have changed.</summary>
    DryRun,
    /// <summary>No row was valid: the previous catalog was kept rather than replaced by nothing.</summary>
    NothingValid,
    /// <summary>Too many rows were rejected (above the configured limit): the previous catalog was kept.</summary>
    TooManyRejected,
}

/// <summary>What an import did (or would do): the outcome, the changes against the catalog and the rows left out, by line.</summary>
public sealed record ImportReport(string Source, ImportOutcome Outcome, int ValidRows, IReadOnlyList<FeedRowError> Rejected, CatalogChanges Changes)
{
    public bool Applied => Outcome == ImportOutcome.Applied;

    /// <summary>Products now in the catalog from this feed (0 unless applied).</summary>
    public int Imported => Applied ? ValidRows : 0;

    public int TotalRows => ValidRows + Rejected.Count;

    /// <summary>Rejected rows in percent of all rows.</summary>
    public double RejectedPercent => TotalRows == 0 ? 0 : 100.0 * Rejected.Count / TotalRows;

    public string RejectedShare => RejectedPercent.ToString("0.#", CultureInfo.InvariantCulture) + " %";
}

/// <summary>
/// Loads a product feed into the catalog database: the good rows replace the catalog in one transaction, unless the
/// feed breaks the <see cref="ImportRules"/> (too many rejected rows), in which case the catalog is left as it was.
/// </summary>
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
    public async Task<ImportReport> ImportFileAsync(string feedPath, ImportRules rules, CancellationToken cancellationToken)
    {
        var feed = await ProductFeedReader.ReadFileAsync(feedPath, _currency, cancellationToken);
        return await ApplyAsync(feed, Path.GetFileName(feedPath), rules, cancellationToken);
    }

    public async Task<ImportReport> ImportAsync(TextReader feed, string sourceName, ImportRules rules, CancellationToken cancellationToken)
    {
        var result = await ProductFeedReader.ReadAsync(feed, _currency, cancellationToken);
        return await ApplyAsync(result, sourceName, rules, cancellationToken);
    }

    /// <summary>Imports with the default rules (at most 5 % rejected rows).</summary>
    public Task<ImportReport> ImportAsync(TextReader feed, string sourceName, CancellationToken cancellationToken) =>
        ImportAsync(feed, sourceName, ImportRules.Default, cancellationToken);

    /// <summary>Seeds the catalog from a feed unless it already has products; returns null when nothing needed doing.</summary>
    /// <remarks>An empty catalog has nothing to lose, so the seed takes whatever rows are valid.</remarks>
    internal async Task<ImportReport?> SeedIfEmptyAsync(string feedPath, CancellationToken cancellationToken)
    {
        if (await _database.CountProductsAsync(cancellationToken) > 0)
            return null;
        var feed = await ProductFeedReader.ReadFileAsync(feedPath, _currency, cancellationToken);
        if (feed.Products.Count == 0)
            return new ImportReport(Path.GetFileName(feedPath), ImportOutcome.NothingValid, 0, feed.Errors, CatalogChanges.Between([], []));
        var written = await _database.ReplaceProductsAsync(feed.Products, Path.GetFileName(feedPath), onlyIfEmpty: true, cancellationToken);
        return written
            ? new ImportReport(Path.GetFileName(feedPath), ImportOutcome.Applied, feed.Products.Count, feed.Errors, CatalogChanges.Between([], feed.Products))
            : null;
    }

    private async Task<ImportReport> ApplyAsync(FeedReadResult feed, string source, ImportRules rules, CancellationToken cancellationToken)
    {
        // A dry run against a catalog that does not exist yet must not create one.
        var current = rules.DryRun && !File.Exists(_database.Path) ? [] : (await _database.LoadAsync(cancellationToken)).Products;
        var changes = CatalogChanges.Between(current, feed.Products);
        ImportReport Report(ImportOutcome outcome) => new(source, outcome, feed.Products.Count, feed.Errors, changes);

        if (feed.Products.Count == 0)
            return Report(ImportOutcome.NothingValid);
        if (rules.RefusesFeed(feed.Products.Count, feed.Errors.Count))
            return Report(ImportOutcome.TooManyRejected);
        if (rules.DryRun)
            return Report(ImportOutcome.DryRun);
        await _database.ReplaceProductsAsync(feed.Products, source, onlyIfEmpty: false, cancellationToken);
        return Report(ImportOutcome.Applied);
    }
}
