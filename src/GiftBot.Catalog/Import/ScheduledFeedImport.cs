using System.Net;
using System.Net.Http.Headers;
using GiftBot.Catalog.Feed;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GiftBot.Catalog.Import;

/// <summary>
/// Fetches Catalog:FeedUrl every Catalog:FeedFetchInterval, as Commerce Manager's scheduled feeds do, and imports it under
/// the same rules as the CLI (a feed with too many rejected rows is refused, the old catalog kept). The GET is
/// conditional (If-None-Match / If-Modified-Since from the last good answer), so an unchanged feed costs a 304.
/// The running catalog notices the new import on its next refresh.
/// </summary>
public sealed class ScheduledFeedImport(
    IHttpClientFactory httpClients,
    IOptions<CatalogOptions> catalog,
    IOptions<CatalogFeedOptions> feeds,
    TimeProvider time,
    ILogger<ScheduledFeedImport> logger) : BackgroundService
{
    public const string HttpClientName = "CatalogFeed";

    private EntityTagHeaderValue? _etag;
    private DateTimeOffset? _lastModified;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = feeds.Value;
        if (string.IsNullOrWhiteSpace(options.FeedUrl)) return;
        var url = new Uri(options.FeedUrl);
        logger.LogInformation("Catalog feed {FeedUrl} is fetched every {Interval}", Redacted(url), options.FeedFetchInterval);
        using var timer = new PeriodicTimer(options.FeedFetchInterval, time);
        do
        {
            try
            {
                await FetchOnceAsync(url, options, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Catalog feed {FeedUrl} could not be imported ({Error}); the catalog is unchanged", Redacted(url), ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One conditional GET and, when the feed changed, one import under the default rules.</summary>
    internal async Task<ImportReport?> FetchOnceAsync(Uri url, CatalogFeedOptions options, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (_etag is not null) request.Headers.IfNoneMatch.Add(_etag);
        if (_lastModified is { } since) request.Headers.IfModifiedSince = since;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.FeedFetchTimeout);

        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            logger.LogDebug("Catalog feed {FeedUrl} not modified", Redacted(url));
            return null;
        }
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("Catalog feed {FeedUrl} answered HTTP {Status}; the catalog is unchanged", Redacted(url), (int)response.StatusCode);
            return null;
        }

        ImportReport report;
        await using (var body = await response.Content.ReadAsStreamAsync(timeout.Token))
        using (var reader = new StreamReader(body, detectEncodingFromByteOrderMarks: true))
        {
            var importer = new CatalogImporter(catalog.Value.DatabasePath, catalog.Value.Currency);
            try
            {
                report = await importer.ImportAsync(reader, url.AbsolutePath, options.Rules(), timeout.Token);
            }
            catch (FeedFormatException ex)
            {
                logger.LogWarning("Catalog feed {FeedUrl} is not a product feed ({Reason}); the catalog is unchanged", Redacted(url), ex.Message);
                return null;
            }
        }
        Log(url, report);
        // Remembered only for an imported feed: a refused one is fetched (and refused, and logged) again until it is fixed.
        if (report.Applied)
        {
            _etag = response.Headers.ETag;
            _lastModified = response.Content.Headers.LastModified;
        }
        return report;
    }

    private void Log(Uri url, ImportReport report)
    {
        foreach (var rejected in report.Rejected.Take(20))
            logger.LogDebug("Catalog feed line {LineNumber} rejected: {Reason}", rejected.LineNumber, rejected.Reason);
        if (report.Outcome == ImportOutcome.Applied)
            logger.LogInformation(
                "Catalog feed {FeedUrl} imported: {Imported} products ({Added} added, {Removed} removed, {PricesChanged} prices changed), {Rejected} rows rejected",
                Redacted(url), report.Imported, report.Changes.Added.Count, report.Changes.Removed.Count, report.Changes.PriceChanges.Count, report.Rejected.Count);
        else
            logger.LogWarning(
                "Catalog feed {FeedUrl} refused ({Outcome}): {Rejected} of {Rows} rows rejected; the catalog is unchanged",
                Redacted(url), report.Outcome, report.Rejected.Count, report.TotalRows);
    }

    // Feed URLs often carry a token in the query string: log the address without it.
    private static string Redacted(Uri url) => url.GetLeftPart(UriPartial.Path);
}
