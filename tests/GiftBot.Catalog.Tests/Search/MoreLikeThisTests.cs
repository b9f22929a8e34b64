using static GiftBot.Catalog.Tests.Support.Products;

namespace GiftBot.Catalog.Tests.Search;

public class MoreLikeThisTests
{
    private static readonly InMemoryProductCatalog Catalog = new(
    [
        Make("rocket", price: 25m, minAge: 6, maxAge: 12, interests: "space|science", brand: "Orbit"),
        Make("telescope", price: 59m, minAge: 8, maxAge: 14, interests: "space|science|outdoors", brand: "Orbit"),
        Make("planets-book", price: 20m, minAge: 7, maxAge: 12, interests: "space|reading", brand: "Pagecraft"),
        Make("chemistry", price: 40m, minAge: 10, maxAge: 14, interests: "science", brand: "Lab"),
        Make("space-mobile-baby", price: 30m, minAge: 0, maxAge: 2, interests: "space", brand: "Sprout"),
        Make("paints", price: 25m, minAge: 6, maxAge: 12, interests: "art", brand: "Palette"),
    ]);

    [Fact]
    public async Task FindsProductsSharingThemesAndAgeBand_MostSharedThemesFirst_WithoutTheProductItself()
    {
        var result = await Catalog.SearchAsync(new ProductQuery { SimilarToProductId = "rocket" });

        Assert.Equal("telescope", result[0].Id);
        Assert.Equal(["chemistry", "planets-book", "telescope"], result.Ids().Order());
    }

    [Fact]
    public async Task KeepsTheShoppersAgeAndBudget()
    {
        var result = await Catalog.SearchAsync(new ProductQuery { SimilarToProductId = "rocket", AgeMin = 7, AgeMax = 7, MaxPrice = 30m });

        Assert.Equal(["planets-book"], result.Ids());
    }

    [Fact]
    public async Task FallsBackToThePlainQuery_ForAnUnknownProduct()
    {
        var result = await Catalog.SearchAsync(new ProductQuery { SimilarToProductId = "no-such-id", Interests = ["art"] });

        Assert.Equal(["paints"], result.Ids());
    }

    [Fact]
    public async Task WhenNothingSharesATheme_RecommendsOtherGiftsForTheSameAgeBand()
    {
        var result = await Catalog.RecommendAsync(new ProductQuery { SimilarToProductId = "paints" });

        Assert.Equal(RelaxedConstraint.Interests, result.Relaxed);
        Assert.DoesNotContain("paints", result.Products.Ids());
        Assert.DoesNotContain("space-mobile-baby", result.Products.Ids());
        Assert.Contains("rocket", result.Products.Ids());
    }
}
