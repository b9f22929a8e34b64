using System.Numerics;
using GiftBot.Meaning;

namespace GiftBot.Catalog.Search;

/// <summary>
/// Every product's meaning vector in one contiguous array (row i is product i), so scoring a candidate is one SIMD dot
/// product over memory read in order. A large catalog also gets a coarse nearest-neighbour index: in-stock products
/// grouped into clusters of similar meaning (spherical k-means, seeded deterministically so every instance builds the
/// same one), so a wide query scores the clusters nearest the wish instead of every candidate.
/// Candidates are first scored from a one-byte-per-dimension copy of the vectors (<see cref="Approximate"/>) with a
/// proven error bound: at 100,000 products the float rows do not fit any cache, so reading a quarter of the bytes is
/// most of a search's cost, and the exact row is read only when the bound leaves the answer open. Both copies keep
/// their rows cluster by cluster, each cluster's members in the order the caller gives (price), so probing a cluster
/// reads its rows forward in memory.
/// </summary>
internal sealed class MeaningIndex
{
    /// <summary>Catalogs with more in-stock products than this get clusters; smaller ones are always scored exactly.</summary>
    public const int ClusteredFrom = 8_000;
    private const int ProductsPerCluster = 400;
    private const int TrainingSample = 12_000;
    private const int TrainingRounds = 6;
    private readonly float[] _vectors;
    /// <summary>Product number to row of <see cref="_vectors"/> and <see cref="_quantized"/>: rows are stored cluster by cluster, so probing a cluster reads memory in order.</summary>
    private readonly int[] _rowOf;
    private readonly float[] _centroids;
    private readonly int[][] _members;
    /// <summary>Each row's vector as whole numbers from -127 to 127 times <see cref="_scales"/> (per row).</summary>
    private readonly sbyte[] _quantized;
    private readonly float[] _scales;
    /// <summary>Per row, how far the quantized vector lies from the exact one (its length): a unit wish's dot product with
    /// either differs by at most this (Cauchy-Schwarz), plus a margin for float rounding.</summary>
    private readonly float[] _errors;

    /// <param name="memberOrder">Products in the order each cluster keeps its members (and rows); null for product order.</param>
    public MeaningIndex(IReadOnlyList<float[]?> vectors, bool[] inStock, IReadOnlyList<int>? memberOrder = null)
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
        if (memberOrder is not null) _members = InMemberOrder(_members, memberOrder);
        if (_members.Length > 0) (_vectors, _rowOf) = InClusterOrder(_vectors, _members);
        (_quantized, _scales, _errors) = Quantize(_vectors, vectors.Count, Dimensions);
    }

    public int Dimensions { get; }
    public bool HasVectors => Dimensions > 0;
    public bool HasClusters => _members.Length > 0;
    public int ClusterCount => _members.Length;
    /// <summary>Bytes held by the vectors, their one-byte copies and the centroids (for the benchmark's memory figure).</summary>
    public long VectorBytes => (_vectors.LongLength + _centroids.LongLength + _scales.LongLength + _errors.LongLength) * sizeof(float) + _quantized.LongLength;

    /// <summary>Cosine similarity of a product to a wish (vectors are unit length).</summary>
    public float Similarity(int product, ReadOnlySpan<float> wish) => Vectors.Dot(wish, Row(_vectors, _rowOf[product]));

    /// <summary>
    /// The similarity from the one-byte copy, and how far <see cref="Similarity"/> can lie from it for a wish of unit
    /// length: the exact value is within [similarity - error, similarity + error].
    /// </summary>
    public (float Similarity, float Error) Approximate(int product, ReadOnlySpan<float> wish)
    {
        var row = _rowOf[product];
        var bytes = _quantized.AsSpan(row * Dimensions, Dimensions);
        var sum = Vector<float>.Zero;
        var width = Vector<sbyte>.Count;
        var i = 0;
        for (; i <= bytes.Length - width; i += width)
        {
            Vector.Widen(new Vector<sbyte>(bytes[i..]), out var low, out var high);
            Vector.Widen(low, out var a, out var b);
            Vector.Widen(high, out var c, out var d);
            var step = Vector<int>.Count;
            sum += Vector.ConvertToSingle(a) * new Vector<float>(wish[i..])
                + Vector.ConvertToSingle(b) * new Vector<float>(wish[(i + step)..])
                + Vector.ConvertToSingle(c) * new Vector<float>(wish[(i + 2 * step)..])
                + Vector.ConvertToSingle(d) * new Vector<float>(wish[(i + 3 * step)..]);
        }
        var total = Vector.Sum(sum);
        for (; i < bytes.Length; i++) total += bytes[i] * wish[i];
        return (total * _scales[row], _errors[row]);
    }

    /// <summary>Asks the processor to start loading a product's one-byte vector that <see cref="Approximate"/> will read soon.</summary>
    public void Prefetch(int product)
    {
        if (Dimensions == 0) return;
        var row = _rowOf[product];
        var start = row * Dimensions;
        for (var offset = 0; offset < Dimensions; offset += 64) MemoryPrefetch.Of(ref _quantized[start + offset]);
        MemoryPrefetch.Of(ref _quantized[start + Dimensions - 1]);
        MemoryPrefetch.Of(ref _scales[row]);
        MemoryPrefetch.Of(ref _errors[row]);
    }

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

    /// <summary>The in-stock products of one cluster, in the constructor's member order.</summary>
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

    /// <summary>Each cluster's members re-ordered; the clusters themselves are trained in product order, whatever the member order.</summary>
    private static int[][] InMemberOrder(int[][] members, IReadOnlyList<int> memberOrder)
    {
        var place = new int[memberOrder.Count];
        for (var n = 0; n < place.Length; n++) place[memberOrder[n]] = n;
        return members.Select(m => m.OrderBy(product => place[product]).ToArray()).ToArray();
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

    /// <summary>One byte per dimension, scaled per row so its largest component is 127, and each row's error bound.</summary>
    private static (sbyte[] Quantized, float[] Scales, float[] Errors) Quantize(float[] rows, int count, int dimensions)
    {
        var quantized = new sbyte[rows.Length];
        var scales = new float[count];
        var errors = new float[count];
        for (var row = 0; row < count; row++)
        {
            var vector = rows.AsSpan(row * dimensions, dimensions);
            var largest = 0f;
            foreach (var x in vector) largest = Math.Max(largest, Math.Abs(x));
            var scale = largest / 127f;
            var squaredError = 0.0;
            for (var d = 0; d < dimensions; d++)
            {
                var q = scale > 0 ? (sbyte)Math.Clamp(MathF.Round(vector[d] / scale), -127, 127) : (sbyte)0;
                quantized[row * dimensions + d] = q;
                var difference = (double)vector[d] - (double)q * scale;
                squaredError += difference * difference;
            }
            scales[row] = scale;
            // 1e-4 covers float rounding in both dot products (384 terms of products below 1).
            errors[row] = (float)Math.Sqrt(squaredError) + 1e-4f;
        }
        return (quantized, scales, errors);
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
