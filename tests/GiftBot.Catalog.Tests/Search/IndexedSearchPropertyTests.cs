using GiftBot.Catalog.Tests.Support;
using GiftBot.Meaning;

namespace GiftBot.Catalog.Tests.Search;

/// <summary>
/// The index narrows candidates, it never decides: over thousands of generated queries on the bundled catalog (with
/// ranking by meaning on) every result meets the hard limits, and a query the whole catalog can answer is answered.
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
        }
        Assert.NotEmpty(all);
    }
}
