namespace GiftBot.Catalog.Search;

/// <summary>
/// Products a shopper names in a question ("the space shuttle", "the dinosaur puzzle", "lego"), in or out of stock: a
/// question about stock must be able to say "out of stock". Every word must be in the title, or name a theme the product
/// has ("dinosaur" for the T-rex puzzle, "lego" for the brick sets); products whose title holds every word come first.
/// </summary>
internal static class NamedProducts
{
    public static IReadOnlyList<Product> Find(CatalogSnapshot snapshot, string name, int limit)
    {
        var words = Folded(ProductWords.Phrase(name));
        if (words.Length == 0 || limit <= 0) return [];
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
