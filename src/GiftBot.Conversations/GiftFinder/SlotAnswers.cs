using GiftBot.Language;

namespace GiftBot.Conversations.GiftFinder;

public enum AnswerKind
{
    /// <summary>A usable value.</summary>
    Given,
    /// <summary>"Not sure" / "surprise me" / "no limit": answered, without a filter.</summary>
    Open,
    /// <summary>A value was given but cannot be right (age 250, budget 0).</summary>
    Absurd,
    /// <summary>Nothing in the answer fits the question.</summary>
    Missing,
}

public sealed record RecipientAnswer(AnswerKind Kind, string? Recipient = null, string? Words = null, string? Owner = null);

public sealed record AgeAnswer(AnswerKind Kind, AgeRange? Range = null);

public sealed record InterestsAnswer(AnswerKind Kind, IReadOnlyList<string> Themes);

/// <param name="OtherCurrency">The shopper named a currency the shop does not sell in.</param>
/// <param name="Converted">The amounts were converted from <see cref="OriginalCurrency"/> at the configured rate.</param>
/// <param name="OriginalMax">The ceiling as the shopper said it, in their currency.</param>
/// <param name="GiftCount">How many gifts the budget is for.</param>
public sealed record BudgetAnswer(AnswerKind Kind, decimal? Min = null, decimal? Max = null, bool OtherCurrency = false,
    bool Converted = false, string? OriginalCurrency = null, decimal? OriginalMax = null, int GiftCount = 1);

/// <summary>The sensible bounds of the slots: anything outside is refused politely rather than searched for.</summary>
public static class SlotLimits
{
    public const int MaxAge = 120;

    public static bool IsPlausible(AgeRange range) => range.Min >= 0 && range.Max <= MaxAge && range.Min <= range.Max;
}
