using GiftBot.Catalog.Feed;
using GiftBot.Catalog.Import;
using GiftBot.Catalog.Meaning;
using GiftBot.Catalog.Search;
using GiftBot.Catalog.Storage;
using GiftBot.Catalog.Themes;
using GiftBot.Meaning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GiftBot.Catalog;

/// <summary>
/// The embedded catalog: an SQLite file created and seeded from the bundled feed on first use, searched from an
/// in-memory snapshot. The snapshot is reloaded when another process (the import command) changed the database,
/// a newer feed was published to the shared store (<see cref="ISharedCatalogFeed"/>, when several instances run) or
/// the marketer edited the theme file, checked at most once per <see cref="CatalogOptions.RefreshInterval"/>. The check
/// and the reload run in the background: turns keep the snapshot they have instead of queueing behind them (a reload of
/// 100,000 products and their meaning vectors takes seconds).
/// </summary>
public sealed class SqliteProductCatalog : IProductCatalog
{
    private readonly CatalogOptions _options;
    private readonly CatalogDatabase _database;
    private readonly TimeProvider _time;
    private readonly ILogger<SqliteProductCatalog> _logger;
    private readonly ITextEmbedder? _embedder;
    private readonly ISharedCatalogFeed? _sharedFeed;
    private readonly SemaphoreSlim _loadLock = new(1, 1);
    private volatile LoadedCatalog? _current;
    private long _sharedFeedVersion;
    private int _refreshing;
    private Task _refresh = Task.CompletedTask;

    /// <param name="embedder">Ranks products by meaning; without it (or when it fails) ranking uses themes and price only.</param>
    /// <param name="sharedFeed">The feed published to the shared store (several instances); each instance imports a newer one into its own snapshot.</param>
    public SqliteProductCatalog(IOptions<CatalogOptions> options, TimeProvider time, ILogger<SqliteProductCatalog> logger, ITextEmbedder? embedder = null, ISharedCatalogFeed? sharedFeed = null)
    {
        _embedder = embedder;
        _options = options.Value;
        _sharedFeed = sharedFeed;
        _database = new CatalogDatabase(_options.DatabasePath);
        _time = time;
        _logger = logger;
    }

    public string Currency => _options.Currency;

    /// <summary>Creates, seeds and loads the catalog now rather than on the first question (start-up warm-up).</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default) => await SnapshotAsync(cancellationToken);

    public async Task<Product?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        SnapshotQueries.Get(await SnapshotAsync(cancellationToken), id);

    public async Task<IReadOnlyList<Product>> SearchAsync(ProductQuery query, CancellationToken cancellationToken = default) =>
        SnapshotQueries.Search(await SnapshotAsync(cancellationToken), query, _embedder);

    public async Task<bool> IsWithinLimitsAsync(ProductQuery query, string productId, CancellationToken cancellationToken = default) =>
        SnapshotQueries.IsWithinLimits(await SnapshotAsync(cancellationToken), query, productId);

    public async Task<Recommendation> RecommendAsync(ProductQuery query, CancellationToken cancellationToken = default) =>
        SnapshotQueries.Recommend(await SnapshotAsync(cancellationToken), query, _options, _embedder);

    public async Task<Product?> FindByLinkAsync(string url, CancellationToken cancellationToken = default) =>
        SnapshotQueries.GetByLink(await SnapshotAsync(cancellationToken), url);

    public async Task<IReadOnlyList<Product>> FindByNameAsync(string name, int limit, CancellationToken cancellationToken = default) =>
        NamedProducts.Find(await SnapshotAsync(cancellationToken), name, limit);

    public async Task<IReadOnlyList<InterestTheme>> GetThemesAsync(CancellationToken cancellationToken = default) =>
        (await SnapshotAsync(cancellationToken)).Themes;

