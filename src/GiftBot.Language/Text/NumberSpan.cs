namespace GiftBot.Language.Text;

/// <summary>A number found in an utterance, written in digits ("8", "19,99", "5k") or words ("twenty-five", "seventh").</summary>
/// <param name="First">Index of its first token.</param>
/// <param name="Last">Index of its last token (inclusive).</param>
/// <param name="IsDecade">"twenties", "40s": a decade of life rather than one number.</param>
public sealed record NumberSpan(decimal Value, int First, int Last, bool IsOrdinal = false, bool IsDecade = false);
