using System.Text;

namespace GiftBot.Conversations.Understanding;

/// <summary>Matches short answers ("not sure", "yes please") against word lists from the content files.</summary>
public static class AnswerWords
{
    /// <summary>True when the answer is one of the phrases, or contains one as whole words ("I'm not sure really").</summary>
    public static bool Matches(string? answer, IEnumerable<string> phrases)
    {
        var text = Normalize(answer);
        if (text.Length == 0) return false;
        var padded = $" {text} ";
        return phrases.Select(Normalize).Where(p => p.Length > 0).Any(p => text == p || padded.Contains($" {p} ", StringComparison.Ordinal));
    }

    /// <summary>True only when the whole answer is one of the phrases (for yes/no, where "no" inside a sentence means little).</summary>
    public static bool IsExactly(string? answer, IEnumerable<string> phrases)
    {
        var text = Normalize(answer);
        return text.Length > 0 && phrases.Any(p => Normalize(p) == text);
    }

    /// <summary>Lower case, apostrophes and other punctuation dropped ("don't" reads as "dont"), single spaces.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        // Word lists are mostly written normalised already ("not sure"), and they are compared many times a turn.
        if (IsNormalized(text)) return text;
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var raw in text.Trim().ToLowerInvariant())
        {
            var c = raw;
            if (c is '\'' or '\u2019' or '\u2018') continue;
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0) builder.Append(' ');
                builder.Append(c);
                space = false;
            }
            else
            {
                space = true;
            }
        }
        return builder.ToString();
    }

    private static bool IsNormalized(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ')
            {
                if (i == 0 || i == text.Length - 1 || text[i - 1] == ' ') return false;
            }
            else if (!char.IsLetterOrDigit(c) || char.ToLowerInvariant(c) != c)
            {
                return false;
            }
        }
        return true;
    }
}
