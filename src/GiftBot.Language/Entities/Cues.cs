using GiftBot.Language.Analysis;

namespace GiftBot.Language.Entities;

/// <summary>Words around a number that say what it is: an age, an amount of money, or a count of people.</summary>
internal static class Cues
{
    public static readonly IReadOnlyDictionary<string, string> Currencies = new Dictionary<string, string>
    {
        ["$"] = "USD", ["dollar"] = "USD", ["dollars"] = "USD", ["buck"] = "USD", ["bucks"] = "USD", ["usd"] = "USD",
        ["€"] = "EUR", ["euro"] = "EUR", ["euros"] = "EUR", ["eur"] = "EUR",
        ["£"] = "GBP", ["pound"] = "GBP", ["pounds"] = "GBP", ["quid"] = "GBP", ["gbp"] = "GBP",
        ["cad"] = "CAD", ["aud"] = "AUD", ["chf"] = "CHF", ["¥"] = "JPY", ["yen"] = "JPY",
    };

    public static readonly IReadOnlySet<string> AgeUnitsAfter = Set("year years yr yrs yo yos y yro");
    public static readonly IReadOnlySet<string> MonthUnitsAfter = Set("month months mo mos mth mths mnth mnths m");
    /// <summary>"a 10 week old", "a 3 day old": an age only with "old" after it ("in 2 weeks" is when, not who).</summary>
    public static readonly IReadOnlySet<string> WeekUnitsAfter = Set("week weeks wk wks");
    public static readonly IReadOnlySet<string> DayUnitsAfter = Set("day days");
    /// <summary>"nearly 5", "almost 9": the child is still the year below, so the age is both years.</summary>
    public static readonly IReadOnlySet<string> NearlyBefore = Set("almost nearly");
    public static readonly IReadOnlySet<string> AgeWordsBefore = Set("aged age ages turning turns turned turn older younger sweet rising");
    public static readonly IReadOnlySet<string> BeVerbs = Set("is 's are 're be was will");
    public static readonly IReadOnlySet<string> AgeSubjects = Set("she he they who her him them kid kids child children son sons daughter daughters twins triplets boys girls");
    public static readonly IReadOnlySet<string> Fillers = Set("actually really just only now already almost nearly soon currently about around probably maybe perhaps like both all either");
    /// <summary>The assistant itself: what a shopper praises or blames ("great bot"), never what the recipient loves.</summary>
    public static readonly IReadOnlySet<string> AssistantWords = Set("bot chatbot assistant");
    /// <summary>The assistant or the chat ("you're a star", "this is a load of rubbish"): the subject of talk about the bot.</summary>
    public static readonly IReadOnlySet<string> ConversationWords = Set("bot chatbot assistant this that it you u chat app");

    /// <summary>How big or dear a gift is ("something bigger", "a bit fancier"): asks for another price, never an interest.</summary>
    public static readonly IReadOnlySet<string> PriceQualities = Set(
        "big bigger biggest small smaller smallest fancy fancier nicer better dearer pricier pricey expensive cheap cheaper special premium substantial generous impressive");
    /// <summary>What a gift is like besides its price ("less girly", "more grown up"): the catalog cannot sort by it.</summary>
    public static readonly IReadOnlySet<string> StyleQualities = Set("girly girlie girlier boyish babyish childish kiddy mature grown grown-up sophisticated fun funnier");
    /// <summary>
    /// What a gift is like, not what anyone loves: never an interest, and ruling one out ("less babyish") rules out no
    /// theme ("bigger" read by meaning was gardening, "less girly" ruled out sports).
    /// </summary>
    public static readonly IReadOnlySet<string> GiftQualities = PriceQualities.Union(StyleQualities).ToHashSet(StringComparer.Ordinal);
    public static readonly IReadOnlySet<string> PeopleWords = Set("kid kids child children toddler toddlers boy boys girl girls someone somebody people person baby babies man men woman women adult adults ages aged twins triplets");
    public static readonly IReadOnlySet<string> CountedNouns = Set("kid kids child children grandkids grandchildren boy boys girl girls nephews nieces sons daughters friends people twins items gifts presents things products options ideas of more gift present");
    public static readonly IReadOnlySet<string> BudgetKeywords = Set("budget spend spending spent cost costs price priced pricing afford pay paying cheaper expensive pricey mark");
    public static readonly IReadOnlySet<string> MaxBefore = Set("under below beneath max maximum upto within cap capped limit");
    public static readonly IReadOnlySet<string> MinBefore = Set("over above least minimum min from");
    public static readonly IReadOnlySet<string> AroundBefore = Set("around about approximately approx roughly ~ circa near");
    public static readonly IReadOnlySet<string> MaxAfter = Set("each max maximum tops total");
    public static readonly IReadOnlySet<string> LimitWordsAfter = Set("range ceiling limit most max maximum budget");
    /// <summary>"5-8", "5 to 8", "5 and 8", "5 or 6", "5 & 8", "6 n 9" (texting).</summary>
    public static readonly IReadOnlySet<string> RangeConnectors = Set("- to and or & n");
    public static readonly IReadOnlySet<string> CorrectionWords = Set("actually sorry wait no not oops correction mean meant rather instead");

    public static string? CurrencyAt(Utterance u, int index) =>
        Currencies.TryGetValue(u.LowerAt(index), out var iso) ? iso : null;

    /// <summary>
    /// The currency of a number: a sign or word beside it ("$40", "40 euros"), a money word ("a tenner"), or an "e" glued
    /// to the digits ("30e", as people type euros on a phone).
    /// </summary>
    public static string? CurrencyOf(Utterance u, Text.NumberSpan span)
    {
        if (CurrencyAt(u, span.First - 1) is { } before) return before;
        // "boy 9 £10": a sign spaced from this number and written against the next one is that number's.
        if (CurrencyAt(u, span.Last + 1) is { } after && !SignOfNextNumber(u, span.Last + 1)) return after;
        if (Text.NumberWords.TryMoney(u.LowerAt(span.Last), out var money)) return money.Currency;
        // "25e max", "30e each": a limit word after the glued "e" still leaves it a currency, not the start of a word.
        return u.TokenAt(span.Last + 1) is { Lower: "e" or "eu" } glued && u.Tokens[span.Last].Kind == Text.TokenKind.Number
            && glued.Start == u.Tokens[span.Last].End && (u.TokenAt(span.Last + 2) is not { IsWord: true } next || MaxAfter.Contains(next.Lower)) ? "EUR" : null;
    }

    private static bool SignOfNextNumber(Utterance u, int sign) =>
        u.Tokens[sign].Kind == Text.TokenKind.Currency && u.Tokens[sign].Start > u.Tokens[sign - 1].End
        && u.TokenAt(sign + 1) is { Kind: Text.TokenKind.Number } next && next.Start == u.Tokens[sign].End;

    /// <summary>Walks back from just before <paramref name="index"/> over filler words, quote marks and currency signs.</summary>
    public static int PreviousMeaningful(Utterance u, int index)
    {
        var i = index - 1;
        // "he is 'nearly 7' as he keeps saying": quote marks around the age are no word.
        while (i >= 0 && (Fillers.Contains(u.LowerAt(i)) || u.LowerAt(i) is "," or "'" or "\"" or "\u201c" or "\u201d" || u.Tokens[i].Kind == Text.TokenKind.Currency)) i--;
        return i;
    }

    private static HashSet<string> Set(string words) => [.. words.Split(' ')];
}
