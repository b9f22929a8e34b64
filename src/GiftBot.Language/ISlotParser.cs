namespace GiftBot.Language;

/// <summary>
/// Reads one slot from an answer to a question about that slot, where a bare number is meaningful
/// ("8" to "how old?" is an age; "30" to "what budget?" is a maximum). Returns null when the text holds no such value.
/// </summary>
public interface ISlotParser
{
    AgeRange? ParseAge(string text, string? locale = null);
    Budget? ParseBudget(string text, string? locale = null);
}
