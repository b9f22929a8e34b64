using GiftBot.Language.Text;

namespace GiftBot.Language.Analysis;

/// <summary>One analysed utterance: tokens, numbers and known phrases, shared by every entity extractor.</summary>
public sealed class Utterance
{
    public required string Text { get; init; }
    public required IReadOnlyList<Token> Tokens { get; init; }
    public required IReadOnlyList<NumberSpan> Numbers { get; init; }
    public required IReadOnlyList<PhraseMatch> Phrases { get; init; }

    public Token? TokenAt(int index) => index >= 0 && index < Tokens.Count ? Tokens[index] : null;

    public string LowerAt(int index) => TokenAt(index)?.Lower ?? "";

    public PhraseMatch? PhraseCovering(int token) => Phrases.FirstOrDefault(p => p.Covers(token));

    /// <summary>Whether the tokens from <paramref name="index"/> on read <paramref name="words"/> (lower case), e.g. "no", "-", "go".</summary>
    public bool ReadsAt(int index, params ReadOnlySpan<string> words)
    {
        for (var k = 0; k < words.Length; k++)
            if (LowerAt(index + k) != words[k]) return false;
        return true;
    }

    public NumberSpan? NumberStartingAt(int token) => Numbers.FirstOrDefault(n => n.First == token);

    public NumberSpan? NumberEndingAt(int token) => Numbers.FirstOrDefault(n => n.Last == token);

    public bool IsRecipientAt(int token) => PhraseCovering(token)?.Of(PhraseKind.Recipient) is not null;

    /// <summary>The source text of tokens First..Last, for "$instance" spans.</summary>
    public string Slice(int first, int last) => Text[Tokens[first].Start..Tokens[last].End];
}
