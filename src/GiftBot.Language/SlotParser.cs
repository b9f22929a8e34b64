using GiftBot.Language.Analysis;
using GiftBot.Language.Entities;

namespace GiftBot.Language;

/// <summary>
/// Reads the answer to "how old?" or "what budget?", where a bare number is meaningful: "8" → age 8–8, "30" → budget max 30.
/// Values are returned as written, even absurd ones (age -3 or 250, budget 0), so the dialog's validator can refuse them
/// with a specific reply; null means the text holds no value of that kind ("no idea", "$30" for an age).
/// </summary>
public sealed class SlotParser : ISlotParser
{
    private readonly UtteranceAnalyzer _analyzer;

    public SlotParser(Lexicon lexicon) => _analyzer = new UtteranceAnalyzer(lexicon, [], new HashSet<string>());

    public AgeRange? ParseAge(string text, string? locale = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var u = _analyzer.Analyze(text);
        var numbers = NumberRoles.Classify(u, bareNumbers: NumberRole.Age);
        var age = AgeExtractor.Extract(u, numbers, NegationScope.Compute(u))?.Value;
        return age is not null && IsNegativeNumber(u, numbers, NumberRole.Age) ? new AgeRange(-age.Max, -age.Min) : age;
    }

    public Budget? ParseBudget(string text, string? locale = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var u = _analyzer.Analyze(text);
        var numbers = NumberRoles.Classify(u, bareNumbers: NumberRole.Budget);
        var budget = BudgetExtractor.Extract(u, numbers)?.Value;
        return budget is { Max: { } max } && IsNegativeNumber(u, numbers, NumberRole.Budget) ? budget with { Max = -max } : budget;
    }

    // "-3": a minus sign right before the only number, not a range dash ("5-8").
    private static bool IsNegativeNumber(Utterance u, IReadOnlyList<RoledNumber> numbers, NumberRole role)
    {
        var chosen = numbers.Where(n => n.Role == role).ToList();
        if (chosen.Count != 1) return false;
        var first = chosen[0].Span.First;
        var sign = u.TokenAt(first - 1);
        return sign is { Lower: "-" } && sign.End == u.Tokens[first].Start && (first == 1 || u.Tokens[first - 2].Kind != Text.TokenKind.Number);
    }
}
