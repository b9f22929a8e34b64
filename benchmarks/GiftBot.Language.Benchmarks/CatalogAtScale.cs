using System.Diagnostics;
using GiftBot.Benchmarks.Shared;
using GiftBot.Catalog;
using GiftBot.Catalog.Feed;
using GiftBot.Catalog.Import;
using GiftBot.Meaning;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GiftBot.Language.Benchmarks;

/// <summary>
/// The catalog at shop scale: generates a feed of N products from the bundled one (each bundled product repeated with
/// other prices, ages, brands and stock; titles and descriptions are kept, so vectors are encoded once per distinct
/// text), imports it through the real importer into SQLite, loads it (index and stored vectors) and measures
/// <c>recommend</c> with ranking by meaning on, checking every result against the hard limits.
/// </summary>
internal static class CatalogAtScale
{
    private static readonly string[] Wishes =
        ["trucks", "fishing", "minecraft", "unicorns", "board games", "knitting", "photography", "football", "magic tricks", "space rockets", "baking", "yoga"];

    public static async Task<int> RunAsync(int count, TextWriter output)
    {
        var directory = Path.Combine(Path.GetTempPath(), "giftbot-catalog-scale-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var content = Path.Combine(AppContext.BaseDirectory, "content", "catalog");
            var source = (await ProductFeedReader.ReadFileAsync(Path.Combine(content, "products.csv"), "EUR", CancellationToken.None)).Products;
            var feed = Path.Combine(directory, "feed.csv");
            await File.WriteAllTextAsync(feed, GeneratedCatalogFeed.Generate(source, count));

            var database = Path.Combine(directory, "catalog.db");
            var watch = Stopwatch.StartNew();
            var report = await new CatalogImporter(database, "EUR").ImportFileAsync(feed, ImportRules.Default, CancellationToken.None);
            output.WriteLine($"# GiftBot catalog at scale: {report.Imported:N0} products imported in {watch.Elapsed.TotalSeconds:0.0} s ({report.Rejected.Count} rejected)");

            var embedder = new MiniLmEmbedder();
            watch.Restart();
            embedder.Embed("gift");
            output.WriteLine($"sentence model loaded in {watch.ElapsedMilliseconds} ms");
            var options = Options.Create(new CatalogOptions { DatabasePath = database, FeedPath = feed, ThemesPath = Path.Combine(content, "themes.csv") });
            var catalog = new SqliteProductCatalog(options, TimeProvider.System, NullLogger<SqliteProductCatalog>.Instance, embedder);
            watch.Restart();
            await catalog.InitializeAsync();
            output.WriteLine($"first load (index + product vectors encoded and stored, {source.Select(p => p.Title + p.Description).Distinct().Count()} distinct texts): {watch.Elapsed.TotalSeconds:0.0} s");
            var reloaded = new SqliteProductCatalog(options, TimeProvider.System, NullLogger<SqliteProductCatalog>.Instance, embedder);
            watch.Restart();
            await reloaded.InitializeAsync();
            output.WriteLine($"load at start-up with stored vectors: {watch.Elapsed.TotalSeconds:0.0} s");

            var themes = (await catalog.GetThemesAsync()).Select(t => t.Name).ToArray();
            foreach (var wish in Wishes) embedder.Embed(wish); // the recognizer encoded the wish during the turn
            await MeasureAsync("recommend, meaning on (wish encoded by the recognizer)", catalog, themes, useWish: true, output);
            await MeasureAsync("recommend, themes and price only", catalog, themes, useWish: false, output);
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task MeasureAsync(string name, IProductCatalog catalog, string[] themes, bool useWish, TextWriter output)
    {
        var random = new Random(7);
        var times = new List<double>();
        var violations = 0;
        var empty = 0;
        for (var i = 0; i < 3000; i++)
        {
            int? age = random.Next(10) == 0 ? null : random.Next(0, 100);
            decimal? max = random.Next(6) switch { 0 => null, 1 => 15, 2 => 25, 3 => 40, 4 => 60, _ => 120 };
            var query = new ProductQuery
            {
                AgeMin = age, AgeMax = age, MaxPrice = max,
                Interests = random.Next(3) == 0 ? [] : [themes[random.Next(themes.Length)]],
                Wish = useWish ? Wishes[random.Next(Wishes.Length)] : null,
                Limit = 5,
            };
            var watch = Stopwatch.StartNew();
            var result = await catalog.RecommendAsync(query);
            if (i >= 300) times.Add(watch.Elapsed.TotalMilliseconds);
            if (result.Products.Count == 0) empty++;
            violations += result.Products.Count(p => !p.IsInStock || age is { } a && (p.MinAge > a || p.MaxAge < a) || max is { } m && p.Price > m);
        }
        times.Sort();
        output.WriteLine($"{name}: p50 {Percentiles.Of(times, 50):0.00} ms, p99 {Percentiles.Of(times, 99):0.00} ms over {times.Count} queries; " +
            $"{empty} empty; products outside age/budget/stock: {violations}");
    }
}
