using System.Text.RegularExpressions;

namespace GiftBot.Language.Text;

/// <summary>
/// The shopper's message as understanding reads it. Terminal escapes ("\x1b[31m") and other control characters are
/// not what anyone typed on purpose: left in, their digits read as an age or a budget. Invisible characters that text
/// copied from a web page or a phone keyboard carries (a zero-width space, a direction mark, a soft hyphen) are no
/// character of the words either: left in, "my niece\u200B 7" no longer has its age beside its recipient. Emoji-only
/// text has no words to understand.
/// </summary>
public static partial class ShopperText
{
    /// <summary>The text with escape sequences removed and other control characters turned into spaces.</summary>
    public static string Clean(string text)
    {
        if (text.Any(IsInvisible)) text = string.Concat(text.Where(c => !IsInvisible(c)));
        if (!text.Any(char.IsControl)) return text;
        var withoutEscapes = EscapeSequence().Replace(text, " ");
        return string.Concat(withoutEscapes.Select(c => char.IsControl(c) && c is not ('\n' or '\t') ? ' ' : c)).Trim();
    }

    // Zero-width space and non-joiner, direction marks and embeddings, word joiner and invisible operators, byte order
    // mark, soft hyphen. The zero-width joiner (U+200D) stays: it binds emoji sequences ("👨‍👩‍👧").
    private static bool IsInvisible(char c) =>
        c is '\u00AD' or '\u200B' or '\u200C' or '\u200E' or '\u200F' or '\uFEFF'
        or (>= '\u202A' and <= '\u202E') or (>= '\u2060' and <= '\u2064') or (>= '\u2066' and <= '\u2069');

    /// <summary>True when the text has at least one letter or digit: emoji, punctuation and spaces alone say nothing to fill a slot with.</summary>
    public static bool HasWords(string? text) => text is not null && text.Any(char.IsLetterOrDigit);

    // ANSI/VT sequences: CSI ("ESC [ 31 m", or the one-character CSI U+009B), OSC up to BEL or ESC \, and two-character escapes.
    [GeneratedRegex(@"(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]")]
    private static partial Regex EscapeSequence();
}
