using GiftBot.Catalog.Themes;
using static GiftBot.Catalog.Tests.Support.Products;

namespace GiftBot.Catalog.Tests.Search;

/// <summary>"Into building but no lego", "loves animals, not plushies": a kind of thing ruled out inside a wanted theme is a hard limit of the query.</summary>
public class RuledOutWordTests
{
    private static readonly ThemeDefinition[] Themes =
    [
        new("building", "Building", ["lego", "bricks"]),
        new("animals", "Animals", ["pets"]),
        new("reading", "Books", ["books"]),
    ];

    private static Task<IReadOnlyList<Product>> SearchAsync(ProductQuery query, params Product[] products) =>
        new InMemoryProductCatalog(products, Themes).SearchAsync(query);

    [Fact]
    public async Task ARuledOutSynonymOfAWantedTheme_KeepsTheTheme_AndLeavesOutProductsNamingIt()
    {
        var result = await SearchAsync(new ProductQuery { Interests = ["building"], ExcludedInterests = ["lego"] },
            Named("lego-set", "LEGO Classic Box", "building"), Named("tiles", "Magnetic Tiles", "building"), Named("bear", "Bear", "animals"));

        Assert.Equal(["tiles"], result.Ids());
    }

    [Theory]
    [InlineData("plushies", "Realistic Red Panda Plush")]
    [InlineData("batteries", "Runs on two AA battery packs")]
    [InlineData("remote control", "Remote-Controlled Digger")]
    [InlineData("book", "Little Cooks' First Cookbook")]
    // "she already got a pasta maker": the maker and the making kit are one thing.
    [InlineData("pasta maker", "Fresh Pasta Making Kit")]
    public async Task ARuledOutWord_MatchesPluralsAndEndings(string ruledOut, string title)
    {
        var result = await SearchAsync(new ProductQuery { Interests = ["animals"], ExcludedInterests = [ruledOut] },
            Named("named", title, "animals"), Named("other", "Wildlife Sticker Set", "animals"));

        Assert.Equal(["other"], result.Ids());
    }

    [Fact]
    public async Task ARuledOutWordForAnUnwantedTheme_StillRulesOutTheTheme()
    {
        var result = await SearchAsync(new ProductQuery { Interests = ["building"], ExcludedInterests = ["books"] },
            Named("bricks-book", "Brick Ideas", "building|reading"), Named("tiles", "Magnetic Tiles", "building"));

        Assert.Equal(["tiles"], result.Ids());
    }

    [Fact]
    public async Task AProductSayingItHasNone_DoesNotMentionIt()
    {
        var result = await SearchAsync(new ProductQuery { ExcludedInterests = ["screens", "batteries"] },
            Named("free", "A screen-free board game", "animals"), Named("none", "Wind-up bug, no batteries needed", "animals"), Named("tablet", "Kids' tablet screen", "animals"));

        Assert.Equal(["free", "none"], result.Ids().Order());
    }

    [Fact]
    public async Task ShortWords_MatchOnlyWhole()
    {
        var result = await SearchAsync(new ProductQuery { ExcludedInterests = ["car"] },
            Named("cards", "Card Game", "animals"), Named("car", "Toy Car", "animals"));

        Assert.Equal(["cards"], result.Ids());
    }

    private static Product Named(string id, string title, string interests) => Make(id, interests: interests) with { Title = title };
}
