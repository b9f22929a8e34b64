using System.Globalization;

namespace GiftBot.Language.Text;

/// <summary>Finds every number in a token list, in digits or in words.</summary>
public static class NumberFinder
{
    public static IReadOnlyList<NumberSpan> Find(IReadOnlyList<Token> tokens)
    {
        var spans = new List<NumberSpan>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var span = tokens[i].Kind == TokenKind.Number ? FromDigits(tokens, i) : FromWords(tokens, i);
            if (span is null) continue;
            span = CountOfMoneyWords(tokens, span);
            i = span.Last;
            // "999999999999": no age, count or price a shopper means; left in, every reader of ages would have to guard its int.
            if (span.Value > int.MaxValue) continue;
            spans.Add(span);
        }
        return spans;
    }

    // "two tenners", "3 fivers": that many of the money word is the amount.
    private static NumberSpan CountOfMoneyWords(IReadOnlyList<Token> tokens, NumberSpan span) =>
        span is { IsOrdinal: false, IsDecade: false } && span.Value is >= 1 and <= 10 && span.Last + 1 < tokens.Count
        && !NumberWords.TryMoney(tokens[span.First].Lower, out _) && NumberWords.TryMoney(tokens[span.Last + 1].Lower, out var money)
            ? new NumberSpan(span.Value * money.Amount, span.First, span.Last + 1)
            : span;

    public static decimal? ParseDigits(string raw)
    {
        // "1,000" groups thousands; "19,99" is a decimal comma.
        var groups = raw.Split(',');
        var normalized = groups.Length > 1 && groups.Skip(1).All(g => g.Length == 3 && !g.Contains('.'))
            ? raw.Replace(",", "")
            : raw.Replace(',', '.');
        return decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static NumberSpan? FromDigits(IReadOnlyList<Token> tokens, int i)
    {
        if (ParseDigits(tokens[i].Text) is not { } value) return null;
        var next = i + 1 < tokens.Count && tokens[i + 1].Start == tokens[i].End ? tokens[i + 1] : null;
        if (next is { IsWord: true } && NumberWords.OrdinalSuffixes.Contains(next.Lower)) return new NumberSpan(value, i, i + 1, IsOrdinal: true);
        if (next is { Lower: "k" }) return new NumberSpan(value * 1000, i, i + 1);
        // "6 1/2", "6½": the half belongs to the whole number (an age in whole years, so it is dropped).
        if (IsHalf(tokens, i + 1) is { } halfEnd) return new NumberSpan(value, i, halfEnd);
        if (next is { Lower: "s" or "'s" } && value % 10 == 0 && value is >= 10 and < 100) return new NumberSpan(value, i, i + 1, IsDecade: true);
        return new NumberSpan(value, i, i);
    }

    private static int? IsHalf(IReadOnlyList<Token> tokens, int i)
    {
        if (i < tokens.Count && tokens[i].Text == "½") return i;
        return i + 2 < tokens.Count && tokens[i].Text == "1" && tokens[i + 1].Text == "/" && tokens[i + 2].Text == "2" ? i + 2 : null;
    }

    private static NumberSpan? FromWords(IReadOnlyList<Token> tokens, int i)
    {
        var word = tokens[i].Lower;
        if (NumberWords.TryMoney(word, out var money)) return new NumberSpan(money.Amount, i, i);
        if (NumberWords.Decades.TryGetValue(word, out var decade)) return new NumberSpan(decade, i, i, IsDecade: true);
        if (NumberWords.Ordinals.TryGetValue(word, out var ordinal)) return new NumberSpan(ordinal, i, i, IsOrdinal: true);

        var total = 0;
        var current = 0;
        var last = -1;
        var j = i;
        if (word is "a" && j + 1 < tokens.Count && tokens[j + 1].Lower is "hundred" or "thousand") { current = 1; j++; }
        for (; j < tokens.Count; j++)
        {
            var w = tokens[j].Lower;
            if (NumberWords.Tens.TryGetValue(w, out var tens) && current % 100 == 0) { current += tens; last = j; }
            else if (NumberWords.Units.TryGetValue(w, out var unit) && current % 10 == 0 && (current % 100 == 0 || unit < 10)) { current += unit; last = j; }
            else if (NumberWords.Ordinals.ContainsKey(w) && current % 100 >= 20 && current % 10 == 0 && (last == j - 1 || last == j - 2 && tokens[j - 1].Lower == "-"))
            {
                return new NumberSpan(total + current + NumberWords.Ordinals[w], i, j, IsOrdinal: true);
            }
            else if (w == "hundred" && (current is > 0 and < 100 || last == -1 && current == 1)) { current = Math.Max(current, 1) * 100; last = j; }
            else if (w == "thousand" && current > 0) { total += current * 1000; current = 0; last = j; }
            else if ((w == "-" || w == "and") && last == j - 1 && j + 1 < tokens.Count && IsNumberWord(tokens[j + 1].Lower)
                && (w == "-" || current % 100 == 0 || total > 0)) { continue; }
            else break;
        }
        return last < 0 ? null : new NumberSpan(total + current, i, last);
    }

    private static bool IsNumberWord(string w) =>
        NumberWords.Units.ContainsKey(w) || NumberWords.Tens.ContainsKey(w) || NumberWords.Ordinals.ContainsKey(w);
}
