using System.Globalization;
using GiftBot.Language.Analysis;
using GiftBot.Language.Text;

namespace GiftBot.Language.Entities;

public enum BudgetQualifier { Max, Min, Around, Between }

/// <summary>
/// Budgets with currency: "$40", "40€", "40 euros", "under 40", "max 40", "up to 40", "between 20 and 30", "20-30",
/// "around 25 €" (±20 %), "at least 20", "no limit", "money is no object". A plain amount is a maximum.
/// When several amounts appear the last one wins ("under 50, maybe 40").
/// </summary>
public static class BudgetExtractor
{
    public static EntityMention<Budget>? Extract(Utterance u, IReadOnlyList<RoledNumber> numbers)
    {
        var amounts = numbers.Where(n => n.Role == NumberRole.Budget).ToList();
        var noLimit = u.Phrases.LastOrDefault(p => p.Of(PhraseKind.NoLimit) is not null);
        if (noLimit is not null && (amounts.Count == 0 || amounts[^1].Span.First < noLimit.First))
            return new EntityMention<Budget>(new Budget(null, null, null, NoLimit: true), noLimit.First, noLimit.Last);
        if (amounts.Count == 0) return null;

        var last = amounts[^1];
        var currency = last.Currency ?? amounts.Select(a => a.Currency).LastOrDefault(c => c is not null);
        if (last.RangeWithPrevious && amounts.Count > 1)
        {
            var first = amounts[^2];
            var (low, high) = (Math.Min(first.Span.Value, last.Span.Value), Math.Max(first.Span.Value, last.Span.Value));
            return new EntityMention<Budget>(new Budget(low, high, currency), first.Span.First, last.Span.Last);
        }
        var value = last.Span.Value;
        var budget = QualifierBefore(u, last.Span.First) switch
        {
            BudgetQualifier.Min => new Budget(value, null, currency),
            BudgetQualifier.Around => Around(value, currency),
            _ when u.LowerAt(last.Span.Last + 1) is "ish" || IsOrSo(u, last.Span.Last + 1) => Around(value, currency),
            _ when u.LowerAt(last.Span.Last + 1) == "or" && u.LowerAt(last.Span.Last + 2) is "more" => new Budget(value, null, currency),
            _ => new Budget(null, value, currency),
        };
        return new EntityMention<Budget>(budget, last.Span.First, last.Span.Last);
    }

    /// <summary>The budget qualifier written just before a number ("under", "up to", "no more than", "around"...).</summary>
    public static BudgetQualifier? QualifierBefore(Utterance u, int first)
    {
        var i = first - 1;
        while (i >= 0 && u.Tokens[i].Kind == TokenKind.Currency) i--;
        var word = u.LowerAt(i);
        var previous = u.LowerAt(i - 1);
        return word switch
        {
            "to" when previous == "up" => BudgetQualifier.Max,
            "to" when previous == "close" => BudgetQualifier.Around,
            "than" when previous is "less" or "fewer" or "cheaper" => BudgetQualifier.Max,
            "than" when previous == "more" => u.LowerAt(i - 2) is "no" or "not" ? BudgetQualifier.Max : BudgetQualifier.Min,
            "most" when previous == "at" => BudgetQualifier.Max,
            "between" => BudgetQualifier.Between,
            _ when Cues.MaxBefore.Contains(word) => BudgetQualifier.Max,
            _ when Cues.MinBefore.Contains(word) => BudgetQualifier.Min,
            _ when Cues.AroundBefore.Contains(word) => BudgetQualifier.Around,
            _ => null,
        };
    }

    private static Budget Around(decimal value, string? currency) =>
        new(Normalize(value * 0.8m), Normalize(value * 1.2m), currency);

    private static bool IsOrSo(Utterance u, int index) => u.LowerAt(index) == "or" && u.LowerAt(index + 1) == "so";

    // 25 × 0.8 is 20.0 in decimal arithmetic; print it as 20.
    private static decimal Normalize(decimal value) =>
        decimal.Parse(decimal.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
