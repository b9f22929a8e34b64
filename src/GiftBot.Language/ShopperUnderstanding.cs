namespace GiftBot.Language;

public sealed record AgeRange(int Min, int Max);

public sealed record Budget(decimal? Min, decimal? Max, string? Currency, bool NoLimit = false);

/// <summary>
/// A typed view of a <see cref="Microsoft.Bot.Builder.RecognizerResult"/> so dialogs read slots, not JSON.
/// Build it with <c>ShopperUnderstanding.From(recognizerResult)</c>.
/// </summary>
public sealed record ShopperUnderstanding
{
    public string Intent { get; init; } = GiftIntents.None;
    public double Score { get; init; }
    public AgeRange? Age { get; init; }
    public Budget? Budget { get; init; }
    public string? Recipient { get; init; }
    public IReadOnlyList<string> Interests { get; init; } = [];
    public IReadOnlyList<string> ExcludedInterests { get; init; } = [];
    public string? Occasion { get; init; }
    public string? FaqTopic { get; init; }

    public bool HasGiftSlots => Age is not null || Budget is not null || Recipient is not null || Interests.Count > 0 || ExcludedInterests.Count > 0 || Occasion is not null;
}
