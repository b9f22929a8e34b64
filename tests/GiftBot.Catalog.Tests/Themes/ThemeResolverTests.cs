using GiftBot.Catalog.Themes;

namespace GiftBot.Catalog.Tests.Themes;

public class ThemeResolverTests
{
    private static readonly ThemeDefinition[] Definitions =
    [
        new("dinosaurs", "Dinosaurs", ["dino", "t-rex"]),
        new("fairy-tales", "Princesses & fairy tales", ["princess"]),
        new("space", "Space", ["stars"]),
    ];

    [Theory]
    [InlineData("Dino", "dinosaurs")]
    [InlineData("t rex", "dinosaurs")]
    [InlineData("dinosaur", "dinosaurs")]
    [InlineData("Fairy Tales", "fairy-tales")]
    [InlineData("fairy_tale", "fairy-tales")]
    [InlineData("princesses", "fairy-tales")]
    [InlineData("Princesses & Fairy Tales", "fairy-tales")]
    [InlineData("star", "space")]
    [InlineData("board game", "board-games")]
    public void ResolvesNamesSynonymsDisplayNamesAndPlurals(string term, string expected)
    {
        var resolver = new ThemeResolver(Definitions, ["board-games"]);

        Assert.Equal(expected, resolver.Resolve(term));
    }

    [Fact]
    public async Task FoldsAFeedThemeThatIsASynonym_IntoTheThemeFilesTheme()
    {
        var catalog = new InMemoryProductCatalog([Support.Products.Make("rex", interests: "dino")], Definitions);

        var theme = Assert.Single(await catalog.GetThemesAsync());

        Assert.Equal(("dinosaurs", "Dinosaurs", 1), (theme.Name, theme.DisplayName, theme.ProductCount));
    }

    [Fact]
    public void KeepsUnknownWords_SoTheyMatchNothing()
    {
        var resolver = new ThemeResolver(Definitions, []);

        Assert.Null(resolver.Resolve("knitting"));
        Assert.Equal(["space", "knitting"], resolver.ResolveAll(["Stars", " Knitting ", "space"]));
    }

    [Fact]
    public async Task OffersOnlyThemesWithSomethingInStock()
    {
        var catalog = new InMemoryProductCatalog(
            [Support.Products.Make("a", interests: "space"), Support.Products.Make("b", interests: "trains", availability: "out of stock")],
            Definitions);

        Assert.Equal(["space"], (await catalog.GetThemesAsync()).Select(t => t.Name));
    }
}
