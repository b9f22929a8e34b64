namespace GiftBot.Catalog.Search;

/// <summary>
/// Products a shopper names in a question ("the space shuttle", "the dinosaur puzzle", "lego"), in or out of stock: a
/// question about stock must be able to say "out of stock". Every word must be in the title, or name a theme the product
/// has ("dinosaur" for the T-rex puzzle, "lego" for the brick sets); products whose title holds every word come first.
/// When no product has them all, the words that name nothing in the catalog are left out. Read through the snapshot's
/// <see cref="TitleNameIndex"/>, so a question costs lookups, not a pass over every title.
/// </summary>
internal static class NamedProducts
{
    public static IReadOnlyList<Product> Find(CatalogSnapshot snapshot, string name, int limit)
    {
        var words = TitleNameIndex.Words(name);
        if (words.Length == 0 || limit <= 0) return [];
        var index = snapshot.Names;
        var found = Find(snapshot, index, words, limit);
        if (found.Count > 0) return found;
        // The shopper's other words ("how old do you need to be for the telescope") name nothing the shop sells: the
        // words that name something decide, as long as there are some.
        var naming = words.Where(word => snapshot.Resolver.Resolve(word) is not null || index.Titled(word).Count > 0).ToArray();
        if (naming.Length == 0) return [];
        found = naming.Length < words.Length ? Find(snapshot, index, naming, limit) : [];
        return found.Count > 0 ? found : MostWordsInTitle(snapshot, index, naming, limit);
    }

    // Still nothing: the products whose titles hold the most of those words, at least half of them ("the first
    // telescope" when "to" and "be" name other titles).
    private static IReadOnlyList<Product> MostWordsInTitle(CatalogSnapshot snapshot, TitleNameIndex index, string[] words, int limit)
    {
        var counts = new Dictionary<int, int>();
        foreach (var word in words)
            foreach (var product in index.Titled(word))
                counts[product] = counts.GetValueOrDefault(product) + 1;
        if (counts.Count == 0) return [];
        var best = counts.Values.Max();
        if (best * 2 < words.Length) return [];
        return Cheapest(snapshot, counts.Where(c => c.Value == best).Select(c => c.Key), limit);
    }

    private static IReadOnlyList<Product> Find(CatalogSnapshot snapshot, TitleNameIndex index, string[] words, int limit)
    {
        HashSet<int>? byTitle = null;
        HashSet<int>? byTitleOrTheme = null;
        foreach (var word in words)
        {
            var titled = index.Titled(word);
            var orTheme = new HashSet<int>(titled);
            if (snapshot.Resolver.Resolve(word) is { } theme) orTheme.UnionWith(index.WithTheme(theme));
            if (byTitle is null) (byTitle, byTitleOrTheme) = (titled, orTheme);
            else
            {
                byTitle.IntersectWith(titled);
                byTitleOrTheme!.IntersectWith(orTheme);
            }
        }
        return Cheapest(snapshot, byTitle!.Count > 0 ? byTitle : byTitleOrTheme!, limit);
    }

    private static IReadOnlyList<Product> Cheapest(CatalogSnapshot snapshot, IEnumerable<int> products, int limit) =>
        products.Select(i => snapshot.Products[i]).OrderBy(p => p.Price).ThenBy(p => p.Id, StringComparer.Ordinal).Take(limit).ToList();
}
