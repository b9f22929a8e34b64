using System.Text.RegularExpressions;

namespace GiftBot.Language.Text;

/// <summary>
/// The shopper's message as understanding reads it. Terminal escapes ("\x1b[31m") and other control characters are
/// not what anyone typed on purpose: left in, their digits read as an age or a budget. Emoji-only text has no words
/// to understand.
/// </summary>
public static partial class ShopperText
{
    /// <summary>The text with escape sequences removed and other control characters turned into spaces.</summary>
    public static string Clean(string text)
    {
        if (!text.Any(char.IsControl)) return text;
        var withoutEscapes = EscapeSequence().Replace(text, " ");
        return string.Concat(withoutEscapes.Select(c => char.IsControl(c) && c is not ('\n' or '\t') ? ' ' : c)).Trim();
    }

    /// <summary>True when the text has at least one letter or digit: emoji, punctuation and spaces alone say nothing to fill a slot with.</summary>
    public static bool HasWords(string? text) => text is not null && text.Any(char.IsLetterOrDigit);

    // ANSI/VT sequences: CSI ("ESC [ 31 m", or the one-character CSI U+009B), OSC up to BEL or ESC \, and two-character escapes.
    [GeneratedRegex(@"(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]")]
    private static partial Regex EscapeSequence();
}
