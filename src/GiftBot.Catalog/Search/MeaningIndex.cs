using GiftBot.Meaning;

namespace GiftBot.Catalog.Search;

/// <summary>
/// Every product's meaning vector in one contiguous array (row i is product i), so scoring a candidate is one SIMD dot
/// product over memory read in order. A large catalog also gets a coarse nearest-neighbour index: in-stock products
/// grouped into clusters of similar meaning (spherical k-means, seeded deterministically so every instance builds the
/// same one), so a wide query scores the clusters nearest the wish instead of every candidate.
/// </summary>
internal sealed class MeaningIndex
{
    /// <summary>Catalogs with more in-stock products than this get clusters; smaller ones are always scored exactly.</summary>
    public const int ClusteredFrom = 8_000;
    private const int ProductsPerCluster = 400;
    private const int TrainingSample = 12_000;
    private const int TrainingRounds = 6;
    private readonly float[] _vectors;
    /// <summary>Product number to row of <see cref="_vectors"/>: rows are stored cluster by cluster, so probing a cluster reads memory in order.</summary>
    private readonly int[] _rowOf;
    private readonly float[] _centroids;
    private readonly int[][] _members;

    public MeaningIndex(IReadOnlyList<float[]?> vectors, bool[] inStock)
    {
        Dimensions = vectors.FirstOrDefault(v => v is not null)?.Length ?? 0;
        _vectors = new float[vectors.Count * Dimensions];
        for (var i = 0; i < vectors.Count; i++)
        {
            if (vectors[i] is not { } vector) continue; // no vector: means nothing, scores 0
            if (vector.Length != Dimensions) throw new ArgumentException("Product vectors differ in length.", nameof(vectors));
            vector.CopyTo(_vectors, i * Dimensions);
        }
        _rowOf = Enumerable.Range(0, vectors.Count).ToArray();
        var clustered = Dimensions == 0 ? [] : Enumerable.Range(0, vectors.Count).Where(i => inStock[i] && vectors[i] is not null).ToArray();
        (_centroids, _members) = clustered.Length > ClusteredFrom ? Cluster(clustered) : ([], []);
        if (_members.Length > 0) (_vectors, _rowOf) = InClusterOrder(_vectors, _members);
    }

    public int Dimensions { get; }
    public bool HasVectors => Dimensions > 0;
    public bool HasClusters => _members.Length > 0;
    public int ClusterCount => _members.Length;
    /// <summary>Bytes held by the vectors and centroids (for the benchmark's memory figure).</summary>
    public long VectorBytes => (_vectors.LongLength + _centroids.LongLength) * sizeof(float);

    /// <summary>Cosine similarity of a product to a wish (vectors are unit length).</summary>
    public float Similarity(int product, ReadOnlySpan<float> wish) => Vectors.Dot(wish, Row(_vectors, _rowOf[product]));

    /// <summary>A copy of one product's vector ("more like this"), or null without vectors.</summary>
    public float[]? VectorOf(int product) => HasVectors ? Row(_vectors, _rowOf[product]).ToArray() : null;

    /// <summary>Cluster numbers, nearest the wish first.</summary>
    public int[] ClustersNearest(ReadOnlySpan<float> wish)
    {
        var order = new int[_members.Length];
        var distance = new float[_members.Length];
        for (var c = 0; c < order.Length; c++) (order[c], distance[c]) = (c, -Vectors.Dot(wish, Row(_centroids, c)));
        Array.Sort(distance, order);
        return order;
    }

    /// <summary>The in-stock products of one cluster, in product order.</summary>
    public int[] Members(int cluster) => _members[cluster];

    private ReadOnlySpan<float> Row(float[] rows, int row) => rows.AsSpan(row * Dimensions, Dimensions);

    private (float[] Centroids, int[][] Members) Cluster(int[] products)
    {
        var k = Math.Clamp(products.Length / ProductsPerCluster, 16, 256);
        var step = Math.Max(1, products.Length / TrainingSample);
        var sample = products.Where((_, n) => n % step == 0).ToArray();
        var centroids = new float[k * Dimensions];
        for (var c = 0; c < k; c++) Row(_vectors, sample[(int)((long)c * sample.Length / k)]).CopyTo(centroids.AsSpan(c * Dimensions));
        var assigned = new int[sample.Length];
        for (var round = 0; round < TrainingRounds; round++)
        {
            Parallel.For(0, sample.Length, n => assigned[n] = Nearest(centroids, k, sample[n]));
            var sums = new float[k * Dimensions];
            var sizes = new int[k];
            for (var n = 0; n < sample.Length; n++)
            {
                var sum = sums.AsSpan(assigned[n] * Dimensions, Dimensions);
                var vector = Row(_vectors, sample[n]);
                for (var d = 0; d < Dimensions; d++) sum[d] += vector[d];
                sizes[assigned[n]]++;
            }
            for (var c = 0; c < k; c++)
            {
                if (sizes[c] == 0) continue; // an empty cluster keeps its centroid
                var sum = sums.AsSpan(c * Dimensions, Dimensions);
                var norm = MathF.Sqrt(Vectors.Dot(sum, sum));
                if (norm > 0) for (var d = 0; d < Dimensions; d++) centroids[c * Dimensions + d] = sum[d] / norm;
            }
        }
        var cluster = new int[products.Length];
        Parallel.For(0, products.Length, n => cluster[n] = Nearest(centroids, k, products[n]));
        var members = Enumerable.Range(0, products.Length).GroupBy(n => cluster[n])
            .ToDictionary(g => g.Key, g => g.Select(n => products[n]).ToArray());
        var kept = members.Keys.Order().ToArray();
        var keptCentroids = new float[kept.Length * Dimensions];
        for (var c = 0; c < kept.Length; c++) Row(centroids, kept[c]).CopyTo(keptCentroids.AsSpan(c * Dimensions));
        return (keptCentroids, kept.Select(c => members[c]).ToArray());
    }

    /// <summary>The same rows, clustered products first, cluster by cluster; the rest (out of stock) after them.</summary>
    private (float[] Rows, int[] RowOf) InClusterOrder(float[] rows, int[][] members)
    {
        var order = members.SelectMany(m => m).ToList();
        var inClusters = order.ToHashSet();
        order.AddRange(Enumerable.Range(0, _rowOf.Length).Where(p => !inClusters.Contains(p)));
        var reordered = new float[rows.Length];
        var rowOf = new int[_rowOf.Length];
        for (var row = 0; row < order.Count; row++)
        {
            rowOf[order[row]] = row;
            Row(rows, order[row]).CopyTo(reordered.AsSpan(row * Dimensions));
        }
        return (reordered, rowOf);
    }

    private int Nearest(float[] centroids, int k, int product)
    {
        var vector = Row(_vectors, product);
        var (best, bestScore) = (0, float.MinValue);
        for (var c = 0; c < k; c++)
        {
            var score = Vectors.Dot(vector, Row(centroids, c));
            if (score > bestScore) (best, bestScore) = (c, score);
        }
        return best;
    }
}
