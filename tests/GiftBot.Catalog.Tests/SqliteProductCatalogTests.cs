using GiftBot.Catalog.Import;
using GiftBot.Catalog.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GiftBot.Catalog.Tests;

public class SqliteProductCatalogTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task SeedsItselfFromTheBundledFeed_OnFirstRunWithNoDatabase()
    {
        var catalog = CatalogFactory.Create(_dir, Feeds.BundledFeed, themesPath: Feeds.BundledThemes);

        var product = await catalog.GetAsync("GB-1001");
        var themes = await catalog.GetThemesAsync();

        Assert.True(File.Exists(_dir.File("catalog.db")));
        Assert.Equal("Soft Sensory Activity Cube", product?.Title);
        Assert.True(themes.Count >= 15);
        Assert.Contains(themes, t => t.Name == "dinosaurs" && t.DisplayName == "Dinosaurs" && t.Synonyms.Contains("t-rex"));
        Assert.Equal(themes.OrderByDescending(t => t.ProductCount).Select(t => t.Name), themes.Select(t => t.Name));
    }

    [Fact]
    public async Task DoesNotReseed_AnExistingCatalog()
    {
        await new CatalogImporter(_dir.File("catalog.db"), "EUR").ImportAsync(new StringReader(Feeds.Csv(Feeds.Row("mine"))), "mine.csv", default);

        var catalog = CatalogFactory.Create(_dir, Feeds.BundledFeed);

        Assert.Null(await catalog.GetAsync("GB-1001"));
        Assert.NotNull(await catalog.GetAsync("MINE"));
    }

    [Fact]
    public async Task ExplainsWhatToConfigure_WhenEmptyAndTheSeedFeedIsMissing()
    {
        var catalog = CatalogFactory.Create(_dir, _dir.File("missing.csv"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => catalog.GetAsync("x"));

        Assert.Contains("Catalog:FeedPath", error.Message);
    }

    [Fact]
    public async Task PicksUpAnImportFromAnotherProcess_AfterTheRefreshInterval()
    {
        var time = new FakeTimeProvider();
        var catalog = CatalogFactory.Create(_dir, _dir.Write("seed.csv", Feeds.Csv(Feeds.Row("first"))), time);
        Assert.NotNull(await catalog.GetAsync("first"));

        await new CatalogImporter(_dir.File("catalog.db"), "EUR").ImportAsync(new StringReader(Feeds.Csv(Feeds.Row("second"))), "next.csv", default);
        var beforeInterval = await catalog.GetAsync("second");
        time.Advance(TimeSpan.FromSeconds(31));
        var askedWhenDue = await catalog.GetAsync("first");
        await catalog.WhenRefreshedAsync();
        var afterInterval = await catalog.GetAsync("second");

        Assert.Null(beforeInterval);
        Assert.NotNull(askedWhenDue); // the question that starts the check is answered from the catalog it has
        Assert.NotNull(afterInterval);
        Assert.Null(await catalog.GetAsync("first"));
    }

    // A reload of a large catalog (products and their meaning vectors) takes seconds: every turn asking the catalog
    // while it ran waited for it. A check that cannot finish (a shared feed that does not answer) now holds nobody up.
    [Fact]
    public async Task AnswersFromTheLoadedCatalog_WhileACheckForANewOneIsStillRunning()
    {
        var time = new FakeTimeProvider();
        var feed = new StalledSharedFeed();
        var catalog = new SqliteProductCatalog(Microsoft.Extensions.Options.Options.Create(new CatalogOptions
        {
            DatabasePath = _dir.File("catalog.db"),
            FeedPath = _dir.Write("seed.csv", Feeds.Csv(Feeds.Row("kept"))),
            ThemesPath = _dir.File("themes.csv"),
        }), time, Microsoft.Extensions.Logging.Abstractions.NullLogger<SqliteProductCatalog>.Instance, sharedFeed: feed);
        await catalog.InitializeAsync();
        feed.Stalling = true;
        time.Advance(TimeSpan.FromMinutes(1));

        var asked = catalog.GetAsync("kept");
        var askedAgain = catalog.GetAsync("kept");

        await feed.Asked.Task; // the check is running, and cannot finish
        Assert.True(asked.IsCompleted && askedAgain.IsCompleted, "a question waited for the catalog check");
        Assert.NotNull(await asked);
        Assert.False(catalog.WhenRefreshedAsync().IsCompleted);
        feed.Release();
        await catalog.WhenRefreshedAsync();
    }

    /// <summary>A shared feed whose version check, once stalling, does not answer until released.</summary>
    private sealed class StalledSharedFeed : ISharedCatalogFeed
    {
        private readonly TaskCompletionSource<long> _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool Stalling { get; set; }
        public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _stalled.TrySetResult(0);

        public Task<long> GetVersionAsync(CancellationToken cancellationToken)
        {
            if (!Stalling) return Task.FromResult(0L);
            Asked.TrySetResult();
            return _stalled.Task;
        }

        public Task<SharedCatalogFeed?> ReadAsync(CancellationToken cancellationToken) => Task.FromResult<SharedCatalogFeed?>(null);

        public Task<long> PublishAsync(string source, string feedCsv, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    [Fact]
    public async Task AppliesThemeFileEdits_AndDerivesNamesForFeedOnlyThemes()
    {
        var time = new FakeTimeProvider();
        var themes = _dir.Write("themes.csv", "theme,display_name,synonyms\nspace,Outer space,rockets\n");
        var feed = _dir.Write("seed.csv", Feeds.Csv(Feeds.Row("r", interests: "space"), Feeds.Row("k", interests: "board-games")));
        var catalog = CatalogFactory.Create(_dir, feed, time, themes);

        var names = (await catalog.GetThemesAsync()).Select(t => t.DisplayName).Order().ToArray();
        File.WriteAllText(themes, "theme,display_name,synonyms\nspace,Space,astronauts\n");
        File.SetLastWriteTimeUtc(themes, DateTime.UtcNow.AddMinutes(1));
        time.Advance(TimeSpan.FromMinutes(1));
        await catalog.GetThemesAsync();
        await catalog.WhenRefreshedAsync();
        var astronauts = await catalog.SearchAsync(new ProductQuery { Interests = ["astronauts"] });

        Assert.Equal(["Board games", "Outer space"], names);
        Assert.Equal(["r"], astronauts.Ids());
    }

    [Fact]
    public async Task KeepsServingTheLoadedCatalog_WhenTheDatabaseBecomesUnreadable()
    {
        var time = new FakeTimeProvider();
        var catalog = CatalogFactory.Create(_dir, _dir.Write("seed.csv", Feeds.Csv(Feeds.Row("kept"))), time);
        await catalog.InitializeAsync();

        File.WriteAllText(_dir.File("catalog.db"), "this is not a database");
        foreach (var sidecar in new[] { "catalog.db-wal", "catalog.db-shm" })
            File.Delete(_dir.File(sidecar));
        time.Advance(TimeSpan.FromMinutes(5));
        await catalog.GetAsync("kept");
        await catalog.WhenRefreshedAsync();

        Assert.NotNull(await catalog.GetAsync("kept"));
    }

    [Fact]
    public async Task ReseedsFromTheFeed_WhenTheDatabaseIsDeletedUnderARunningBot()
    {
        var time = new FakeTimeProvider();
        var catalog = CatalogFactory.Create(_dir, _dir.Write("seed.csv", Feeds.Csv(Feeds.Row("seeded"))), time);
        await catalog.InitializeAsync();

        foreach (var file in new[] { "catalog.db", "catalog.db-wal", "catalog.db-shm" })
            File.Delete(_dir.File(file));
        time.Advance(TimeSpan.FromMinutes(1));
        await catalog.GetAsync("seeded");
        await catalog.WhenRefreshedAsync();

        Assert.NotNull(await catalog.GetAsync("seeded"));
        Assert.True(File.Exists(_dir.File("catalog.db")));
    }
}
