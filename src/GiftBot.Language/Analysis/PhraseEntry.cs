namespace GiftBot.Language.Analysis;

public enum PhraseKind { Recipient, Occasion, Interest, AgeWord, NoLimit, Unsure, Popular, HardToBuyFor, Trouble }

/// <summary>What a known phrase means: a canonical value of one kind (an age word carries its range).</summary>
public sealed record PhraseEntry(PhraseKind Kind, string Value, int MinAge = 0, int MaxAge = 0);

/// <summary>A known phrase found in an utterance, over tokens First..Last (inclusive).</summary>
/// <param name="Corrected">True when it matched only after correcting a typo ("dinosors").</param>
public sealed record PhraseMatch(int First, int Last, IReadOnlyList<PhraseEntry> Entries, bool Corrected)
{
    public PhraseEntry? Of(PhraseKind kind) => Entries.FirstOrDefault(e => e.Kind == kind);

    public bool Covers(int token) => token >= First && token <= Last;
}
