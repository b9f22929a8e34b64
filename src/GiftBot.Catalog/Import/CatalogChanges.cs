namespace GiftBot.Catalog.Import;

/// <summary>A price that a feed changes: the product, the catalog's price and the feed's.</summary>
public sealed record PriceChange(string ProductId, decimal Before, decimal After, string Currency);

/// <summary>What a feed would change in the catalog: products added and removed (by id) and prices changed.</summary>
public sealed record CatalogChanges(IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<PriceChange> PriceChanges)
{
    public static CatalogChanges Between(IReadOnlyList<Product> current, IReadOnlyList<Product> incoming)
    {
        var before = current.GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var after = incoming.Select(p => p.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var added = incoming.Where(p => !before.ContainsKey(p.Id)).Select(p => p.Id).ToList();
        var removed = current.Where(p => !after.Contains(p.Id)).Select(p => p.Id).ToList();
        var prices = incoming
            .Where(p => before.TryGetValue(p.Id, out var old) && (old.Price != p.Price || old.Currency != p.Currency))
            .Select(p => new PriceChange(p.Id, before[p.Id].Price, p.Price, p.Currency))
            .ToList();
        return new CatalogChanges(added, removed, prices);
    }
}
