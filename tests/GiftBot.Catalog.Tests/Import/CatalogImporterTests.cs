using GiftBot.Catalog.Import;
using GiftBot.Catalog.Storage;
using GiftBot.Catalog.Tests.Support;
using Microsoft.Data.Sqlite;

namespace GiftBot.Catalog.Tests.Import;

public class CatalogImporterTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private string Database => _dir.File("catalog.db");

    public void Dispose() => _dir.Dispose();

    private Task<ImportReport> ImportAsync(string csv, CancellationToken cancellationToken = default) =>
        ImportAsync(csv, ImportRules.Default, cancellationToken);

    private Task<ImportReport> ImportAsync(string csv, ImportRules rules, CancellationToken cancellationToken = default) =>
        new CatalogImporter(Database, "EUR").ImportAsync(new StringReader(csv), "test.csv", rules, cancellationToken);

    private async Task<string[]> CatalogIdsAsync()
    {
        var catalog = CatalogFactory.Create(_dir, _dir.File("no-seed.csv"));
        return (await catalog.SearchAsync(new ProductQuery { Limit = 50 })).Ids().Order().ToArray();
    }

    [Fact]
    public async Task ImportsTheGoodRows_AndReportsTheRejectedOnesByLine()
    {
        var report = await ImportAsync(Feeds.Csv(Feeds.Row("a"), Feeds.Row("b", price: "abc"), Feeds.Row("c")), ImportRules.Default with { AllowPartial = true });

        Assert.Equal(2, report.Imported);
        Assert.Equal(3, Assert.Single(report.Rejected).LineNumber);
        Assert.Equal(["a", "c"], await CatalogIdsAsync());
    }

    [Fact]
    public async Task RefusesAFeedWithMoreRejectedRowsThanTheLimit_AndKeepsTheCatalog()
    {
        await ImportAsync(Feeds.Csv(Feeds.Row("old-1"), Feeds.Row("old-2")));

        var report = await ImportAsync(Feeds.Csv(Feeds.Row("new-1"), Feeds.Row("bad", price: "abc")));

        Assert.Equal(ImportOutcome.TooManyRejected, report.Outcome);
        Assert.Equal(50, report.RejectedPercent);
        Assert.Equal(["old-1", "old-2"], await CatalogIdsAsync());
    }

    [Fact]
    public async Task AcceptsRejectedRowsUpToTheLimit()
    {
        var rows = Enumerable.Range(1, 19).Select(i => Feeds.Row($"p{i}")).Append(Feeds.Row("bad", price: "abc")).ToArray();

        var report = await ImportAsync(Feeds.Csv(rows));

        Assert.Equal(ImportOutcome.Applied, report.Outcome);
        Assert.Equal(19, report.Imported);
    }

    [Fact]
    public async Task DryRun_ReportsAddedRemovedAndRepricedProducts_WithoutWriting()
    {
        await ImportAsync(Feeds.Csv(Feeds.Row("keep", price: "10.00 EUR"), Feeds.Row("gone")));

        var report = await ImportAsync(Feeds.Csv(Feeds.Row("keep", price: "12.50 EUR"), Feeds.Row("fresh")), ImportRules.Default with { DryRun = true });

        Assert.Equal(ImportOutcome.DryRun, report.Outcome);
        Assert.Equal(["fresh"], report.Changes.Added);
        Assert.Equal(["gone"], report.Changes.Removed);
        Assert.Equal(new PriceChange("keep", 10.00m, 12.50m, "EUR"), Assert.Single(report.Changes.PriceChanges));
        Assert.Equal(["gone", "keep"], await CatalogIdsAsync());
    }

    [Fact]
    public async Task ReplacesThePreviousCatalog()
    {
        await ImportAsync(Feeds.Csv(Feeds.Row("old-1"), Feeds.Row("old-2")));

        await ImportAsync(Feeds.Csv(Feeds.Row("new-1")));

        Assert.Equal(["new-1"], await CatalogIdsAsync());
    }

    [Fact]
    public async Task KeepsThePreviousCatalog_WhenTheDatabaseFailsMidway()
    {
        await ImportAsync(Feeds.Csv(Feeds.Row("old-1"), Feeds.Row("old-2")));
        await using (var connection = new SqliteConnection($"Data Source={Database};Pooling=False"))
        {
            await connection.OpenAsync();
            var trigger = connection.CreateCommand();
            trigger.CommandText = "CREATE TRIGGER fail_midway BEFORE INSERT ON products WHEN NEW.id = 'new-3' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END";
            await trigger.ExecuteNonQueryAsync();
        }

        await Assert.ThrowsAsync<SqliteException>(() => ImportAsync(Feeds.Csv(Feeds.Row("new-1"), Feeds.Row("new-2"), Feeds.Row("new-3"))));

        Assert.Equal(["old-1", "old-2"], await CatalogIdsAsync());
    }

    [Fact]
    public async Task KeepsThePreviousCatalog_WhenTheWriteIsCancelledMidway()
    {
        await ImportAsync(Feeds.Csv(Feeds.Row("old-1")));
        using var cancellation = new CancellationTokenSource();

        IEnumerable<Product> CancelAfterTwo()
        {
            yield return Products.Make("new-1");
            yield return Products.Make("new-2");
            cancellation.Cancel();
            yield return Products.Make("new-3");
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new CatalogDatabase(Database).ReplaceProductsAsync(CancelAfterTwo(), "test", onlyIfEmpty: false, cancellation.Token));

        Assert.Equal(["old-1"], await CatalogIdsAsync());
    }

    [Fact]
    public async Task KeepsThePreviousCatalog_WhenNoRowIsValid()
    {
        await ImportAsync(Feeds.Csv(Feeds.Row("old-1")));

        var report = await ImportAsync(Feeds.Csv(Feeds.Row("x", price: "free"), Feeds.Row("y", availability: "maybe")));

        Assert.False(report.Applied);
        Assert.Equal(2, report.Rejected.Count);
        Assert.Equal(["old-1"], await CatalogIdsAsync());
    }
}
