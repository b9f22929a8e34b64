using GiftBot.Language.Analysis;
using GiftBot.Language.Text;

namespace GiftBot.Language.Entities;

public enum BudgetQualifier { Max, Min, Around, Between }

/// <summary>
/// Budgets with currency: "$40", "40€", "40 euros", "under 40", "max 40", "up to 40", "40 tops", "no more than 40",
/// "between 20 and 30", "20-30", "at least 20", "no limit", "money is no object". A plain amount is a maximum, and so is
/// "around 40" and "around 40 max": a shopper who names a figure does not expect to be shown more. When several amounts
/// appear the last one wins ("under 50, maybe 40"). "30 each", "for the twins", "two kids" make it a per-gift budget
/// for that many gifts; "50 for both" or "in total" is shared between them.
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
        var (perGift, count) = GiftCount(u, numbers);
        if (last.RangeWithPrevious && amounts.Count > 1)
        {
            var first = amounts[^2];
            var (low, high) = (Math.Min(first.Span.Value, last.Span.Value), Math.Max(first.Span.Value, last.Span.Value));
            return new EntityMention<Budget>(new Budget(low, high, currency, PerGift: perGift, Count: count), first.Span.First, last.Span.Last);
        }
        var value = last.Span.Value;
        var after = u.LowerAt(last.Span.Last + 1);
        var budget = QualifierBefore(u, last.Span.First) switch
        {
            _ when Cues.MaxAfter.Contains(after) && after != "total" => new Budget(null, value, currency),
            BudgetQualifier.Min when !(after == "or" && u.LowerAt(last.Span.Last + 2) is "less" or "under" or "below") => new Budget(value, null, currency),
            _ when after == "or" && u.LowerAt(last.Span.Last + 2) is "more" or "above" => new Budget(value, null, currency),
            _ => new Budget(null, value, currency),
        };
        return new EntityMention<Budget>(budget with { PerGift = perGift, Count = count }, last.Span.First, last.Span.Last);
    }

    private static readonly HashSet<string> SharedWords = ["total", "altogether", "combined", "overall"];
    private static readonly HashSet<string> PerWhat = ["gift", "kid", "child", "person", "present", "head", "pressie"];

    /// <summary>Per gift or shared, and for how many: "30 each" (per gift), "two kids" (2), "the twins" (2), "50 for both" (shared by 2).</summary>
    private static (bool PerGift, int Count) GiftCount(Utterance u, IReadOnlyList<RoledNumber> numbers)
    {
        var words = u.Tokens.Select(t => t.Lower).ToList();
        var counted = numbers.FirstOrDefault(n => n.Role == NumberRole.Count && n.Span.Value is >= 2 and <= 10);
        var count = counted is not null ? (int)counted.Span.Value
            : words.Contains("triplets") ? 3
            : words.Contains("twins") || words.Contains("both") ? 2
            : 1;
        // "15 a piece", "20 a head", "10 a pop" are per gift like "each".
        var each = words.Contains("each") || words.Contains("apiece") || words.Contains("per") && words.Any(PerWhat.Contains)
            || Enumerable.Range(1, Math.Max(0, words.Count - 1)).Any(i => words[i - 1] == "a" && words[i] is "piece" or "head" or "pop");
        if (each) return (true, Math.Max(count, 2));
        var shared = words.Any(SharedWords.Contains) || words.Contains("for") && words.Contains("both");
        return shared ? (false, count) : (count > 1, count);
    }

    /// <summary>The budget qualifier written just before a number ("under", "up to", "no more than", "around"...).</summary>
    public static BudgetQualifier? QualifierBefore(Utterance u, int first)
    {
        var i = first - 1;
        while (i >= 0 && u.Tokens[i].Kind == TokenKind.Currency) i--;
        // "under a tenner": the article belongs to the money word.
        if (u.LowerAt(i) == "a" && (NumberWords.TryMoney(u.LowerAt(first), out _) || NumberWords.Tens.ContainsKey(u.LowerAt(first)))) i--;
        var word = u.LowerAt(i);
        var previous = u.LowerAt(i - 1);
        var qualifier = word switch
        {
            "to" when previous == "up" => BudgetQualifier.Max,
            "to" when previous == "close" => BudgetQualifier.Around,
            "than" when previous is "less" or "fewer" or "cheaper" => BudgetQualifier.Max,
            "than" when previous == "more" => BudgetQualifier.Min,
            "most" when previous == "at" => BudgetQualifier.Max,
            "between" => BudgetQualifier.Between,
            _ when Cues.MaxBefore.Contains(word) => BudgetQualifier.Max,
            _ when Cues.MinBefore.Contains(word) => BudgetQualifier.Min,
            _ when Cues.AroundBefore.Contains(word) => BudgetQualifier.Around,
            _ => (BudgetQualifier?)null,
        };
        // "no more than 40", "I don't want to spend more than 50", "can't go over 30", "nothing above 25": a negated
        // lower bound is a ceiling.
        if (qualifier == BudgetQualifier.Min && word != "from" && NegatedBefore(u, word == "than" ? i - 1 : i)) return BudgetQualifier.Max;
        return qualifier;
    }

    private static readonly HashSet<string> Negators = ["no", "not", "'t", "never", "nothing", "without", "dont", "cant", "wont", "cannot", "shouldnt", "doesnt", "didnt", "mustnt"];

    /// <summary>A negation among the few words before <paramref name="index"/>, within the same clause.</summary>
    private static bool NegatedBefore(Utterance u, int index)
    {
        for (var i = index - 1; i >= Math.Max(0, index - 6); i--)
        {
            var word = u.LowerAt(i);
            if (word is "," or "." or "!" or "?" or ";" or "but" || u.NumberEndingAt(i) is not null) return false;
            if (Negators.Contains(word)) return true;
        }
        return false;
    }

}
