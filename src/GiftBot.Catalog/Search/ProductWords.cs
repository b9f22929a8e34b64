namespace GiftBot.Catalog.Search;

/// <summary>
/// The words of a product's title and description, for ruling out a kind of thing the shopper named ("no lego",
/// "not plushies", "nothing with batteries") inside a theme they still want. Plurals and word endings are loose
/// ("plushies" rules out "Plush", "remote control" rules out "remote-controlled", "book" rules out "Cookbook"); short
/// words must match exactly.
/// </summary>
internal static class ProductWords
{
    private const int MinPrefix = 4;
    private const int MaxEndingDifference = 3;

    /// <summary>Each product's word stems, in product order.</summary>
    public static string[][] Of(IReadOnlyList<Product> products) =>
        products.Select(p => Split(p.Title + " " + p.Description).Distinct(StringComparer.Ordinal).ToArray()).ToArray();

    /// <summary>A ruled-out phrase as word stems; every word must appear in a product to rule it out.</summary>
    public static string[] Phrase(string ruledOut) => Split(ruledOut).ToArray();

    public static bool Mentions(string[] productWords, string[] phrase) =>
        phrase.Length > 0 && phrase.All(word => productWords.Any(w => SameWord(w, word)));

    private static bool SameWord(string a, string b)
    {
        if (a == b) return true;
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        if (shorter.Length < MinPrefix) return false;
        // "not another book" rules out a cookbook and a songbook too.
        return longer.Length - shorter.Length <= MaxEndingDifference && longer.StartsWith(shorter, StringComparison.Ordinal)
            || longer.EndsWith(shorter, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Split(string text) =>
        text.ToLowerInvariant().Split(text.Where(c => !char.IsLetterOrDigit(c)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries).Select(Stem);

    // "plushies" and "batteries" meet "plush" and "battery".
    private static string Stem(string word) =>
        word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
        : word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1]
        : word;
}
