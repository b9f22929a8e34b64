using GiftBot.Catalog.Import;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace GiftBot.CatalogSharing;

/// <summary>
/// The shared catalog feed in the bot's store (IStorage: PostgreSQL when several instances run, so every instance sees
/// it). Two items written in one transaction: a small version record that instances poll, and the feed itself, read only
/// when the version moved. The version is a compare-and-set counter, so two publishers never hand out the same version.
/// </summary>
public sealed class StoredCatalogFeed(IStorage storage) : ISharedCatalogFeed
{
    private const string VersionKey = "catalog/shared-feed/version";
    private const string FeedKey = "catalog/shared-feed/content";

    public async Task<long> GetVersionAsync(CancellationToken cancellationToken)
    {
        var read = await storage.ReadAsync([VersionKey], cancellationToken);
        return read.TryGetValue(VersionKey, out var value) ? JObject.FromObject(value).Value<long?>("version") ?? 0 : 0;
    }

    public async Task<SharedCatalogFeed?> ReadAsync(CancellationToken cancellationToken)
    {
        var read = await storage.ReadAsync([FeedKey], cancellationToken);
        if (!read.TryGetValue(FeedKey, out var value)) return null;
        var feed = JObject.FromObject(value);
        return new SharedCatalogFeed(
            feed.Value<long>("version"), feed.Value<string>("source") ?? "", feed.Value<string>("feedCsv") ?? "",
            DateTimeOffset.FromUnixTimeMilliseconds(feed.Value<long>("publishedAt")));
    }

    public async Task<long> PublishAsync(string source, string feedCsv, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var read = await storage.ReadAsync([VersionKey], cancellationToken);
            var current = read.TryGetValue(VersionKey, out var value) ? JObject.FromObject(value) : new JObject { ["version"] = 0L, ["eTag"] = "new" };
            var version = (current.Value<long?>("version") ?? 0) + 1;
            var publishedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            current["version"] = version;
            current["source"] = source;
            current["publishedAt"] = publishedAt;
            try
            {
                await storage.WriteAsync(new Dictionary<string, object>
                {
                    [VersionKey] = current,
                    [FeedKey] = new JObject { ["version"] = version, ["source"] = source, ["feedCsv"] = feedCsv, ["publishedAt"] = publishedAt },
                }, cancellationToken);
                return version;
            }
            catch (GiftBot.Storage.StorageConcurrencyException) when (attempt < 5)
            {
                // Another publisher won the race: read the new version and go again.
            }
        }
    }
}
