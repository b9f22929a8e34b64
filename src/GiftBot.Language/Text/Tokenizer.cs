namespace GiftBot.Language.Text;

/// <summary>
/// Splits text into words, numbers, currency signs and punctuation, keeping offsets.
/// Contractions are split ("she's" → "she" + "'s", "don't" → "don" + "'t") so cues like "'s" and "'t" are visible,
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
            if (IsApostrophe(c) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && tokens.Count > 0 && tokens[^1].End == i)
            {
                i = ReadContraction(text, i, tokens);
                continue;
            }
            var kind = c is '$' or '€' or '£' or '¥' ? TokenKind.Currency : TokenKind.Punctuation;
            var symbol = c is '–' or '—' ? "-" : IsApostrophe(c) ? "'" : c.ToString();
            tokens.Add(new Token(c.ToString(), symbol, i, kind));
            i++;
        }
        return tokens;
    }

    private static int ReadWord(string text, int start, List<Token> tokens)
    {
        var i = start;
        while (i < text.Length && char.IsLetter(text[i])) i++;
        tokens.Add(Make(text, start, i - start, TokenKind.Word));
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

    private static Token Make(string text, int start, int length, TokenKind kind)
    {
        var raw = text.Substring(start, length);
        return new Token(raw, raw.ToLowerInvariant(), start, kind);
    }

    private static bool IsApostrophe(char c) => c is '\'' or '’' or '‘';
}
