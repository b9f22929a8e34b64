using GiftBot.Catalog.Tests.Support;
using GiftBot.Catalog.Themes;
using static GiftBot.Catalog.Tests.Support.Products;

namespace GiftBot.Catalog.Tests.Search;

public class RankingTests
{
    private static Task<IReadOnlyList<Product>> SearchAsync(ProductQuery query, params Product[] products) =>
        new InMemoryProductCatalog(products).SearchAsync(query);

    [Fact]
    public async Task KeepsOnlyProductsWhoseAgeRangeOverlapsTheWantedAge()
    {
        var result = await SearchAsync(new ProductQuery { AgeMin = 8, AgeMax = 8 },
            Make("baby", minAge: 0, maxAge: 2), Make("kids", minAge: 6, maxAge: 10), Make("from8", minAge: 8),
            Make("upto8", maxAge: 8), Make("teens", minAge: 13, maxAge: 17));

        Assert.Equal(["from8", "kids", "upto8"], result.Ids().Order());
    }

    [Fact]
    public async Task KeepsOnlyProductsForEveryStatedAge_WhenTheQueryAsksForAll()
    {
        // "my 5 and 8 year old": a product for 3-6 fits the younger one only.
        var products = new[] { Make("young", minAge: 3, maxAge: 6), Make("both", minAge: 4, maxAge: 10), Make("older", minAge: 7, maxAge: 12), Make("all", minAge: 0, maxAge: 120) };

        var every = await SearchAsync(new ProductQuery { AgeMin = 5, AgeMax = 8, AgeFitsEveryAge = true }, products);
        var overlap = await SearchAsync(new ProductQuery { AgeMin = 5, AgeMax = 8 }, products);

        Assert.Equal(["all", "both"], every.Ids().Order());
        Assert.Equal(["all", "both", "older", "young"], overlap.Ids().Order());
    }

    [Fact]
    public async Task ReadsAReversedAgeRangeTheRightWayRound()
    {
        var result = await SearchAsync(new ProductQuery { AgeMin = 12, AgeMax = 10 },
            Make("baby", minAge: 0, maxAge: 2), Make("tween", minAge: 9, maxAge: 11));

        Assert.Equal(["tween"], result.Ids());
    }

    [Fact]
    public async Task KeepsOnlyProductsWithinTheBudget_BoundsIncluded()
    {
        var result = await SearchAsync(new ProductQuery { MinPrice = 10m, MaxPrice = 30m },
            Make("cheap", price: 9.99m), Make("ten", price: 10m), Make("mid", price: 20m), Make("thirty", price: 30m), Make("dear", price: 30.01m));

        Assert.Equal(["mid", "ten", "thirty"], result.Ids().Order());
    }

    [Fact]
    public async Task NeverShowsOutOfStockOrDiscontinuedProducts_ButPreordersAreFine()
    {
        var result = await SearchAsync(new ProductQuery(),
            Make("out", availability: "out of stock"), Make("gone", availability: "discontinued"),
            Make("pre", availability: "preorder"), Make("in"));

        Assert.Equal(["in", "pre"], result.Ids().Order());
    }

    [Fact]
    public async Task LeavesOutRuledOutThemes_AndProductsAlreadyShown()
    {
        var result = await SearchAsync(new ProductQuery { ExcludedInterests = ["Books"], ExcludedProductIds = ["shown"] },
            Make("book", interests: "books|space"), Make("shown", interests: "space"), Make("rocket", interests: "space"));

        Assert.Equal(["rocket"], result.Ids());
    }

    [Fact]
    public async Task WithInterests_OnlyMatchingProducts_MostMatchedThemesFirst()
    {
        var result = await SearchAsync(new ProductQuery { Interests = ["space", "science"] },
            Make("a-space", interests: "space", brand: "A"), Make("b-both", interests: "science|space", brand: "B"),
            Make("c-cars", interests: "cars", brand: "C"), Make("d-science", interests: "science", brand: "D"));

        Assert.Equal(["b-both", "a-space", "d-science"], result.Ids());
    }

    [Fact]
    public async Task ResolvesShopperWordsThroughTheThemeSynonyms()
    {
        var catalog = new InMemoryProductCatalog(
            [Make("rex", interests: "dinosaurs"), Make("rocket", interests: "space")],
            [new ThemeDefinition("dinosaurs", "Dinosaurs", ["dino", "t-rex", "jurassic"])]);

        foreach (var word in new[] { "dino", "T-Rex", "trex", "Dinosaur", "DINOSAURS", "jurassic" })
            Assert.Equal(["rex"], (await catalog.SearchAsync(new ProductQuery { Interests = [word] })).Ids());
    }

