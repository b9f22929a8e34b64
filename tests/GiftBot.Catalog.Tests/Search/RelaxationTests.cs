using GiftBot.Catalog.Tests.Support;
using static GiftBot.Catalog.Tests.Support.Products;

namespace GiftBot.Catalog.Tests.Search;

public class RelaxationTests
{
    private static readonly Product[] Shop =
    [
        Make("space-60", price: 60m, minAge: 6, maxAge: 12, interests: "space", brand: "Orbit"),
        Make("art-15", price: 15m, minAge: 6, maxAge: 12, interests: "art", brand: "Palette"),
        Make("space-baby", price: 12m, minAge: 0, maxAge: 2, interests: "space", brand: "Sprout"),
        Make("space-sold-out", price: 10m, minAge: 6, maxAge: 12, interests: "space", brand: "Orbit", availability: "out of stock"),
    ];

    private static Task<Recommendation> RecommendAsync(ProductQuery query, CatalogOptions? options = null) =>
        new InMemoryProductCatalog(Shop, options: options).RecommendAsync(query);

    [Fact]
    public async Task RelaxesNothing_WhenSomethingFits()
    {
        var result = await RecommendAsync(new ProductQuery { AgeMin = 8, AgeMax = 8, Interests = ["space"], MaxPrice = 70m });

        Assert.Equal(RelaxedConstraint.None, result.Relaxed);
        Assert.Equal(["space-60"], result.Products.Ids());
        Assert.Null(result.RelaxedMaxPrice);
    }

    [Fact]
    public async Task RelaxesInterestsFirst_KeepingTheBudget()
    {
        var result = await RecommendAsync(new ProductQuery { AgeMin = 8, AgeMax = 8, Interests = ["space"], MaxPrice = 20m });

        Assert.Equal(RelaxedConstraint.Interests, result.Relaxed);
        Assert.Equal(["art-15"], result.Products.Ids());
    }

    [Fact]
    public async Task DropsTheBottomOfABudgetRange_BeforeTheInterests_NeverTheTop()
    {
        var result = await RecommendAsync(new ProductQuery { AgeMin = 8, AgeMax = 8, Interests = ["art"], MinPrice = 20m, MaxPrice = 30m });

        Assert.Equal(RelaxedConstraint.MinimumPrice, result.Relaxed);
        Assert.Equal(["art-15"], result.Products.Ids());
    }

    [Fact]
    public async Task NeverShowsAProductOverTheBudget_ByDefault()
    {
        var result = await RecommendAsync(new ProductQuery { AgeMin = 8, AgeMax = 8, MaxPrice = 50m, ExcludedInterests = ["art"] });

        Assert.Empty(result.Products);
        Assert.Equal(RelaxedConstraint.None, result.Relaxed);
    }

    [Fact]
    public async Task RaisesTheBudgetByOneStep_AndSaysToWhat_WhenTheShopOptsIn()
    {
        var result = await RecommendAsync(new ProductQuery { AgeMin = 8, AgeMax = 8, MaxPrice = 50m, ExcludedInterests = ["art"] }, new CatalogOptions { MaxBudgetRelaxSteps = 2 });

        Assert.Equal(RelaxedConstraint.Budget, result.Relaxed);
        Assert.Equal(62.50m, result.RelaxedMaxPrice);
        Assert.Equal(["space-60"], result.Products.Ids());
    }

    [Fact]
    public async Task RaisesTheBudgetAtMostTheConfiguredNumberOfSteps()
    {
        var query = new ProductQuery { AgeMin = 8, AgeMax = 8, MaxPrice = 41m, ExcludedInterests = ["art"] };

        var twoSteps = await RecommendAsync(query, new CatalogOptions { MaxBudgetRelaxSteps = 2 });
        var oneStep = await RecommendAsync(query, new CatalogOptions { MaxBudgetRelaxSteps = 1 });
        var biggerStep = await RecommendAsync(query, new CatalogOptions { MaxBudgetRelaxSteps = 1, BudgetRelaxStepPercent = 50 });

        Assert.Equal((RelaxedConstraint.Budget, 61.50m), (twoSteps.Relaxed, twoSteps.RelaxedMaxPrice));
        Assert.Empty(oneStep.Products);
        Assert.Equal(RelaxedConstraint.None, oneStep.Relaxed);
        Assert.Equal(61.50m, biggerStep.RelaxedMaxPrice);
    }

    [Fact]
    public async Task StopsWhenEvenTheLastStepIsTooLow()
    {
        var result = await RecommendAsync(new ProductQuery { AgeMin = 8, AgeMax = 8, MaxPrice = 10m, ExcludedInterests = ["art"] });

        Assert.Empty(result.Products);
        Assert.Equal(RelaxedConstraint.None, result.Relaxed);
    }

    [Fact]
    public async Task NeverRelaxesAgeOrStock()
    {
        var teen = await RecommendAsync(new ProductQuery { AgeMin = 16, AgeMax = 16, Interests = ["space"], MaxPrice = 100m });
        var cheapSpace = await RecommendAsync(new ProductQuery { AgeMin = 8, AgeMax = 8, Interests = ["space"], MaxPrice = 11m, ExcludedInterests = ["art"] });

        Assert.Empty(teen.Products);
        Assert.DoesNotContain("space-sold-out", cheapSpace.Products.Ids());
        Assert.DoesNotContain("space-baby", cheapSpace.Products.Ids());
    }

    [Fact]
    public async Task OverTheBundledCatalog_AnImpossibleBudgetForAnInterestFallsBackToOtherGifts()
    {
        var catalog = await InMemoryProductCatalog.FromFilesAsync(Feeds.BundledFeed, Feeds.BundledThemes);

        var result = await catalog.RecommendAsync(new ProductQuery { AgeMin = 4, AgeMax = 4, Interests = ["trains"], MaxPrice = 8m });

        Assert.Equal(RelaxedConstraint.Interests, result.Relaxed);
        Assert.NotEmpty(result.Products);
        Assert.All(result.Products, p => Assert.True(p.Price <= 8m && p.MinAge <= 4 && p.MaxAge >= 4 && p.IsInStock));
    }
}
