using GiftBot.Catalog.Tests.Support;
using GiftBot.Meaning;

namespace GiftBot.Catalog.Tests.Search;

/// <summary>
/// The index narrows candidates, it never decides: over thousands of generated queries on the bundled catalog (with
/// ranking by meaning on) every result meets the hard limits, and a query the whole catalog can answer is answered.
/// The same holds on a catalog large enough for the meaning clusters, where wide queries with a wish are scored
/// through the nearest clusters instead of exactly.
/// </summary>
public sealed class IndexedSearchPropertyTests
{
    private static readonly string[] Wishes = ["trucks", "fishing", "minecraft", "knitting", "photography", "football", "accountancy"];

    [Fact]
    public async Task EveryResultMeetsTheHardLimits_AndNothingAnswerableIsMissed()
    {
        var catalog = await InMemoryProductCatalog.FromFilesAsync(Feeds.BundledFeed, Feeds.BundledThemes, embedder: new MiniLmEmbedder());
        var all = await catalog.SearchAsync(new ProductQuery { Limit = 50 });
        var everything = new List<Product>();
        foreach (var id in File.ReadLines(Feeds.BundledFeed).Skip(1).Select(l => l.Split(',')[0]))
            if (await catalog.GetAsync(id) is { } p) everything.Add(p);
        var themes = (await catalog.GetThemesAsync()).Select(t => t.Name).ToArray();
        var random = new Random(13);

        for (var i = 0; i < 3000; i++)
        {
            int? age = random.Next(8) == 0 ? null : random.Next(0, 100);
            decimal? max = random.Next(5) == 0 ? null : random.Next(5, 200);
            decimal? min = random.Next(6) == 0 ? random.Next(0, 60) : null;
            var wanted = random.Next(3) == 0 ? [] : new[] { themes[random.Next(themes.Length)] };
            var query = new ProductQuery
            {
                AgeMin = age, AgeMax = age, MinPrice = min, MaxPrice = max, Interests = wanted,
                Wish = random.Next(2) == 0 ? Wishes[random.Next(Wishes.Length)] : null, Limit = 5,
            };

            var found = await catalog.SearchAsync(query);

            bool Fits(Product p) => p.IsInStock && (age is not { } a || p.MinAge <= a && p.MaxAge >= a)
                && (max is not { } m || p.Price <= m) && (min is not { } n || p.Price >= n)
                && (wanted.Length == 0 || p.Interests.Intersect(wanted).Any());
            Assert.All(found, p => Assert.True(Fits(p), $"{p.Id} breaks a limit of query {i}"));
            Assert.Equal(Math.Min(5, everything.Count(Fits)), found.Count);
            // Nothing but the budget to go by: the first product is priced nearest it (the search may stop reading early).
            if (query is { Wish: null, Interests.Count: 0, MaxPrice: not null } && found.Count > 0)
                Assert.Equal(everything.Where(Fits).Max(p => p.Price), found[0].Price);
        }
        Assert.NotEmpty(all);
    }

    [Fact]
    public async Task OneProductAskedOfTheLimits_PassesExactlyWhenTheSearchWouldFindIt()
    {
        var catalog = await InMemoryProductCatalog.FromFilesAsync(Feeds.BundledFeed, Feeds.BundledThemes);
        var ids = File.ReadLines(Feeds.BundledFeed).Skip(1).Select(l => l.Split(',')[0]).ToArray();
        var themes = (await catalog.GetThemesAsync()).Select(t => t.Name).ToArray();
        string[] words = ["wooden", "plush", "lego", "book"];
        var random = new Random(29);
        var passed = 0;

        for (var i = 0; i < 600; i++)
        {
            int? age = random.Next(6) == 0 ? null : random.Next(0, 20);
            var query = new ProductQuery
            {
                AgeMin = age, AgeMax = age, AgeFitsEveryAge = random.Next(2) == 0,
                MinPrice = random.Next(5) == 0 ? random.Next(0, 30) : null, MaxPrice = random.Next(4) == 0 ? null : random.Next(5, 80),
                Interests = random.Next(3) == 0 ? [themes[random.Next(themes.Length)]] : [],
                ExcludedInterests = random.Next(3) == 0 ? [themes[random.Next(themes.Length)], words[random.Next(words.Length)]] : [],
                ExcludedProductIds = random.Next(4) == 0 ? [ids[random.Next(ids.Length)]] : [],
            };
            var id = ids[random.Next(ids.Length)];

            var found = (await catalog.SearchAsync(query with { Limit = 1000 })).Any(p => p.Id == id);

            Assert.Equal(found, await catalog.IsWithinLimitsAsync(query, id));
            if (found) passed++;
        }
        Assert.InRange(passed, 20, 580);
        Assert.False(await catalog.IsWithinLimitsAsync(new ProductQuery(), "NOT-IN-THE-CATALOG"));
    }

