using System.Collections.Concurrent;
using System.Text;

namespace GiftBot.Conversations.Understanding;

/// <summary>Matches short answers ("not sure", "yes please") against word lists from the content files.</summary>
public static class AnswerWords
{
    // Phrases come from the content files and the catalog's themes (a bounded set compared many times a turn), so each is
    // normalised once; the cap only guards against a caller passing shoppers' words as phrases.
    private const int MaxRememberedPhrases = 4096;
    private static readonly ConcurrentDictionary<string, string> NormalizedPhrases = new(StringComparer.Ordinal);

    /// <summary>True when the answer is one of the phrases, or contains one as whole words ("I'm not sure really").</summary>
    public static bool Matches(string? answer, IEnumerable<string> phrases)
    {
        var text = Normalize(answer);
        if (text.Length == 0) return false;
        foreach (var phrase in phrases)
        {
            var words = Phrase(phrase);
            if (words.Length > 0 && ContainsWords(text, words)) return true;
        }

        return false;
    }

    /// <summary>True only when the whole answer is one of the phrases (for yes/no, where "no" inside a sentence means little).</summary>
    public static bool IsExactly(string? answer, IEnumerable<string> phrases)
    {
        var text = Normalize(answer);
        return text.Length > 0 && phrases.Any(p => Phrase(p) == text);
    }

    /// <summary>True only when the whole answer is the phrase.</summary>
    public static bool IsExactly(string? answer, string? phrase)
    {
        var text = Normalize(answer);
        return text.Length > 0 && Phrase(phrase) == text;
    }

    private static string Phrase(string? phrase)
    {
        if (phrase is null) return "";
        if (NormalizedPhrases.TryGetValue(phrase, out var normalized)) return normalized;
        normalized = Normalize(phrase);
        if (NormalizedPhrases.Count < MaxRememberedPhrases) NormalizedPhrases.TryAdd(phrase, normalized);
        return normalized;
    }

    // Whole words: " {words} " inside " {text} ", without building either.
    private static bool ContainsWords(string text, string words)
    {
        for (var at = text.IndexOf(words, StringComparison.Ordinal); at >= 0; at = text.IndexOf(words, at + 1, StringComparison.Ordinal))
        {
            var end = at + words.Length;
            if ((at == 0 || text[at - 1] == ' ') && (end == text.Length || text[end] == ' ')) return true;
        }

        return false;
    }

    /// <summary>
    /// The words of an answer as <see cref="Normalize"/> writes them, and each emoji as a word of its own ("nice 👍👍" →
    /// "nice", "👍", "👍"), less skin tones and variation selectors, so a word list may hold emoji that come beside words.
    /// </summary>
    public static IReadOnlyList<string> WordsAndEmoji(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return tokens;
        var word = new StringBuilder();
        foreach (var rune in text.ToLowerInvariant().EnumerateRunes())
        {
            if (rune.Value is '\'' or '\u2019' or '\u2018') continue;
            if (Rune.IsLetterOrDigit(rune))
            {
                word.Append(rune.ToString());
                continue;
            }
            if (word.Length > 0) tokens.Add(word.ToString());
            word.Clear();
            if (rune.Value is (>= 0x1F3FB and <= 0x1F3FF) or 0xFE0F) continue;
            if (Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.OtherSymbol) tokens.Add(rune.ToString());
        }
        if (word.Length > 0) tokens.Add(word.ToString());
        return tokens;
    }

    /// <summary>
    /// A question rather than a statement: it ends with a question mark or opens with one of the locale's question words
    /// ("do you take gift cards?", "can I pay by card"), as opposed to "cards" or "she likes cards".
    /// </summary>
    public static bool AsksAQuestion(string? text, IEnumerable<string> openers)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (text.TrimEnd().EndsWith('?') || text.TrimEnd().EndsWith('\uFF1F')) return true;
        var words = Normalize(text);
        return openers.Select(Normalize).Any(o => o.Length > 0 && (words == o || words.StartsWith(o + " ", StringComparison.Ordinal)));
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
        return builder.Length > 0 ? builder.ToString() : EmojiOnly(text);
    }

    // An answer of emoji alone ("👍", a Messenger like) is compared as itself, less skin tones and variation selectors,
    // so a word list may hold it; emoji beside words are dropped with the other punctuation.
    private static string EmojiOnly(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || rune.Value is (>= 0x1F3FB and <= 0x1F3FF) or 0xFE0F) continue;
            if (Rune.GetUnicodeCategory(rune) != System.Globalization.UnicodeCategory.OtherSymbol) return "";
            builder.Append(rune.ToString());
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
