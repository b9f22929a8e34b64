using GiftBot.Catalog;
using GiftBot.Catalog.Import;
using GiftBot.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Tests.Cli;

/// <summary>`catalog import` as a shop owner runs it: the real CLI process in a checkout, and the bot reading what it wrote.</summary>
public sealed class CatalogImportCliTests : IDisposable
{
    private const string Header = "id,title,description,availability,condition,price,link,image_link,brand,age_min,age_max,interests";
    private readonly ShopCheckout _shop = new();

    public void Dispose() => _shop.Dispose();

    private static string Row(string id, string price = "19.99 EUR", string interests = "space") =>
        $"{id},Star Rocket {id},A rocket kit to build and launch.,in stock,new,{price},https://shop.example.com/p/{id},https://shop.example.com/i/{id}.jpg,Orbit,6,12,{interests}";

    private static string Feed(params string[] rows) => string.Join('\n', [Header, .. rows]) + "\n";

    private static string[] BadRows(int count) => Enumerable.Range(1, count).Select(i => Row($"bad-{i}", price: "free")).ToArray();

    /// <summary>The ids the bot finds, "-" for each it does not.</summary>
    private async Task<string[]> BotCatalogIdsAsync(params string[] ids)
    {
        await using var bot = new GiftBotApp(contentRoot: _shop.BotFolder);
        var catalog = bot.Services.GetRequiredService<IProductCatalog>();
        var found = new List<string>();
        foreach (var id in ids) found.Add((await catalog.GetAsync(id))?.Id ?? "-");
        return found.ToArray();
    }

    [Fact]
    public async Task ImportFromTheRepositoryRoot_UpdatesTheCatalogTheBotReads_WithTheSettingsOfDotEnv()
    {
        // The shop sells in pounds, said once in .env: the CLI must read it, or every row would be rejected as the wrong currency.
        _shop.Write(".env", "Catalog__Currency=GBP\n");
        _shop.Write("feeds/kites.csv", Feed(Row("kite-1", "12.00 GBP"), Row("kite-2", "15.00 GBP"), Row("kite-3", "18.50 GBP")));

        var run = await CliProcess.RunAsync(_shop.Root, "catalog", "import", "feeds/kites.csv");

        Assert.True(run.ExitCode == CatalogImportCommand.Success, run.ToString());
        Assert.Contains(_shop.BotCatalog, run.Output);
        Assert.False(File.Exists(Path.Combine(_shop.Root, "data", "catalog.db")), "the CLI wrote a second catalog at the repository root");
        Assert.Equal(["kite-1", "kite-2", "kite-3"], await BotCatalogIdsAsync("kite-1", "kite-2", "kite-3"));

        // From the bot's own folder the CLI finds the same catalog and the same .env.
        var again = await CliProcess.RunAsync(_shop.BotFolder, "catalog", "import", "../../feeds/kites.csv", "--dry-run");
        Assert.True(again.ExitCode == CatalogImportCommand.Success, again.ToString());
        Assert.Contains(_shop.BotCatalog, again.Output);
        Assert.Contains("Would add 0 product(s).", again.Output);
    }

    [Fact]
    public async Task RefusesAFeedWithTooManyBadRows_DryRunShowsTheChanges_AndAllowPartialMeansIt()
    {
        _shop.Write("good.csv", Feed(Row("a", "10.00 EUR"), Row("b"), Row("c")));
        _shop.Write("broken.csv", Feed([Row("a", "12.00 EUR"), Row("b"), Row("d"), .. BadRows(4)]));
        Assert.Equal(CatalogImportCommand.Success, (await CliProcess.RunAsync(_shop.Root, "catalog", "import", "good.csv")).ExitCode);

        var refused = await CliProcess.RunAsync(_shop.Root, "catalog", "import", "broken.csv");

        Assert.True(refused.ExitCode == CatalogImportCommand.Refused, refused.ToString());
        Assert.Contains("4 rejected (57.1 %), above the 5 % limit (Catalog:MaxRejectedPercent)", refused.Output);
        Assert.Contains("--allow-partial", refused.Output);

        var dryRun = await CliProcess.RunAsync(_shop.Root, "catalog", "import", "broken.csv", "--dry-run", "--allow-partial");

        Assert.True(dryRun.ExitCode == CatalogImportCommand.Success, dryRun.ToString());
        Assert.Contains("Nothing was written", dryRun.Output);
        Assert.Contains("Would add 1 product(s): d.", dryRun.Output);
        Assert.Contains("Would remove 1 product(s): c.", dryRun.Output);
        Assert.Contains("Would change 1 price(s): a 10.00 -> 12.00 EUR.", dryRun.Output);
        Assert.Contains("Rejected line 5 (bad-1)", dryRun.Output);
        Assert.Equal(["a", "b", "c", "-"], await BotCatalogIdsAsync("a", "b", "c", "d"));

        var partial = await CliProcess.RunAsync(_shop.Root, "catalog", "import", "broken.csv", "--allow-partial");

        Assert.True(partial.ExitCode == CatalogImportCommand.Success, partial.ToString());
        Assert.Equal(["a", "b", "-", "d"], await BotCatalogIdsAsync("a", "b", "c", "d"));
    }

    [Fact]
    public async Task AWrongSetting_IsOneLineNamingTheKey_NotAStackTrace()
    {
        _shop.Write(".env", "Catalog__MaxRejectedPercent=lots\n");
        _shop.Write("good.csv", Feed(Row("a")));

        var run = await CliProcess.RunAsync(_shop.Root, "catalog", "import", "good.csv");

        Assert.NotEqual(0, run.ExitCode);
        var line = Assert.Single(run.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Catalog:MaxRejectedPercent", line);
        Assert.DoesNotContain("   at ", run.Output + run.Errors); // no stack frame
    }
}
