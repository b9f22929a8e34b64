using GiftBot.Catalog.Feed;
using GiftBot.Catalog.Tests.Support;
using GiftBot.Catalog.Themes;

namespace GiftBot.Catalog.Tests.Feed;

/// <summary>The catalog shipped in content/catalog is the shop's data: it must load cleanly and cover every kind of shopper.</summary>
public class BundledFeedTests
{
    private static Task<FeedReadResult> ReadBundledAsync() => ProductFeedReader.ReadFileAsync(Feeds.BundledFeed, "EUR", CancellationToken.None);

    [Fact]
    public async Task ParsesWithZeroErrors_AndHasAtLeast200Products()
    {
        var feed = await ReadBundledAsync();

        Assert.Empty(feed.Errors);
        Assert.True(feed.Products.Count >= 200, $"only {feed.Products.Count} products");
        Assert.Equal(feed.Products.Count, feed.Products.Select(p => p.Title).Distinct().Count());
    }

    [Fact]
    public async Task CoversAtLeast15Themes_EachDescribedInTheThemeFile()
    {
        var feed = await ReadBundledAsync();
        var (themes, errors) = await ThemeFileReader.ReadFileAsync(Feeds.BundledThemes, CancellationToken.None);
        var used = feed.Products.SelectMany(p => p.Interests).Distinct().ToArray();

        Assert.Empty(errors);
        Assert.True(used.Length >= 15, $"only {used.Length} themes");
        Assert.Empty(used.Except(themes.Select(t => t.Name)));
    }

    [Fact]
    public async Task CoversBabiesToAdults_EveryPriceBand_AndSomeOutOfStock()
    {
        var products = (await ReadBundledAsync()).Products;

        foreach (var age in new[] { 0, 2, 5, 8, 11, 15, 35 })
            Assert.True(products.Count(p => p.IsInStock && p.MinAge <= age && p.MaxAge >= age) >= 20, $"few products for age {age}");
        Assert.Contains(products, p => p.Price < 10);
        Assert.Contains(products, p => p.Price is >= 10 and < 25);
        Assert.Contains(products, p => p.Price is >= 25 and < 50);
        Assert.Contains(products, p => p.Price is >= 50 and < 100);
        Assert.Contains(products, p => p.Price >= 100);
        Assert.Contains(products, p => !p.IsInStock);
        Assert.True(products.Select(p => p.Brand).Distinct().Count() >= 10);
    }
}
