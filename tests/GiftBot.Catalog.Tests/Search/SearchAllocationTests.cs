using GiftBot.Catalog.Search;
using GiftBot.Catalog.Tests.Support;

namespace GiftBot.Catalog.Tests.Search;

/// <summary>
/// A search allocates per query, never per candidate: at 100,000 products a wide search looks at tens of thousands of
/// candidates, and a few bytes each made the garbage collector pause every few dozen queries (the p99's cause).
/// </summary>
public sealed class SearchAllocationTests
{
    [Fact]
    public void AWideSearchThroughTheMeaningClusters_AllocatesTheSameWhateverItLooksAt()
    {
        var random = new Random(5);
        // Enough in-stock products for clusters; nine in ten carry the ruled-out theme, which no index list leaves out,
        // so the search looks at nearly all of them.
        var products = Enumerable.Range(0, 10_000)
            .Select(i => Products.Make($"P-{i:D5}", interests: i % 10 == 0 ? "reading" : "outdoors"))
            .ToArray();
        var vectors = products.Select(_ => Unit(random)).ToArray();
        var snapshot = CatalogSnapshot.Create(products, [], vectors);
        var criteria = SearchCriteria.From(new ProductQuery { ExcludedInterests = ["outdoors"], Limit = 5 }, snapshot, Unit(random));
        Assert.True(snapshot.Meaning.HasClusters);

        ProductRanker.Rank(snapshot, criteria); // JIT and first-call costs are not the search's
        var before = GC.GetAllocatedBytesForCurrentThread();
        var found = ProductRanker.Rank(snapshot, criteria);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(5, found.Count);
        Assert.True(allocated < 32 * 1024, $"a search over 10,000 candidates allocated {allocated:N0} bytes");
    }

    private static float[] Unit(Random random)
    {
        var vector = Enumerable.Range(0, 384).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var length = MathF.Sqrt(vector.Sum(x => x * x));
        return vector.Select(x => x / length).ToArray();
    }
}