    [Fact]
    public async Task BreaksTiesByPriceNearestTheBudget_ThenByMostAgeSpecific_ThenById()
    {
        var result = await SearchAsync(new ProductQuery { AgeMin = 8, AgeMax = 8, MaxPrice = 50m, Limit = 10 },
            Make("b-far", price: 10m, brand: "1"), Make("c-near-wide", price: 45m, minAge: 3, maxAge: 120, brand: "2"),
            Make("d-near-narrow", price: 45m, minAge: 7, maxAge: 9, brand: "3"), Make("a-near-narrow", price: 45m, minAge: 7, maxAge: 9, brand: "4"),
            Make("e-nearest", price: 49m, brand: "5"));

        Assert.Equal(["e-nearest", "a-near-narrow", "d-near-narrow", "c-near-wide", "b-far"], result.Ids());
    }

    [Fact]
    public async Task GivesTheSameOrderEveryTime_WhateverTheFeedOrder()
    {
        var products = Enumerable.Range(1, 40).Select(i => Make($"p{i:00}", price: 5m + i % 7, interests: i % 3 == 0 ? "space" : "art", brand: $"B{i % 5}")).ToArray();
        var query = new ProductQuery { MaxPrice = 9m, Limit = 8 };

        var forward = await SearchAsync(query, products);
        var backward = await SearchAsync(query, products.Reverse().ToArray());

        Assert.Equal(forward.Ids(), backward.Ids());
        Assert.Equal(8, forward.Count);
    }

    [Fact]
    public async Task NeverFillsFiveSlotsWithOneBrand_WhenOtherBrandsFit()
    {
        var products = Enumerable.Range(1, 6).Select(i => Make($"bw{i}", price: 40m + i, interests: "building", brand: "Brickwise"))
            .Append(Make("ww", price: 20m, interests: "building", brand: "Wildwood"))
            .Append(Make("lj", price: 15m, interests: "building", brand: "Lab Junior"))
            .Append(Make("gt", price: 10m, interests: "building", brand: "Green Thumb"))
            .ToArray();

        var result = await SearchAsync(new ProductQuery { Interests = ["building"], MaxPrice = 50m, Limit = 5 }, products);

        Assert.Equal(5, result.Count);
        Assert.Equal(2, result.Count(p => p.Brand == "Brickwise"));
        Assert.Equal(["bw6", "bw5", "ww", "lj", "gt"], result.Ids());
    }

    [Fact]
    public async Task SpreadsPlacesOverThemes_WhenNoInterestIsGiven()
    {
        var products = Enumerable.Range(1, 5).Select(i => Make($"art{i}", interests: "art", brand: $"A{i}"))
            .Concat(Enumerable.Range(1, 5).Select(i => Make($"music{i}", interests: "music", brand: $"M{i}")))
            .Append(Make("space1", interests: "space", brand: "S"))
            .ToArray();

        var result = await SearchAsync(new ProductQuery { Limit = 5 }, products);

        Assert.All(result.GroupBy(p => p.Interests[0]), g => Assert.True(g.Count() <= 2, $"{g.Count()} x {g.Key}"));
        Assert.Contains(result, p => p.Id == "space1");
    }

    [Fact]
    public async Task SharesPlacesBetweenSeveralWantedThemes()
    {
        var products = Enumerable.Range(1, 6).Select(i => Make($"space{i}", price: 30m, interests: "space", brand: $"S{i}"))
            .Concat(Enumerable.Range(1, 6).Select(i => Make($"dino{i}", price: 10m, interests: "dinosaurs", brand: $"D{i}")))
            .ToArray();

        var result = await SearchAsync(new ProductQuery { Interests = ["space", "dinosaurs"], MaxPrice = 30m, Limit = 5 }, products);

        Assert.Equal(3, result.Count(p => p.Interests.Contains("space")));
        Assert.Equal(2, result.Count(p => p.Interests.Contains("dinosaurs")));
    }

    [Fact]
    public async Task StillFillsTheCarousel_WhenOnlyOneBrandFits()
    {
        var products = Enumerable.Range(1, 6).Select(i => Make($"p{i}", brand: "Only")).ToArray();

        Assert.Equal(5, (await SearchAsync(new ProductQuery(), products)).Count);
    }

    [Fact]
    public async Task ShowMore_ReturnsTheNextProductsWithoutRepeats()
    {
        var catalog = await InMemoryProductCatalog.FromFilesAsync(Feeds.BundledFeed, Feeds.BundledThemes);
        var query = new ProductQuery { AgeMin = 8, AgeMax = 8, Interests = ["space"], MaxPrice = 60m };

        var first = await catalog.SearchAsync(query);
        var second = await catalog.SearchAsync(query with { ExcludedProductIds = first.Ids() });

        Assert.Equal(5, first.Count);
        Assert.NotEmpty(second);
        Assert.Empty(first.Ids().Intersect(second.Ids()));
    }
}
