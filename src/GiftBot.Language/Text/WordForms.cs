namespace GiftBot.Language.Text;

/// <summary>
/// Light normalisation so singular and plural forms meet: "dinosaurs" and "dinosaur", "ponies" and "pony",
/// "cookies" and "cookie" all reduce to one form. Both the vocabulary and the utterance go through it,
/// so the form only has to be consistent, not a dictionary word.
/// </summary>
public static class WordForms
{
    public static string Stem(string lower)
    {
        if (lower.Length <= 3 || !char.IsLetter(lower[^1])) return lower;
        var word = lower;
        if (Ends(word, "ies")) word = word[..^3] + "y";
        else if (Ends(word, "sses") || Ends(word, "xes") || Ends(word, "ches") || Ends(word, "shes")) word = word[..^2];
        else if (word.EndsWith('s') && !Ends(word, "ss") && !Ends(word, "us") && !Ends(word, "is")) word = word[..^1];
        // "no bookz", "gamez": a plural typed with a z, as in texting ("jazz", "waltz" keep theirs).
        else if (word.Length >= 5 && word.EndsWith('z') && !Ends(word, "zz") && !Ends(word, "tz")) word = word[..^1];
        if (Ends(word, "ie")) word = word[..^2] + "y";
        return word;
    }

    // Letters, not culture-aware text: EndsWith(string) compared through ICU collation, for every word of every message.
    private static bool Ends(string word, string suffix) => word.EndsWith(suffix, StringComparison.Ordinal);

    /// <summary>The lookup key of a phrase: its word and number tokens stemmed and glued, so "T-Rex", "t rex" and "trex" meet.</summary>
    public static string Key(IEnumerable<Token> tokens) =>
        string.Concat(tokens.Where(t => t.Kind is TokenKind.Word or TokenKind.Number && !t.IsJoiner).Select(t => Stem(t.Lower)));

    public static string Key(string phrase) => Key(Tokenizer.Tokenize(phrase));
}
