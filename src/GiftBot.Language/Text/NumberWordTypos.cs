namespace GiftBot.Language.Text;

/// <summary>
/// "my son is tweleve", "a fourten year old", "nephew is eigth": a number word typed with one slip, where an age is
/// written (after "is", "turning", "aged", or before "year old"), is read as that number. Only words of five letters
/// or more, one edit from exactly one number word and not a word in their own right ("there" is no "three"), as for
/// every other typo; "sevn" or "nien" stay unread, so the age is asked rather than guessed.
/// </summary>
public static class NumberWordTypos
{
    private static readonly string[] Targets = NumberWords.Units.Keys.Concat(NumberWords.Tens.Keys).Where(w => w.Length >= 5).ToArray();

    private static readonly HashSet<string> AgeCuesBefore = ["is", "'s", "turning", "turns", "turned", "aged", "age", "be", "shes", "hes"];
    private static readonly HashSet<string> AgeUnitsAfter = ["year", "years", "yr", "yrs", "yo", "-", "month", "months"];

    public static IReadOnlyList<Token> Correct(IReadOnlyList<Token> tokens, IReadOnlySet<string> knownWords)
    {
        List<Token>? corrected = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.IsWord || token.Lower.Length < 5 || IsNumberWord(token.Lower) || knownWords.Contains(token.Lower) || knownWords.Contains(WordForms.Stem(token.Lower))) continue;
            var before = i > 0 ? tokens[i - 1].Lower : "";
            var after = i + 1 < tokens.Count ? tokens[i + 1].Lower : "";
            // "a fourten year old" needs the unit; "she is tweleve" the verb, and then nothing more of a word after it.
            var placed = AgeUnitsAfter.Contains(after) || AgeCuesBefore.Contains(before) && !IsWordAfter(tokens, i);
            if (!placed || Target(token.Lower) is not { } number) continue;
            corrected ??= [.. tokens];
            corrected[i] = token with { Lower = number };
        }
        return corrected ?? tokens;
    }

    private static bool IsWordAfter(IReadOnlyList<Token> tokens, int i) =>
        i + 1 < tokens.Count && tokens[i + 1].IsWord && tokens[i + 1].Lower is not ("and" or "going" or "next" or "in" or "on" or "now" or "soon" or "this" or "but" or "so" or "loves" or "likes" or "into");

    private static bool IsNumberWord(string word) => NumberWords.Units.ContainsKey(word) || NumberWords.Tens.ContainsKey(word) || NumberWords.Ordinals.ContainsKey(word);

    private static string? Target(string word)
    {
        var allowed = Math.Min(1, EditDistance.AllowedTypos(word.Length));
        string? found = null;
        foreach (var target in Targets)
        {
            if (EditDistance.Bounded(word, target, allowed) > allowed) continue;
            if (found is not null) return null;
            found = target;
        }
        return found;
    }
}
