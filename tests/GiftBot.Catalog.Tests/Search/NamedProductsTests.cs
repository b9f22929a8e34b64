using GiftBot.Catalog.Tests.Support;
using GiftBot.Catalog.Themes;

namespace GiftBot.Catalog.Tests.Search;

/// <summary>Which products a question names ("is the telescope in stock?"), read through the snapshot's title index.</summary>
public class NamedProductsTests
{
    private static readonly ThemeDefinition[] Themes =
    [
        new("building", "Building", ["lego", "bricks"]),
        new("space", "Space", ["rockets"]),
    ];

    private static readonly InMemoryProductCatalog Catalog = new(
    [
        Products.Make("shuttle", 45m, interests: "building|space") with { Title = "Space Shuttle Brick Set" },
        Products.Make("castle", 30m, interests: "building") with { Title = "Castle Brick Set" },
        Products.Make("scope", 89m, interests: "space") with { Title = "Beginner Télescope 70mm" },
        Products.Make("puzzle", 15m, interests: "space", availability: "out of stock") with { Title = "Solar System Floor Puzzle" },
        Products.Make("hover", 120m) with { Title = "Light-Up Hoverboard" },
        Products.Make("chess", 25m) with { Title = "Magnetic Travel Chess Board" },
    ], Themes);

    [Theory]
    [InlineData("the space shuttle", "shuttle")]
    [InlineData("puzzles", "puzzle")]                         // another ending; out of stock too, so a stock question can say so
    [InlineData("telescope", "scope")]                        // the feed's accent
    [InlineData("télescopes", "scope")]
    [InlineData("how old do you need to be for the telescope", "scope")] // words naming nothing are left out
    [InlineData("board", "chess")]                            // "hoverboard" is no board
    public async Task AQuestionNamesTheProductsWhoseTitleHoldsItsWords(string name, string expected)
    {
        var found = await Catalog.FindByNameAsync(name, 5);

        Assert.Equal([expected], found.Ids());
    }

    [Fact]
    public async Task AThemeWordNamesThatThemesProducts_CheapestFirst()
    {
        var found = await Catalog.FindByNameAsync("lego", 5);

        Assert.Equal(["castle", "shuttle"], found.Ids());
    }

    [Fact]
    public async Task TitleWordsComeBeforeThemes()
    {
        // "space" is in one title and is a theme of three products: the title decides.
        var found = await Catalog.FindByNameAsync("space brick", 5);

        Assert.Equal(["shuttle"], found.Ids());
    }

    [Theory]
    [InlineData("unicorn")]
    [InlineData("is it")]
    [InlineData("")]
    public async Task WordsNamingNothing_FindNothing(string name) =>
        Assert.Empty(await Catalog.FindByNameAsync(name, 5));
}
