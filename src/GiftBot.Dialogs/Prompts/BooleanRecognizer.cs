using GiftBot.Dialogs.Choices;

namespace GiftBot.Dialogs.Prompts;

/// <summary>Reads yes or no in a short answer ("yeah", "sure", "nope", "no thanks"); "not sure" is neither.</summary>
public static class BooleanRecognizer
{
    /// <summary>True for yes, false for no, null when the text says neither (or is unsure).</summary>
    public static bool? Recognize(string? text, string? locale = null)
    {
        var words = Tokenizer.Tokenize(text);
        if (words.Count == 0)
        {
            return null;
        }

        var culture = PromptCulture.For(locale);
        if (culture.UnsurePhrases.Any(p => FirstIndexOf(words, p) >= 0))
        {
            return null;
        }

        var yes = FirstMatch(words, culture.YesPhrases);
        var no = FirstMatch(words, culture.NoPhrases);
        if (yes < 0 && no < 0)
        {
            return null;
        }

        if (no < 0)
        {
            // "not right", "not ok": a negated yes is a no.
            return yes > 0 && words[yes - 1] is "not" or "nicht" or "pas" or "niet" ? false : true;
        }

        return yes >= 0 && yes < no;
    }

    private static int FirstMatch(IReadOnlyList<string> words, IEnumerable<string> phrases)
        => phrases.Select(p => FirstIndexOf(words, p)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();

    private static int FirstIndexOf(IReadOnlyList<string> words, string phrase)
    {
        var tokens = Tokenizer.Tokenize(phrase);
        if (tokens.Count == 0)
        {
            return -1;
        }

        for (var start = 0; start + tokens.Count <= words.Count; start++)
        {
            var all = true;
            for (var k = 0; k < tokens.Count && all; k++)
            {
                all = words[start + k] == tokens[k];
            }

            if (all)
            {
                return start;
            }
        }

        return -1;
    }
}
