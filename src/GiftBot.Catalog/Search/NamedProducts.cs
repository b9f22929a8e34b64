namespace GiftBot.Catalog.Search;

/// <summary>
/// Products a shopper names in a question ("the space shuttle", "the dinosaur puzzle", "lego"), in or out of stock: a
/// question about stock must be able to say "out of stock". Every word must be in the title, or name a theme the product
/// has ("dinosaur" for the T-rex puzzle, "lego" for the brick sets); products whose title holds every word come first.
/// When no product has them all, the words that name nothing in the catalog are left out.
/// </summary>
internal static class NamedProducts
{
    public static IReadOnlyList<Product> Find(CatalogSnapshot snapshot, string name, int limit)
    {
        var words = Folded(ProductWords.Phrase(name));
        if (words.Length == 0 || limit <= 0) return [];
        var found = Find(snapshot, words, limit);
        if (found.Count > 0) return found;
        // The shopper's other words ("how old do you need to be for the telescope") name nothing the shop sells: the
        // words that name something decide, as long as there are some.
        var naming = words.Where(word => snapshot.Resolver.Resolve(word) is not null
            || snapshot.Products.Any(p => Names(Folded(ProductWords.Phrase(p.Title)), word))).ToArray();
        if (naming.Length == 0) return [];
        found = naming.Length < words.Length ? Find(snapshot, naming, limit) : [];
        return found.Count > 0 ? found : MostWordsInTitle(snapshot, naming, limit);
    }

    // Still nothing: the products whose titles hold the most of those words, at least half of them ("the first
    // telescope" when "to" and "be" name other titles).
    private static IReadOnlyList<Product> MostWordsInTitle(CatalogSnapshot snapshot, string[] words, int limit)
    {
        var scored = snapshot.Products.Select(p => (Product: p, Count: words.Count(word => Names(Folded(ProductWords.Phrase(p.Title)), word)))).ToList();
        var best = scored.Max(s => s.Count);
        if (best == 0 || best * 2 < words.Length) return [];
        return scored.Where(s => s.Count == best).Select(s => s.Product).OrderBy(p => p.Price).ThenBy(p => p.Id, StringComparer.Ordinal).Take(limit).ToList();
    }

    private static IReadOnlyList<Product> Find(CatalogSnapshot snapshot, string[] words, int limit)
    {
        var themes = words.Select(snapshot.Resolver.Resolve).ToArray();
        var byTitle = new List<Product>();
        var byTitleOrTheme = new List<Product>();
        foreach (var product in snapshot.Products)
        {
            var title = Folded(ProductWords.Phrase(product.Title));
            if (words.All(word => Names(title, word))) byTitle.Add(product);
            else if (words.Select((word, i) => Names(title, word)
                         || themes[i] is { } theme && product.Interests.Contains(theme, StringComparer.OrdinalIgnoreCase)).All(found => found))
                byTitleOrTheme.Add(product);
        }
        var found = byTitle.Count > 0 ? byTitle : byTitleOrTheme;
        return found.OrderBy(p => p.Price).ThenBy(p => p.Id, StringComparer.Ordinal).Take(limit).ToList();
    }

    // Stricter than a ruled-out word's match: a name's word is the title's word or differs by an ending ("puzzles",
    // "dinosaure"); "hoverboard" must not name every "board".
    private static bool Names(string[] title, string word) => title.Any(t => t == word
        || Math.Min(t.Length, word.Length) >= MinStem && Math.Abs(t.Length - word.Length) <= MaxEnding
           && (t.StartsWith(word, StringComparison.Ordinal) || word.StartsWith(t, StringComparison.Ordinal)));

    private const int MinStem = 4;
    private const int MaxEnding = 2;

    // A French shopper's "télescope" is the feed's "Telescope".
    private static string[] Folded(string[] words) => words.Select(Fold).ToArray();

    private static string Fold(string word)
    {
        var decomposed = word.Normalize(System.Text.NormalizationForm.FormD);
        return new string(decomposed.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray());
    }
}
