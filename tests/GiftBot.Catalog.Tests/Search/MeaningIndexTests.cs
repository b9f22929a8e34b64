using GiftBot.Catalog.Search;

namespace GiftBot.Catalog.Tests.Search;

/// <summary>
/// Candidates are scored from one-byte vectors, and the ranking stays exactly what the float vectors give only if
/// the exact similarity always lies within the error bound the index states: checked over many vectors and wishes,
/// including the wish being a product's own vector ("more like this") and products without a vector.
/// </summary>
public sealed class MeaningIndexTests
{
    [Fact]
    public void OneByteSimilarity_AlwaysBoundsTheExactSimilarity()
    {
        var random = new Random(41);
        var vectors = Enumerable.Range(0, 600).Select(i => i % 50 == 0 ? null : Unit(random, spiky: i % 7 == 0)).ToArray();
        var index = new MeaningIndex(vectors, vectors.Select(_ => true).ToArray());
        var wishes = Enumerable.Range(0, 40).Select(_ => Unit(random, spiky: false)).Append(vectors[1]!).Append(vectors[7]!).ToArray();

        foreach (var wish in wishes)
            for (var product = 0; product < vectors.Length; product++)
            {
                var exact = index.Similarity(product, wish);
                var (approximate, error) = index.Approximate(product, wish);
                Assert.InRange(exact, approximate - error, approximate + error);
                // Sentence vectors spread over their dimensions; only a spiky one gets coarse bytes.
                if (product % 7 != 0) Assert.True(error < 0.02f, $"error bound {error} too loose to settle most meaning steps");
            }
    }

    [Fact]
    public void ClustersKeepTheirMembersInTheGivenOrder_SameClustersAsInProductOrder_AndTheBoundStillHolds()
    {
        var random = new Random(43);
        var vectors = Enumerable.Range(0, MeaningIndex.ClusteredFrom + 1_000).Select(_ => (float[]?)Unit(random, spiky: false)).ToArray();
        var inStock = vectors.Select((_, i) => i % 10 != 0).ToArray();
        var order = Enumerable.Range(0, vectors.Length).OrderBy(_ => random.Next()).ToArray();
        var place = new int[order.Length];
        for (var n = 0; n < order.Length; n++) place[order[n]] = n;

        var inProductOrder = new MeaningIndex(vectors, inStock);
        var inGivenOrder = new MeaningIndex(vectors, inStock, order);

        Assert.True(inGivenOrder.HasClusters);
        Assert.Equal(inProductOrder.ClusterCount, inGivenOrder.ClusterCount);
        for (var cluster = 0; cluster < inGivenOrder.ClusterCount; cluster++)
        {
            var members = inGivenOrder.Members(cluster);
            Assert.Equal(inProductOrder.Members(cluster).Order(), members.Order());
            Assert.Equal(members.OrderBy(p => place[p]), members);
        }
        var wish = Unit(random, spiky: false);
        for (var product = 0; product < vectors.Length; product += 7)
        {
            Assert.Equal(inProductOrder.Similarity(product, wish), inGivenOrder.Similarity(product, wish));
            Assert.Equal(inProductOrder.Approximate(product, wish), inGivenOrder.Approximate(product, wish));
        }
    }

    /// <summary>A random unit vector of the sentence model's size; a spiky one has one large component (coarse bytes).</summary>
    private static float[] Unit(Random random, bool spiky)
    {
        var vector = Enumerable.Range(0, 384).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        if (spiky) vector[random.Next(vector.Length)] = 40f;
        var length = MathF.Sqrt(vector.Sum(x => x * x));
        return vector.Select(x => x / length).ToArray();
    }
}
