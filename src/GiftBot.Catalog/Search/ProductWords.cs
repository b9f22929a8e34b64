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
        products.Select(p => Mentioned(p.Title + " " + p.Description).Distinct(StringComparer.Ordinal).ToArray()).ToArray();

    /// <summary>A ruled-out phrase as word stems; every word must appear in a product to rule it out.</summary>
    public static string[] Phrase(string ruledOut) => Split(ruledOut).ToArray();

    public static bool Mentions(string[] productWords, string[] phrase) =>
        phrase.Length > 0 && phrase.All(word => productWords.Any(w => SameWord(w, word)));

    private static bool SameWord(string a, string b)
    {
        if (a == b) return true;
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        // "a pasta maker" rules out the "Pasta Making Kit": the one who makes and the making.
        if (Doing(a) is { } one && Doing(b) is { } other && one == other) return true;
        if (shorter.Length < MinPrefix) return false;
        // "not another book" rules out a cookbook and a songbook too.
        return longer.Length - shorter.Length <= MaxEndingDifference && longer.StartsWith(shorter, StringComparison.Ordinal)
            || longer.EndsWith(shorter, StringComparison.Ordinal);
    }

    /// <summary>The verb of "maker" or "making" ("mak"), null for other words; "-er" is matched with "-ing" only.</summary>
    private static string? Doing(string word) =>
        word.Length >= 5 && word.EndsWith("er", StringComparison.Ordinal) ? word[..^2] + "~"
        : word.Length >= 6 && word.EndsWith("ing", StringComparison.Ordinal) ? word[..^3] + "~"
        : null;

    private static readonly HashSet<string> Absence = ["no", "non", "without"];

    private static IEnumerable<string> Split(string text) =>
        text.ToLowerInvariant().Split(text.Where(c => !char.IsLetterOrDigit(c)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries).Select(Stem);

    // "a screen-free board game", "no batteries needed": a product that says it has none does not mention it.
    private static IEnumerable<string> Mentioned(string text)
    {
        var words = Split(text).ToArray();
        for (var i = 0; i < words.Length; i++)
            if (!(i + 1 < words.Length && words[i + 1] == "free") && !(i > 0 && Absence.Contains(words[i - 1]))) yield return words[i];
    }

    // "plushies" and "batteries" meet "plush" and "battery".
    private static string Stem(string word) =>
        word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
        : word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1]
        : word;
}
