using System.Globalization;
using System.Text;

namespace GiftBot.Dialogs.Choices;

/// <summary>Splits text into lower-case, accent-free word tokens; emoji and other symbols become tokens of their own.</summary>
public static class Tokenizer
{
    public static IReadOnlyList<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        var word = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(RemoveAccents(text).ToLowerInvariant());
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var category = CharUnicodeInfo.GetUnicodeCategory(element, 0);
            if (char.IsLetterOrDigit(element, 0))
            {
                word.Append(element);
                continue;
            }

            // Apostrophes join a word ("don't" reads as "dont").
            if (element is "'" or "’" && word.Length > 0)
            {
                continue;
            }

            Flush(word, tokens);
            if (category is UnicodeCategory.OtherSymbol or UnicodeCategory.Surrogate)
            {
                tokens.Add(element);
            }
        }

        Flush(word, tokens);
        return tokens;
    }

    /// <summary>Two tokens match when equal or when one is the other's plural ("dinosaurs" / "dinosaur").</summary>
    public static bool SameWord(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        var (shorter, longer) = a.Length < b.Length ? (a, b) : (b, a);
        return shorter.Length >= 3 && longer.StartsWith(shorter, StringComparison.Ordinal)
            && longer.Length - shorter.Length <= 2 && longer.EndsWith('s');
    }

    private static void Flush(StringBuilder word, List<string> tokens)
    {
        if (word.Length > 0)
        {
            tokens.Add(word.ToString());
            word.Clear();
        }
    }

    private static string RemoveAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
