using GiftBot.Language.Text;

namespace GiftBot.Conversations.Understanding;

/// <summary>
/// Which products typed words name by their titles ("the rocket" → "Stomp Rocket Launcher"), forgiving case, a plural
/// and a typo or two in longer words. Words that pick nothing ("the", "my", "basket") are the caller's to leave out.
/// </summary>
public static class ProductTitles
{
    /// <summary>
    /// The indexes of the titles that share the most words with the text (several when they tie), or none when no
    /// title shares a word.
    /// </summary>
    public static IReadOnlyList<int> BestMatches(string? text, IReadOnlyList<string> titles, IEnumerable<string> ignoredWords)
    {
        var ignored = ignoredWords.Select(AnswerWords.Normalize).ToHashSet(StringComparer.Ordinal);
        var words = Words(text).Where(w => !ignored.Contains(w)).Distinct().ToList();
        if (words.Count == 0) return [];

        var best = new List<int>();
        var bestScore = 0;
        for (var i = 0; i < titles.Count; i++)
        {
            var titleWords = Words(titles[i]).ToList();
            var score = words.Count(word => titleWords.Any(titleWord => SameWord(word, titleWord)));
            if (score == 0 || score < bestScore) continue;
            if (score > bestScore) best.Clear();
            bestScore = score;
            best.Add(i);
        }
        return best;
    }

    /// <summary>
    /// The titles the text names and nothing else: the best matches whose words hold every other word of the text
    /// ("add the coffee box", not "can you add gift wrapping?" for a gift set).
    /// </summary>
    public static IReadOnlyList<int> NamedOnly(string? text, IReadOnlyList<string> titles, IReadOnlyCollection<string> ignoredWords) =>
        BestMatches(text, titles, ignoredWords).Where(i => NamesOnly(text, titles[i], ignoredWords)).ToList();

    /// <summary>The single words of content phrases ("I'll take" → "ill", "take"), as the ignored words above.</summary>
    public static IEnumerable<string> WordsOf(IEnumerable<string> phrases) =>
        phrases.SelectMany(phrase => AnswerWords.Normalize(phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The words of the text that are not ignored words, in order ("more like the pony one" → "pony").</summary>
    public static IReadOnlyList<string> Unmatched(string? text, IEnumerable<string> ignoredWords)
    {
        var ignored = ignoredWords.Select(AnswerWords.Normalize).ToHashSet(StringComparer.Ordinal);
        return Words(text).Where(w => !ignored.Contains(w)).ToList();
    }

    /// <summary>True when every word of the text (besides ignored words and bare numbers) is a word of the title.</summary>
    public static bool NamesOnly(string? text, string title, IEnumerable<string> ignoredWords)
    {
        var ignored = ignoredWords.Select(AnswerWords.Normalize).ToHashSet(StringComparer.Ordinal);
        var titleWords = Words(title).ToList();
        return Words(text).Where(w => !ignored.Contains(w) && !w.All(char.IsDigit)).All(word => titleWords.Any(t => SameWord(word, t)));
    }

    private static IEnumerable<string> Words(string? text) =>
        AnswerWords.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static bool SameWord(string typed, string title)
    {
        if (typed == title || Singular(typed) == Singular(title)) return true;
        // Numbers and short words must match exactly: "50" is not "30", "kit" is not "kite".
        if (typed.Any(char.IsDigit)) return false;
        var typos = EditDistance.AllowedTypos(Math.Min(typed.Length, title.Length));
        return typos > 0 && EditDistance.Bounded(typed, title, typos) <= typos;
    }

    private static string Singular(string word) => word.Length > 3 && word.EndsWith('s') ? word[..^1] : word;
}
