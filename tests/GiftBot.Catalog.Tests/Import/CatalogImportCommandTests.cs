using GiftBot.Catalog.Import;
using GiftBot.Catalog.Tests.Support;

namespace GiftBot.Catalog.Tests.Import;

public class CatalogImportCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly StringWriter _output = new();

    public void Dispose() => _dir.Dispose();

    private Task<int> RunAsync(params string[] args) => CatalogImportCommand.RunAsync(args, _output, CancellationToken.None);

    [Fact]
    public async Task PrintsTheImportedCountAndEachRejectedLine()
    {
        var feed = _dir.Write("feed.csv", Feeds.Csv(Feeds.Row("a"), Feeds.Row("b", availability: "soon"), Feeds.Row("c", price: "5 GBP")));

        var exitCode = await RunAsync("import", feed, "--db", _dir.File("shop.db"), "--allow-partial");

        var lines = _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(CatalogImportCommand.Success, exitCode);
        Assert.StartsWith("Rejected line 3 (b): availability 'soon'", lines[0]);
        Assert.StartsWith("Rejected line 4 (c): price currency GBP", lines[1]);
        Assert.StartsWith("Imported 1 products", lines[^1]);
        Assert.Contains("rejected 2 rows", lines[^1]);
        Assert.True(File.Exists(_dir.File("shop.db")));
    }

    [Fact]
    public async Task AcceptsTheShopCurrencyAsAnOption()
    {
        var feed = _dir.Write("feed.csv", Feeds.Csv(Feeds.Row("a", price: "5.00 GBP")));

        Assert.Equal(CatalogImportCommand.Success, await RunAsync(feed, "--db", _dir.File("shop.db"), "--currency", "gbp"));
    }

    [Fact]
    public async Task FailsWhenTheFileDoesNotExist()
    {
        var exitCode = await RunAsync("import", _dir.File("nope.csv"), "--db", _dir.File("shop.db"));

        Assert.Equal(CatalogImportCommand.Unreadable, exitCode);
        Assert.Contains("does not exist", _output.ToString());
    }

    [Fact]
    public async Task FailsWhenTheFileIsNotAProductFeed()
    {
        var feed = _dir.Write("feed.csv", "name,cost\nKite,5\n");

        Assert.Equal(CatalogImportCommand.Unreadable, await RunAsync(feed, "--db", _dir.File("shop.db")));
        Assert.Contains("missing required column(s): id, title", _output.ToString());
    }

    [Fact]
    public async Task FailsWhenNothingCouldBeImported()
    {
        var feed = _dir.Write("feed.csv", Feeds.Csv(Feeds.Row("a", price: "?")));

        Assert.Equal(CatalogImportCommand.NothingImported, await RunAsync(feed, "--db", _dir.File("shop.db")));
        Assert.Contains("previous catalog is unchanged", _output.ToString());
    }

    [Theory]
    [InlineData]
    [InlineData("import")]
    [InlineData("feed.csv", "--db")]
    [InlineData("feed.csv", "--colour", "red")]
    [InlineData("feed.csv", "other.csv")]
    public async Task ExplainsUsage_OnBadArguments(params string[] args)
    {
        Assert.Equal(CatalogImportCommand.UsageError, await RunAsync(args));
        Assert.Contains("Usage: catalog import <feed.csv>", _output.ToString());
    }
}
