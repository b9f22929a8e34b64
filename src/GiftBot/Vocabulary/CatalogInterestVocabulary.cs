using GiftBot.Catalog;
using GiftBot.Language;

namespace GiftBot.Vocabulary;

/// <summary>
/// The catalog's interest themes (name, display name, the marketer's synonyms) as the recognizer's interest vocabulary,
/// so a theme added to the feed is understood without code. Loaded once at start-up (a hosted service, before requests
/// are served) and refreshed in the background at most once a minute: the recognizer, which asks synchronously and
/// under its own lock, always gets the last loaded terms at once and never waits on the catalog.
/// </summary>
internal sealed class CatalogInterestVocabulary(IProductCatalog catalog, TimeProvider time, ILogger<CatalogInterestVocabulary> logger)
    : IInterestVocabulary, IHostedService
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(1);
    private sealed record Loaded(IReadOnlyList<InterestTheme> Themes, IReadOnlyList<InterestTerm> Terms, DateTimeOffset At);

    private volatile Loaded? _loaded;
    private int _refreshing;

    public IReadOnlyList<InterestTerm> GetInterestTerms()
    {
        var loaded = _loaded;
        // Only reached unloaded when nothing started the host (a tool using the recognizer directly): load once, then never again.
        if (loaded is null) return LoadAsync(CancellationToken.None).GetAwaiter().GetResult().Terms;
        if (time.GetUtcNow() - loaded.At >= RefreshInterval && Interlocked.Exchange(ref _refreshing, 1) == 0)
            _ = Task.Run(RefreshAsync);
        return loaded.Terms;
    }

    public async Task StartAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RefreshAsync()
    {
        try { await LoadAsync(CancellationToken.None); }
        catch (Exception ex) { logger.LogWarning(ex, "Interest themes could not be reloaded from the catalog; the last ones stay in use"); }
        finally { Volatile.Write(ref _refreshing, 0); }
    }

    private async Task<Loaded> LoadAsync(CancellationToken cancellationToken)
    {
        var themes = await catalog.GetThemesAsync(cancellationToken);
        var last = _loaded;
        var terms = last is not null && ReferenceEquals(themes, last.Themes) ? last.Terms : themes
            .Select(t => new InterestTerm(t.Name, t.Synonyms.Append(t.DisplayName).Distinct(StringComparer.OrdinalIgnoreCase).ToList()))
            .ToList();
        var loaded = new Loaded(themes, terms, time.GetUtcNow());
        _loaded = loaded;
        return loaded;
    }
}
