namespace GiftBot.Language.Text;

public enum TokenKind
{
    Word,
    Number,
    /// <summary>A currency sign such as $, € or £.</summary>
    Currency,
    Punctuation,
}

/// <summary>One token of an utterance with its position in the original text (UTF-16 offsets).</summary>
public sealed record Token(string Text, string Lower, int Start, TokenKind Kind)
{
    public int End => Start + Text.Length;

    public bool IsWord => Kind == TokenKind.Word;

    /// <summary>True for tokens that join the parts of one phrase rather than separate phrases: "t-rex", "mother's day", "y/o".</summary>
    public bool IsJoiner => Lower is "-" or "'" or "'s" or "/";

    public bool Is(params string[] words) => Array.IndexOf(words, Lower) >= 0;
}