    private ValueTask<CatalogSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is null)
            return new ValueTask<CatalogSnapshot>(FirstLoadAsync(cancellationToken));
        if (IsDue(current) && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
        {
            // Not the turn's: its cancellation, log scope and other async-local state stay with the turn.
            using (ExecutionContext.SuppressFlow())
                _refresh = Task.Run(RefreshInBackgroundAsync);
        }
        return ValueTask.FromResult(current.Snapshot);
    }

    /// <summary>The background check started by the last question asked after the refresh interval; completed when none runs.</summary>
    internal Task WhenRefreshedAsync() => Volatile.Read(ref _refresh);

    private bool IsDue(LoadedCatalog loaded) => _time.GetUtcNow() - loaded.CheckedAt >= _options.RefreshInterval;

    private async Task<CatalogSnapshot> FirstLoadAsync(CancellationToken cancellationToken)
    {
        await _loadLock.WaitAsync(cancellationToken);
        try
        {
            return _current?.Snapshot ?? await LoadAsync(cancellationToken);
        }
        finally
        {
            _loadLock.Release();
        }
    }

    private async Task RefreshInBackgroundAsync()
    {
        try
        {
            await _loadLock.WaitAsync();
            try
            {
                if (_current is { } current && IsDue(current))
                    await ReloadIfChangedAsync(current, CancellationToken.None);
            }
            finally
            {
                _loadLock.Release();
            }
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    /// <summary>A failing check keeps serving the catalog already loaded: shoppers never lose search over a refresh.</summary>
    private async Task<CatalogSnapshot> ReloadIfChangedAsync(LoadedCatalog current, CancellationToken cancellationToken)
    {
        try
        {
            await ImportSharedFeedIfNewerAsync(cancellationToken);
            var version = await _database.GetVersionAsync(cancellationToken);
            if (version == current.Version && ThemesStamp() == current.ThemesStamp)
            {
                _current = current with { CheckedAt = _time.GetUtcNow() };
                return current.Snapshot;
            }
            return await LoadAsync(cancellationToken);
        }
        // A shared feed that timed out is a failed check too (its cancellation is not ours): checked again after the interval.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(ex, "Catalog refresh from {DatabasePath} failed; still serving catalog version {Version}", _options.DatabasePath, current.Version);
            _current = current with { CheckedAt = _time.GetUtcNow() };
            return current.Snapshot;
        }
    }

    private async Task<CatalogSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        if (_current is null)
        {
            // The local snapshot (or the bundled feed) still serves shoppers when the shared store does not answer at start-up;
            // the next refresh tries again.
            try { await ImportSharedFeedIfNewerAsync(cancellationToken); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "Shared catalog feed unreadable at start-up; serving the local catalog at {DatabasePath} until it answers", _options.DatabasePath);
            }
        }
        await SeedIfEmptyAsync(cancellationToken);
        var themesStamp = ThemesStamp();
        var (products, version) = await _database.LoadAsync(cancellationToken);
        var snapshot = CatalogSnapshot.Create(products, await ReadThemesAsync(cancellationToken), await VectorsAsync(products, cancellationToken));
        _current = new LoadedCatalog(snapshot, version, themesStamp, _time.GetUtcNow());
        _logger.LogInformation("Catalog version {Version} loaded: {ProductCount} products, {ThemeCount} themes",
            version, snapshot.Products.Count, snapshot.Themes.Count);
        return snapshot;
    }

    private async Task<IReadOnlyList<float[]?>?> VectorsAsync(IReadOnlyList<Product> products, CancellationToken cancellationToken)
    {
        if (_embedder is null || products.Count == 0)
            return null;
        try
        {
            return await ProductVectors.LoadOrBuildAsync(_database, products, _embedder, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Product vectors for catalog {DatabasePath} could not be built; ranking without meaning", _options.DatabasePath);
            return null;
        }
    }

    /// <summary>Brings this instance's snapshot up to the feed published to the shared store, once per published version.</summary>
    private async Task ImportSharedFeedIfNewerAsync(CancellationToken cancellationToken)
    {
        if (_sharedFeed is null || await _sharedFeed.GetVersionAsync(cancellationToken) <= _sharedFeedVersion)
            return;
        var feed = await _sharedFeed.ReadAsync(cancellationToken);
        if (feed is null || feed.Version <= _sharedFeedVersion)
            return;
        var report = await new CatalogImporter(_options.DatabasePath, _options.Currency)
            .ImportAsync(new StringReader(feed.FeedCsv), feed.Source, cancellationToken);
        _sharedFeedVersion = feed.Version;
        if (report.Applied)
            _logger.LogInformation("Shared catalog feed version {SharedVersion} ({Feed}) imported: {Imported} products, {Rejected} rows rejected",
                feed.Version, feed.Source, report.Imported, report.Rejected.Count);
        else
            _logger.LogWarning("Shared catalog feed version {SharedVersion} ({Feed}) has no valid rows; the catalog is unchanged", feed.Version, feed.Source);
    }

    private async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        // Also on reloads: a database deleted under a running bot comes back seeded rather than empty.
        if (await _database.CountProductsAsync(cancellationToken) > 0)
            return;
        if (!File.Exists(_options.FeedPath))
            throw new InvalidOperationException(
                $"The catalog database '{_options.DatabasePath}' is empty and the feed to seed it, '{_options.FeedPath}', does not exist. "
                + "Set Catalog:FeedPath or import a feed.");
        var report = await new CatalogImporter(_options.DatabasePath, _options.Currency).SeedIfEmptyAsync(_options.FeedPath, cancellationToken);
        if (report is null)
            return;
        foreach (var rejected in report.Rejected)
            _logger.LogWarning("Seed feed {Feed} line {LineNumber} rejected: {Reason}", report.Source, rejected.LineNumber, rejected.Reason);
        _logger.LogInformation("Catalog seeded from {Feed}: {Imported} products, {Rejected} rows rejected",
            report.Source, report.Imported, report.Rejected.Count);
    }

    private async Task<IReadOnlyList<ThemeDefinition>> ReadThemesAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (themes, errors) = await ThemeFileReader.ReadFileAsync(_options.ThemesPath, cancellationToken);
            foreach (var error in errors)
                _logger.LogWarning("Theme file line {LineNumber} ignored: {Reason}", error.LineNumber, error.Reason);
            return themes;
        }
        catch (Exception ex) when (ex is FeedFormatException or IOException)
        {
            _logger.LogError(ex, "Theme file {ThemesPath} unreadable; themes keep their feed names without synonyms", _options.ThemesPath);
            return [];
        }
    }

    private DateTime ThemesStamp() => File.GetLastWriteTimeUtc(_options.ThemesPath);

    private sealed record LoadedCatalog(CatalogSnapshot Snapshot, long Version, DateTime ThemesStamp, DateTimeOffset CheckedAt);
}
