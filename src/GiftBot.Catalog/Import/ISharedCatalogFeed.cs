namespace GiftBot.Catalog.Import;

/// <summary>
/// The product feed every instance of the bot should serve, kept in the shared store (PostgreSQL when several instances
/// run). Publishing a feed gives it a new, larger version; each instance notices the version at its next catalog
/// refresh (Catalog:RefreshInterval), imports the feed into its own SQLite snapshot and reloads.
/// </summary>
public interface ISharedCatalogFeed
{
    /// <summary>The version of the latest published feed; 0 when none was ever published.</summary>
    Task<long> GetVersionAsync(CancellationToken cancellationToken);

    Task<SharedCatalogFeed?> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Stores the feed as the one to serve and returns its version.</summary>
    Task<long> PublishAsync(string source, string feedCsv, CancellationToken cancellationToken);
}

/// <param name="Source">The file name it was published from, for logs and the import history.</param>
public sealed record SharedCatalogFeed(long Version, string Source, string FeedCsv, DateTimeOffset PublishedAt);
