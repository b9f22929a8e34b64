namespace GiftBot.Language.Text;

/// <summary>
/// Splits text into words, numbers, currency signs and punctuation, keeping offsets.
/// Contractions are split ("she's" → "she" + "'s", "don't" and "dont" → "don" + "'t") so cues like "'s" and "'t" are visible,
/// and digits are split from letters ("8yo" → "8" + "yo", "40€" → "40" + "€").
/// </summary>
public static class Tokenizer
{
    private static readonly string[] Contractions = ["s", "t", "re", "m", "ll", "ve", "d"];

    public static IReadOnlyList<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (char.IsLetter(c)) { i = ReadWord(text, i, tokens); continue; }
            if (char.IsDigit(c)) { i = ReadNumber(text, i, tokens); continue; }
            if (IsEmojiStart(text, i)) { i = ReadEmoji(text, i, tokens); continue; }
            if (IsEmojiJoiner(text[i])) { i++; continue; }
            if (IsApostrophe(c) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && tokens.Count > 0 && tokens[^1].End == i)
            {
                i = ReadContraction(text, i, tokens);
                continue;
            }
            var kind = c is '$' or '€' or '£' or '¥' ? TokenKind.Currency : TokenKind.Punctuation;
            // "nana | yoga | 20": a bar between fields separates them as a comma does.
            var symbol = c is '–' or '—' ? "-" : c is '|' ? "," : IsApostrophe(c) ? "'" : c.ToString();
            tokens.Add(new Token(c.ToString(), symbol, i, kind));
            i++;
        }
        return tokens;
    }

    // Typed on a phone without the apostrophe: "isnt sporty", "doesnt read", "dont want lego".
    private static readonly HashSet<string> NegatedWithoutApostrophe =
        ["dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "cant", "wont", "hasnt", "havent", "hadnt", "shouldnt", "wouldnt", "couldnt"];

    private static int ReadWord(string text, int start, List<Token> tokens)
    {
        var i = start;
        while (i < text.Length && char.IsLetter(text[i])) i++;
        var word = Make(text, start, i - start, TokenKind.Word);
        if (NegatedWithoutApostrophe.Contains(word.Lower))
        {
            // Split like "isn't": "isn" + "'t", so the negation cue is the same however it was typed.
            tokens.Add(Make(text, start, i - start - 1, TokenKind.Word));
            tokens.Add(new Token(text[(i - 1)..i], "'t", i - 1, TokenKind.Word));
            return i;
        }
        tokens.Add(word);
        return i;
    }

    private static int ReadContraction(string text, int start, List<Token> tokens)
    {
        var i = start + 1;
        while (i < text.Length && char.IsLetter(text[i])) i++;
        var suffix = text[(start + 1)..i].ToLowerInvariant();
        if (Array.IndexOf(Contractions, suffix) >= 0)
        {
            tokens.Add(new Token(text[start..i], "'" + suffix, start, TokenKind.Word));
            return i;
        }
        // "o'clock", "d'Artagnan": glue the rest to the previous word.
        var previous = tokens[^1];
        tokens[^1] = Make(text, previous.Start, i - previous.Start, TokenKind.Word);
        return i;
    }

    private static int ReadNumber(string text, int start, List<Token> tokens)
    {
        var i = start;
        while (i < text.Length && (char.IsDigit(text[i])
            || ((text[i] == '.' || text[i] == ',') && i + 1 < text.Length && char.IsDigit(text[i + 1]))))
        {
            i++;
        }
        tokens.Add(Make(text, start, i - start, TokenKind.Number));
        return i;
    }

    /// <summary>
    /// "🚒🚜", "🦖": shoppers write interests as emoji, so each pictograph is a word of its own (never half a surrogate
    /// pair). Variation selectors, skin tones and joined sequences ("👩‍🚀") stay inside the one word; the word's lower form
    /// drops the presentation selector so "🏎️" and "🏎" are the same word.
    /// </summary>
    private static int ReadEmoji(string text, int start, List<Token> tokens)
    {
        var i = char.IsHighSurrogate(text[start]) ? start + 2 : start + 1;
        while (i < text.Length)
        {
            if (IsEmojiJoiner(text[i]) || IsSkinTone(text, i)) { i += char.IsHighSurrogate(text[i]) ? 2 : 1; continue; }
            if (text[i - 1] == '\u200D' && IsEmojiStart(text, i)) { i += char.IsHighSurrogate(text[i]) ? 2 : 1; continue; }
            break;
        }
        var raw = text[start..i];
        tokens.Add(new Token(raw, raw.Replace("\uFE0F", "", StringComparison.Ordinal), start, TokenKind.Word));
        return i;
    }

    private static bool IsEmojiStart(string text, int i)
    {
        if (char.IsHighSurrogate(text[i])) return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) && !IsSkinTone(text, i);
        return char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.OtherSymbol;
    }

    private static bool IsEmojiJoiner(char c) => c is '\uFE0F' or '\uFE0E' or '\u200D';

    private static bool IsSkinTone(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.ConvertToUtf32(text[i], text[i + 1]) is >= 0x1F3FB and <= 0x1F3FF;

    private static Token Make(string text, int start, int length, TokenKind kind)
    {
        var raw = text.Substring(start, length);
        return new Token(raw, raw.ToLowerInvariant(), start, kind);
    }

    private static bool IsApostrophe(char c) => c is '\'' or '’' or '‘';
}