    [Fact]
    public async Task OnACatalogLargeEnoughForMeaningClusters_EveryResultMeetsTheHardLimits_AndNothingAnswerableIsMissed()
    {
        var bundled = await InMemoryProductCatalog.FromFilesAsync(Feeds.BundledFeed, Feeds.BundledThemes);
        var source = new List<Product>();
        foreach (var id in File.ReadLines(Feeds.BundledFeed).Skip(1).Select(l => l.Split(',')[0]))
            if (await bundled.GetAsync(id) is { } p) source.Add(p);
        var random = new Random(29);
        // Copies with other prices, ages and stock, so in-stock products outnumber what an exact scan would score.
        var everything = Enumerable.Range(0, 10_000).Select(i =>
        {
            var p = source[i % source.Count];
            var minAge = Math.Max(0, p.MinAge + random.Next(-2, 3));
            return p with
            {
                Id = $"L-{i:D5}", Price = Math.Round(p.Price * (decimal)(0.5 + random.NextDouble() * 1.5), 2),
                MinAge = minAge, MaxAge = p.MaxAge >= 99 ? p.MaxAge : Math.Max(minAge, p.MaxAge + random.Next(-2, 3)),
                Availability = random.Next(20) == 0 ? "out of stock" : "in stock",
            };
        }).ToList();
        var catalog = new InMemoryProductCatalog(everything, embedder: new MiniLmEmbedder());
        var themes = (await catalog.GetThemesAsync()).Select(t => t.Name).ToArray();

        for (var i = 0; i < 600; i++)
        {
            // Mostly wide: a recipient's band or no age, often no budget, so the candidates exceed an exact scan.
            var (low, high) = random.Next(4) switch { 0 => ((int?)18, (int?)99), 1 => (null, null), 2 => (0, 1), _ => Same(random.Next(0, 90)) };
            decimal? max = random.Next(3) == 0 ? random.Next(5, 120) : null;
            decimal? min = random.Next(8) == 0 ? random.Next(0, 40) : null;
            // Sometimes two themes: a product carrying both is still offered once.
            var wanted = random.Next(6) switch
            {
                0 => new[] { themes[random.Next(themes.Length)] },
                1 => themes.OrderBy(_ => random.Next()).Take(2).ToArray(),
                _ => [],
            };
            var ruledOut = random.Next(5) == 0 ? new[] { themes[random.Next(themes.Length)] } : [];
            var shown = Enumerable.Range(0, random.Next(3) * 5).Select(_ => everything[random.Next(everything.Count)].Id).ToArray();
            var query = new ProductQuery
            {
                AgeMin = low, AgeMax = high, MinPrice = min, MaxPrice = max, Interests = wanted, ExcludedInterests = ruledOut,
                ExcludedProductIds = shown, Wish = random.Next(5) == 0 ? null : Wishes[random.Next(Wishes.Length)], Limit = 5,
            };

            var found = await catalog.SearchAsync(query);

            bool Fits(Product p) => p.IsInStock && (low is not { } a || p.MaxAge >= a) && (high is not { } b || p.MinAge <= b)
                && (max is not { } m || p.Price <= m) && (min is not { } n || p.Price >= n)
                && (wanted.Length == 0 || p.Interests.Intersect(wanted).Any()) && !p.Interests.Intersect(ruledOut).Any() && !shown.Contains(p.Id);
            Assert.All(found, p => Assert.True(Fits(p), $"{p.Id} breaks a limit of query {i}"));
            Assert.Equal(Math.Min(5, everything.Count(Fits)), found.Count);
            Assert.Equal(found.Count, found.Select(p => p.Id).Distinct().Count());
            if (query is { Wish: null, Interests.Count: 0, MaxPrice: not null } && found.Count > 0)
                Assert.Equal(everything.Where(Fits).Max(p => p.Price), found[0].Price);
        }

        static (int?, int?) Same(int age) => (age, age);
    }

    [Fact]
    public async Task WithMoreThemesThanFitInBits_WantedAndRuledOutThemesStillHold()
    {
        // Up to 64 themes are matched as bits; a shop with more falls back to theme lists, with the same answers.
        var random = new Random(53);
        var themes = Enumerable.Range(0, 70).Select(n => $"theme-{n:D2}").ToArray();
        var everything = Enumerable.Range(0, 2_000).Select(i => Products.Make($"T-{i:D4}", price: random.Next(5, 100),
            minAge: random.Next(0, 12), maxAge: random.Next(12, 99),
            interests: string.Join('|', themes.OrderBy(_ => random.Next()).Take(random.Next(1, 4))),
            availability: random.Next(10) == 0 ? "out of stock" : "in stock")).ToList();
        var catalog = new InMemoryProductCatalog(everything);

        for (var i = 0; i < 400; i++)
        {
            int? age = random.Next(4) == 0 ? null : random.Next(0, 40);
            decimal? max = random.Next(3) == 0 ? null : random.Next(10, 100);
            var wanted = themes.OrderBy(_ => random.Next()).Take(random.Next(0, 3)).ToArray();
            var ruledOut = themes.Except(wanted).OrderBy(_ => random.Next()).Take(random.Next(0, 2)).ToArray();
            var query = new ProductQuery { AgeMin = age, AgeMax = age, MaxPrice = max, Interests = wanted, ExcludedInterests = ruledOut, Limit = 5 };

            var found = await catalog.SearchAsync(query);

            bool Fits(Product p) => p.IsInStock && (age is not { } a || p.MinAge <= a && p.MaxAge >= a) && (max is not { } m || p.Price <= m)
                && (wanted.Length == 0 || p.Interests.Intersect(wanted).Any()) && !p.Interests.Intersect(ruledOut).Any();
            Assert.All(found, p => Assert.True(Fits(p), $"{p.Id} breaks a limit of query {i}"));
            Assert.Equal(Math.Min(5, everything.Count(Fits)), found.Count);
            // More matched themes rank first.
            if (wanted.Length == 2 && found.Count > 0)
                Assert.Equal(everything.Where(Fits).Max(p => p.Interests.Intersect(wanted).Count()), found[0].Interests.Intersect(wanted).Count());
        }
    }
}
