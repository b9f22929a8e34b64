using System.Security.Cryptography;
using System.Text;
using GiftBot.Catalog.Storage;
using GiftBot.Meaning;

namespace GiftBot.Catalog.Meaning;

/// <summary>
/// The meaning vector of every product's title and description. Vectors are stored with the catalog by the hash of
/// the text they were made from, so a reload reuses them, a re-import encodes only new or changed texts, and a
/// catalog without them (first start, older database) gets them at start-up.
/// </summary>
internal static class ProductVectors
{
    public static string TextOf(Product product) => product.Title + ". " + product.Description;

    public static string HashOf(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 16);

    /// <summary>Vectors in product order, encoding (and storing) only those the database does not have.</summary>
    public static async Task<float[]?[]> LoadOrBuildAsync(CatalogDatabase database, IReadOnlyList<Product> products, ITextEmbedder embedder, CancellationToken cancellationToken)
    {
        var stored = await database.LoadVectorsAsync(embedder.ModelId, cancellationToken);
        var texts = products.Select(TextOf).ToArray();
        var hashes = texts.Select(HashOf).ToArray();
        var missing = Enumerable.Range(0, products.Count).Where(i => !stored.ContainsKey(hashes[i])).DistinctBy(i => hashes[i]).ToArray();
        var added = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (missing.Length > 0)
        {
            var vectors = await Task.Run(() => embedder.EmbedAll(missing.Select(i => texts[i]).ToArray(), cancellationToken), cancellationToken);
            for (var k = 0; k < missing.Length; k++) added[hashes[missing[k]]] = vectors[k];
        }
        var inUse = hashes.ToHashSet(StringComparer.Ordinal);
        if (added.Count > 0 || stored.Keys.Any(k => !inUse.Contains(k)))
            await database.SaveVectorsAsync(embedder.ModelId, added, inUse, cancellationToken);
        return hashes.Select(h => added.TryGetValue(h, out var v) ? v : stored[h]).ToArray();
    }

    /// <summary>Vectors for a catalog that lives only in memory.</summary>
    public static float[]?[] Build(IReadOnlyList<Product> products, ITextEmbedder embedder)
    {
        var texts = products.Select(TextOf).ToArray();
        var unique = texts.Distinct(StringComparer.Ordinal).ToArray();
        var vectors = embedder.EmbedAll(unique);
        var byText = unique.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => vectors[x.i], StringComparer.Ordinal);
        return texts.Select(t => (float[]?)byText[t]).ToArray();
    }
}
