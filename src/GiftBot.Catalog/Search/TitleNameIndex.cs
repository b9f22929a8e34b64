namespace GiftBot.Catalog.Search;

/// <summary>
/// Which products a shopper's word names by their title or their theme (<see cref="NamedProducts"/>), without reading
/// every title per question: each title's words once, folded (accents off) and indexed exactly and by their first
/// letters, so a word finds the titles holding it or it with another ending ("puzzles" names "Puzzle") in a lookup.
/// Built once per snapshot, with it.
/// </summary>
internal sealed class TitleNameIndex
{
    // A title's word names a shopper's word when they are equal, or when both have at least MinStem letters and one is
    // the other with an ending of at most MaxEnding letters: "dinosaure" is "dinosaur", but "hoverboard" is no "board".
    private const int MinStem = 4;
    private const int MaxEnding = 2;

    private readonly Dictionary<string, int[]> _exact;
    private readonly Dictionary<string, (string Word, int[] Products)[]> _byStem;
    private readonly Dictionary<string, int[]> _byTheme;

    public TitleNameIndex(IReadOnlyList<Product> products)
    {
        var exact = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var themes = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < products.Count; i++)
        {
            foreach (var word in Words(products[i].Title).Distinct(StringComparer.Ordinal)) Add(exact, word, i);
            foreach (var theme in products[i].Interests) Add(themes, theme, i);
        }
        _exact = exact.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
        _byStem = _exact.Where(e => e.Key.Length >= MinStem)
            .GroupBy(e => e.Key[..MinStem], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => (e.Key, e.Value)).ToArray(), StringComparer.Ordinal);
        _byTheme = themes.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A title or a question as the index's words: word stems, lower case, accents off.</summary>
    public static string[] Words(string text) => ProductWords.Phrase(text).Select(ProductText.WithoutAccents).ToArray();

    /// <summary>The products (by position in the snapshot) whose title holds a word that names <paramref name="word"/>.</summary>
    public HashSet<int> Titled(string word)
    {
        var found = new HashSet<int>();
        if (word.Length < MinStem)
        {
            if (_exact.TryGetValue(word, out var same)) found.UnionWith(same);
            return found;
        }
        if (!_byStem.TryGetValue(word[..MinStem], out var candidates)) return found;
        foreach (var (titleWord, products) in candidates)
            if (titleWord == word || Math.Abs(titleWord.Length - word.Length) <= MaxEnding
                && (titleWord.StartsWith(word, StringComparison.Ordinal) || word.StartsWith(titleWord, StringComparison.Ordinal)))
                found.UnionWith(products);
        return found;
    }

    /// <summary>The products carrying the theme, in or out of stock.</summary>
    public IReadOnlyList<int> WithTheme(string theme) => _byTheme.TryGetValue(theme, out var products) ? products : [];

    private static void Add(Dictionary<string, List<int>> lists, string key, int product)
    {
        if (!lists.TryGetValue(key, out var list)) lists[key] = list = [];
        list.Add(product);
    }
}
