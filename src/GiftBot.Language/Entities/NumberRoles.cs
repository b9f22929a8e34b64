using GiftBot.Language.Analysis;
using GiftBot.Language.Text;

namespace GiftBot.Language.Entities;

/// <summary>Measure: a number that measures something else ("for 3 years", "6 foot tall", "a 500 piece jigsaw"): never an age or an amount.</summary>
public enum NumberRole { Unknown, Age, Budget, Count, Negated, Measure }

/// <summary>A number with the role its neighbours give it; <see cref="RangeWithPrevious"/> links "5 and 8", "20-30".</summary>
public sealed record RoledNumber(NumberSpan Span, NumberRole Role, string? Currency, bool RangeWithPrevious);

/// <summary>
/// Decides for each number whether it is an age, a budget, a count ("2 kids") or nothing, so two numbers in one
/// sentence are not confused ("for my 2 kids aged 5 and 8, 30 dollars each"). Currency beats age cues, age cues beat
/// budget words, and a number joined to a decided one by "-", "to", "and" or "or" shares its role.
/// </summary>
public static class NumberRoles
{
    /// <param name="bareNumbers">The role of a number nothing explains: Unknown in free text, Age or Budget in the answer to that question.</param>
    public static IReadOnlyList<RoledNumber> Classify(Utterance u, NumberRole bareNumbers = NumberRole.Unknown)
    {
        var result = new List<RoledNumber>();
        foreach (var span in u.Numbers)
        {
            // "the little one", "our wee one": a number word inside a person word is no number.
            if (u.Tokens[span.First].IsWord && u.IsRecipientAt(span.First)) continue;
            // "the older one", "this one": a pronoun, not the number 1.
            if (u.LowerAt(span.First) == "one" && span.First == span.Last && PronounOneAfter.Contains(u.LowerAt(span.First - 1))) continue;
            // "remove the science one", "that volcano one": a card named by a word of it, not the number 1 (a budget of €1).
            if (u.LowerAt(span.First) == "one" && span.First == span.Last && u.LowerAt(span.First - 2) is "the" or "this" or "that"
                && u.TokenAt(span.First - 1) is { IsWord: true }) continue;
            // "two grandsons, one is 4 and loves trains": "one" as the subject of an age is one of them, not the number 1.
            if (u.LowerAt(span.First) == "one" && span.First == span.Last && u.LowerAt(span.Last + 1) is "is" or "'s" && u.NumberStartingAt(span.Last + 2) is not null) continue;
            // "DS1 (11) and DS2 (8)", "DD2": a number glued to a person word tells the children apart; it is no age.
            if (IsPersonIndex(u, span)) continue;
            // "zero interest in jigsaws", "zero screens": "zero" before a thing says none of it, no amount or age.
            if (u.LowerAt(span.First) == "zero" && span.First == span.Last && u.TokenAt(span.Last + 1) is { IsWord: true } thing
                && Cues.CurrencyAt(u, span.Last + 1) is null && !Cues.AgeUnitsAfter.Contains(thing.Lower)) continue;
            var currency = Cues.CurrencyOf(u, span);
            var role = RoleOf(u, span, currency);
            // "more like the first one", "add the 2nd" to "what budget?" or "how old?": a card's place, never a bare amount or age.
            if (role is NumberRole.Unknown or NumberRole.Count && !span.IsOrdinal) role = bareNumbers == NumberRole.Unknown ? role : bareNumbers;
            // In the answer to "how old?", "between 5 and 8" and "under 5" are ages.
            if (bareNumbers == NumberRole.Age && role == NumberRole.Budget && currency is null) role = NumberRole.Age;
            result.Add(new RoledNumber(span, role, currency, false));
        }
        LinkRanges(u, result);
        ReadRangeForSomeone(u, result);
        if (bareNumbers == NumberRole.Unknown)
        {
            ReadLeftOverAmounts(u, result);
            ReadLeadingAge(u, result);
            ReadLeadingAmountForSomeone(u, result);
            ReadStageAge(u, result);
            ReadAgeBetweenCommas(u, result);
            // "girl 12, into music, 25-35": both ends were read as amounts only now, so they are one range now.
            LinkRanges(u, result);
        }
        return result;
    }

    /// <summary>
    /// A number nothing explains is the budget once the age is known ("teen girl, 15, into music, 50"), when "budget"
    /// follows it ("100 budget"), or when it closes the sentence after the recipient and what they love
    /// ("partner loves cooking, 100"): one-sentence requests put the amount last.
    /// </summary>
    private static void ReadLeftOverAmounts(Utterance u, List<RoledNumber> numbers)
    {
        var ageGiven = numbers.Any(n => n.Role == NumberRole.Age);
        for (var k = 0; k < numbers.Count; k++)
        {
            var n = numbers[k];
            if (n.Role != NumberRole.Unknown || n.RangeWithPrevious || k + 1 < numbers.Count && numbers[k + 1].RangeWithPrevious) continue;
            var next = u.LowerAt(n.Span.Last + 1);
            if (k > 0 && numbers[k - 1].Role == NumberRole.Age && ContinuesAgeList(u, numbers, k))
            {
                numbers[k] = n with { Role = NumberRole.Age };
                continue;
            }
            // "boy 6 lego 25": a word between an age and a later number makes that number something else (the budget).
            // "daughter 14 40 music": the message's last number, straight after the age with nothing between, is no range
            // (that needs "-" or "to") but the amount.
            var afterAge = ageGiven && numbers.Take(k).Any(m => m.Role == NumberRole.Age
                && (n.Span.First - m.Span.Last > 2 || n.Span.First - m.Span.Last == 2 && u.TokenAt(m.Span.Last + 1) is { IsWord: true } between && !Cues.RangeConnectors.Contains(between.Lower)
                    || n.Span.First - m.Span.Last == 1 && k == numbers.Count - 1));
            var closes = k == numbers.Count - 1 && n.Span.First > 2 && u.LowerAt(n.Span.First - 1) is "," or "-" or "and"
                && (next.Length == 0 || next is "." or "," or "!" or "?" or "please" or "pls" or "thanks" or "thx" or "max" or "tops"
                    || next is "between" or "for" or "in" or "per" or "all" or "from" && u.TokenAt(n.Span.Last + 2) is { IsWord: true });
            if (afterAge || Cues.BudgetKeywords.Contains(next) || closes || ClosesAfterWish(u, numbers, k) || next == "to" && u.LowerAt(n.Span.Last + 2) == "spend")
                numbers[k] = n with { Role = NumberRole.Budget };
        }
    }

    /// <summary>
    /// "wife yoga 50", "mum garden 30", "what can i get my dad who loves camping for 40?": the message's last number, right
    /// after what the recipient loves or after "for", with nothing but an end mark after it, is what the shopper spends.
    /// </summary>
    private static bool ClosesAfterWish(Utterance u, List<RoledNumber> numbers, int k)
    {
        var n = numbers[k];
        if (k != numbers.Count - 1 || n.Span.First == 0 || u.LowerAt(n.Span.Last + 1) is not ("" or "?" or "." or "!")) return false;
        var before = n.Span.First - 1;
        if (u.LowerAt(before) == "for") return true;
        return u.PhraseCovering(before)?.Of(PhraseKind.Interest) is not null;
    }

    /// <summary>
    /// "grandkids, 5, 7 and 9": numbers listed after an age are ages too; but a comma before the message's last number
    /// ends no list ("she's 9, 20" is an age and a budget).
    /// </summary>
    private static bool ContinuesAgeList(Utterance u, List<RoledNumber> numbers, int k)
    {
        var between = Enumerable.Range(numbers[k - 1].Span.Last + 1, numbers[k].Span.First - numbers[k - 1].Span.Last - 1).Select(u.LowerAt).ToList();
        return between.All(w => w is "," or "and" or "&") && (k < numbers.Count - 1 || between.Any(w => w is "and" or "&"));
    }

    /// <summary>
    /// "15-20 for my nephew who loves dinosaurs": a range nothing explains, spent "for" someone, is the budget (an age
    /// range would carry a unit: "5-7 year olds").
    /// </summary>
    private static void ReadRangeForSomeone(Utterance u, List<RoledNumber> numbers)
    {
        for (var k = 1; k < numbers.Count; k++)
        {
            if (numbers[k].Role != NumberRole.Unknown || numbers[k - 1].Role != NumberRole.Unknown) continue;
            if (numbers[k].Span.First - numbers[k - 1].Span.Last != 2 || u.LowerAt(numbers[k - 1].Span.Last + 1) is not ("-" or "to")) continue;
            var after = numbers[k].Span.Last + 1;
            if (!SpentForSomeone(u, after)) continue;
            numbers[k - 1] = numbers[k - 1] with { Role = NumberRole.Budget };
            numbers[k] = numbers[k] with { Role = NumberRole.Budget, RangeWithPrevious = true };
        }
    }

    /// <summary>
    /// "30 for my 3yo son who loves trains": a number opening the message and spent "for" someone whose age is written
    /// is the budget, as a range is in <see cref="ReadRangeForSomeone"/>.
    /// </summary>
    private static void ReadLeadingAmountForSomeone(Utterance u, List<RoledNumber> numbers)
    {
        if (numbers is not [{ Role: NumberRole.Unknown, RangeWithPrevious: false, Span.First: 0 } first, ..] || !numbers.Skip(1).Any(n => n.Role == NumberRole.Age)
            || numbers.Any(n => n.Role == NumberRole.Budget) || numbers.Count > 1 && numbers[1].RangeWithPrevious) return;
        var after = first.Span.Last + 1;
        if (!SpentForSomeone(u, after)) return;
        numbers[0] = first with { Role = NumberRole.Budget };
    }

    /// <summary>"for my nephew", "for the twins", "for both twins": a number followed by this is spent on someone.</summary>
    private static bool SpentForSomeone(Utterance u, int after) =>
        u.LowerAt(after) == "for" && (u.LowerAt(after + 1) is "my" or "a" or "an" or "the" or "our" or "his" or "her" or "both" || u.IsRecipientAt(after + 1));

    /// <summary>"8, art, 20" (a request written like a form): a bare number opening the message, before a budget, is the age.</summary>
    private static void ReadLeadingAge(Utterance u, List<RoledNumber> numbers)
    {
        if (numbers is not [{ Role: NumberRole.Unknown, Span.First: 0 } first, ..] || u.LowerAt(first.Span.Last + 1) != ","
            || numbers.Any(n => n.Role == NumberRole.Age) || !numbers.Skip(1).Any(n => n.Role == NumberRole.Budget)) return;
        numbers[0] = first with { Role = NumberRole.Age };
    }

    /// <summary>
    /// "teen who is into k-pop, 14, 25 max": with a stage word and a budget already read, a number nothing explains that
    /// lies inside the stage's ages is the age. Left unread, the stage's whole band would stand in for it and products
    /// for a younger child in that band could be shown.
    /// </summary>
    private static void ReadStageAge(Utterance u, List<RoledNumber> numbers)
    {
        if (numbers.Any(n => n.Role == NumberRole.Age) || !numbers.Any(n => n.Role == NumberRole.Budget)) return;
        var stage = u.Phrases.FirstOrDefault(p => p.Of(PhraseKind.AgeWord) is not null)?.Of(PhraseKind.AgeWord);
        if (stage is null) return;
        var candidates = numbers.Select((n, k) => (n, k)).Where(x => x.n.Role == NumberRole.Unknown && !x.n.RangeWithPrevious
            && !(x.k + 1 < numbers.Count && numbers[x.k + 1].RangeWithPrevious) && x.n.Span.Value >= stage.MinAge && x.n.Span.Value <= stage.MaxAge).ToList();
        if (candidates is [var only]) numbers[only.k] = only.n with { Role = NumberRole.Age };
    }

    /// <summary>
    /// "she doesnt read much, 11, loves animals, 25 max", "ella, 6, horses, 20", "she's 5'2 and 13, into art, 30",
    /// "he's outgrown trains, 7 now, loves cars, 25": with the
    /// budget read elsewhere and no age yet, the one number nothing explains, set off by commas like an aside, is the age.
    /// Left unread the age is asked again although it was given.
    /// </summary>
    private static void ReadAgeBetweenCommas(Utterance u, List<RoledNumber> numbers)
    {
        if (numbers.Any(n => n.Role == NumberRole.Age) || !numbers.Any(n => n.Role == NumberRole.Budget)) return;
        var asides = numbers.Select((n, k) => (n, k)).Where(x => x.n.Role == NumberRole.Unknown && !x.n.RangeWithPrevious
            && !(x.k + 1 < numbers.Count && numbers[x.k + 1].RangeWithPrevious) && x.n.Span.Value is >= 0 and <= 120
            && u.LowerAt(x.n.Span.First - 1) is "," or "and" && u.TokenAt(x.n.Span.First - 2) is { } left
            // "no books (she has lots), 10, loves horses": an aside in brackets before it ends like a word.
            && (left.IsWord || left.Lower == ")" || numbers.Any(m => m.Span.Last == x.n.Span.First - 2 && m.Role == NumberRole.Measure))
            && (u.LowerAt(x.n.Span.Last + 1) == "," || u.ReadsAt(x.n.Span.Last + 1, "now", ","))
            // "he's too old for dinosaurs now (10), loves robots, 40": a bare number alone in brackets is an aside too.
            || x.n.Role == NumberRole.Unknown && x.n.Span.Value is >= 0 and <= 120 && u.LowerAt(x.n.Span.First - 1) == "(" && u.LowerAt(x.n.Span.Last + 1) == ")").ToList();
        if (asides is [var only]) numbers[only.k] = only.n with { Role = NumberRole.Age };
    }

    /// <summary>
    /// "my son is 6 foot tall but only 12", "she's tall but just 10": after "but only" in a sentence that describes the
    /// person ("is", "'s"), the number is how old they really are.
    /// </summary>
    private static bool IsAgeAfterButOnly(Utterance u, NumberSpan span)
    {
        if (u.LowerAt(span.First - 1) is not ("only" or "just" or "still") || u.LowerAt(span.First - 2) != "but") return false;
        for (var i = span.First - 3; i > 0 && u.LowerAt(i) is not ("." or "!" or "?" or ";"); i--)
            if (Cues.BeVerbs.Contains(u.LowerAt(i)) && (Cues.AgeSubjects.Contains(u.LowerAt(i - 1)) || u.IsRecipientAt(i - 1))
                || u.LowerAt(i) is "shes" or "hes") return true;
        return false;
    }

    // "Tommy is 8 and loves racing cars": a capitalised word nothing else explains, as the subject of "is", names the child
    // (the number then ends the clause: "Delivery is 5 days" is no age).
    private static readonly HashSet<string> NotNames = ["it", "this", "that", "which", "what", "there", "here", "amount", "total", "age", "size",
        "around", "about", "approx", "roughly", "circa", "level", "lvl", "grade", "page", "room", "number", "top", "part", "season", "series", "episode", "chapter", "volume",
        "only", "just", "maybe", "perhaps", "like", "and", "or", "but", "so", "for", "with", "from", "to", "at", "on", "in", "is", "was", "are", "ages", "aged", "year", "years", "gen"];

    private static bool IsNameAt(Utterance u, int index) =>
        u.TokenAt(index) is { IsWord: true } token && token.Lower.Length > 1 && char.IsUpper(u.Text[token.Start])
        && u.PhraseCovering(index) is null && !NotNames.Contains(token.Lower)
        && !Cues.BudgetKeywords.Contains(token.Lower) && !Cues.MaxBefore.Contains(token.Lower) && !Cues.MaxAfter.Contains(token.Lower)
        && !Cues.LimitWordsAfter.Contains(token.Lower) && !Cues.Currencies.ContainsKey(token.Lower);

    /// <summary>"DS1", "DD2", "kid1": a number written against a person word with no space, numbering the children.</summary>
    private static bool IsPersonIndex(Utterance u, NumberSpan span) =>
        span.First > 0 && u.Tokens[span.First].Kind == TokenKind.Number && u.Tokens[span.First - 1].End == u.Tokens[span.First].Start
        && u.IsRecipientAt(span.First - 1) && span.Value < 10;

    /// <summary>The person word before <paramref name="index"/>'s glued number label ("DS1 (11)"), or the index itself.</summary>
    private static int PersonBefore(Utterance u, int index) =>
        u.NumberEndingAt(index) is { } label && IsPersonIndex(u, label) ? label.First - 1 : index;

    private static bool IsPersonOrNameAt(Utterance u, int index) =>
        u.IsRecipientAt(index) || Cues.PeopleWords.Contains(u.LowerAt(index)) || IsStageWordAt(u, index) || IsNameAt(u, index);

    private static readonly HashSet<string> MonthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];

    /// <summary>"(13 next month)", "(8 in May)", "(5 on sunday)", "(10 soon)": when an age in brackets is reached, then the bracket closes.</summary>
    private static bool IsWhenBeforeBracket(Utterance u, int index)
    {
        var close = Enumerable.Range(index, 5).FirstOrDefault(k => u.LowerAt(k) == ")", -1);
        if (close < 0 || Enumerable.Range(index, close - index).Any(k => u.NumberStartingAt(k) is not null)) return false;
        return u.LowerAt(index) is "soon" or "today" or "at" && u.LowerAt(index + 1) == ")" || IsWhenReached(u, index);
    }

    private static readonly HashSet<string> Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun"];

    /// <summary>
    /// "next week", "this weekend", "in a fortnight", "in May", "on Saturday", "tomorrow": when an age is reached, written
    /// right after it ("9 next week, into football": the age then, not an amount).
    /// </summary>
    private static bool IsWhenReached(Utterance u, int index) =>
        u.LowerAt(index) is "next" or "this" && u.LowerAt(index + 1) is "month" or "week" or "year" or "weekend" or "fortnight" or "christmas" or "xmas" or "spring" or "summer" or "autumn" or "winter"
        || u.LowerAt(index) == "in" && (MonthNames.Contains(u.LowerAt(index + 1)) || u.LowerAt(index + 1) is "a" or "two" or "three" or "few" && u.LowerAt(index + 2) is "fortnight" or "week" or "weeks" or "month" or "months" or "few")
        || u.LowerAt(index) == "on" && (Days.Contains(u.LowerAt(index + 1)) || u.ReadsAt(index + 1, "the") && u.NumberStartingAt(index + 2) is { IsOrdinal: true })
        || u.LowerAt(index) is "tomorrow" or "tmrw" or "tmr";

    /// <summary>
    /// "Noah 5, Emma 3", "Sam 7 and Ben 4", "Lily 8 likes horses, Sam 5 likes dinosaurs", "Jack 9 (minecraft), Ella 6
    /// (ballet)": a name then a bare number, and another name then a number in the same message.
    /// </summary>
    private static bool IsNamedAgeList(Utterance u, NumberSpan span)
    {
        if (!EndsNamedAge(u, span)) return false;
        return u.Numbers.Any(n => n != span && (IsListedNameAt(u, n.First - 1, n) || u.LowerAt(n.First - 1) == "(" && IsNameAt(u, n.First - 2))
            && EndsNamedAge(u, n) && Cues.CurrencyOf(u, n) is null);
    }

    /// <summary>
    /// A name before an age in a list of named ages: "Sophie 5 ... and Max 12 is a big gamer". A capitalised limit word
    /// mid-sentence ("Max") is a name when what follows its number says something of a person, never when the number ends
    /// the clause ("..., Max 20").
    /// </summary>
    private static bool IsListedNameAt(Utterance u, int index, NumberSpan span) =>
        IsNameAt(u, index)
        || index > 0 && u.LowerAt(index - 1) is not ("." or "!" or "?" or ":") && u.TokenAt(index) is { IsWord: true } token && token.Text.Length > 2
            && char.IsUpper(token.Text[0]) && token.Text.Skip(1).All(char.IsLower) && u.PhraseCovering(index) is null
            && (Cues.MaxBefore.Contains(token.Lower) || Cues.MaxAfter.Contains(token.Lower))
            && (u.LowerAt(span.Last + 1) is "is" or "likes" or "loves" or "into" or "wants" or "who" or "n" || u.PhraseCovering(span.Last + 1)?.Of(PhraseKind.Interest) is not null);

    // "Lily 8 likes horses", "Matilda 7 horses, Reuben 9 robots", "Bella 5 n Jack 8": what may follow a named age.
    private static bool EndsNamedAge(Utterance u, NumberSpan span) =>
        u.LowerAt(span.Last + 1) is "," or "and" or "&" or "-" or "." or ")" or "" or ";" or "(" or "likes" or "loves" or "into" or "wants" or "is" or "n" or "who" or "whos" or "who's" or "+" or "adores" or "obsessed"
        || u.PhraseCovering(span.Last + 1)?.Of(PhraseKind.Interest) is not null;

    private static readonly HashSet<string> GuessBefore = ["prob", "probably", "maybe", "perhaps"];

    private static bool IsHedged(Utterance u, int after) =>
        u.LowerAt(after) == "ish" || u.ReadsAt(after, "-", "ish") || u.ReadsAt(after, "or", "so");

    /// <summary>"niece, 7ish", "a girl of 9 or so", "9-10ish boy", "7ish girl": the number right after the person (or a comma
    /// after them), after "of" a person, or right before the person word.</summary>
    private static bool IsSaidOfPersonBeside(Utterance u, NumberSpan span)
    {
        var before = u.LowerAt(span.First - 1);
        // "9-10ish boy": the range's first number stands before the dash.
        var start = before == "-" && u.NumberEndingAt(span.First - 2) is { } from ? from.First : span.First;
        var said = u.IsRecipientAt(start - 1) || u.LowerAt(start - 1) is "," or "-" && u.IsRecipientAt(start - 2)
            || u.LowerAt(start - 1) == "of" && IsPersonAt(u, start - 2);
        var end = u.LowerAt(span.Last + 1) == "ish" ? span.Last + 2 : span.Last + 3;
        // After the person, only with another number still to come for the amount: "for my nephew, 15ish" is what is spent.
        return said && u.Numbers.Any(n => n.First > span.Last + 1) && !IsSomeoneElses(u, u.IsRecipientAt(start - 1) ? start - 1 : start - 2)
            || IsPersonAt(u, end);
    }

    // "wants to be a doctor, 25": a job dreamt of is no person whose age follows.
    private static bool PlaysRole(Utterance u, int recipientToken) =>
        u.PhraseCovering(recipientToken) is { } phrase && RecipientExtractor.IsRolePlayed(u, phrase);

    private static bool IsPersonAt(Utterance u, int index) => index >= 0 && (u.IsRecipientAt(index) || Cues.PeopleWords.Contains(u.LowerAt(index)));

    private static bool IsStageWordAt(Utterance u, int index) => u.PhraseCovering(index)?.Of(PhraseKind.AgeWord) is not null;

    private static readonly HashSet<string> PronounOneAfter = ["the", "this", "that", "which", "each", "every", "older", "younger", "elder", "eldest", "oldest",
        "youngest", "big", "bigger", "small", "smaller", "other", "another", "any", "new", "right", "perfect", "good", "nice", "special", "lucky", "middle",
        // A card's place or look: "the last one", "the second one", "the cheaper one", "the pink one".
        "first", "second", "third", "fourth", "fifth", "sixth", "last", "final", "next", "previous", "same", "cheaper", "cheapest", "dearer", "pricier",
        "wooden", "pink", "blue", "red", "green", "yellow", "purple"];

    private static readonly HashSet<string> MeasureUnitsAfter = ["foot", "feet", "ft", "cm", "inch", "inches", "metre", "metres", "meter", "meters", "kg", "kilos", "lbs", "tall",
        "piece", "pieces", "pc", "pcs", "percent"];
    private static readonly HashSet<string> DurationUnitsAfter = ["years", "year", "yrs", "yr", "months", "month", "mo", "mos", "mth", "mths", "weeks", "week", "days"];
    private static readonly HashSet<string> ShortDurationUnitsAfter = ["weeks", "week", "wks", "wk", "days", "day", "hours", "hour", "hrs", "hr"];

    /// <summary>
    /// "riding horses for 3 years, she's 11", "married 10 years", "6 foot tall but only 12", "a 500 piece jigsaw": how long,
    /// how tall or how many pieces, never the person's age (nor an amount).
    /// </summary>
    private static bool IsMeasure(Utterance u, NumberSpan span)
    {
        // "no screens till he's 10", "not until she turns 8": when a rule ends, not how old the child is now.
        if (UntilTheyAre(u, span.First - 1)) return true;
        var unit = u.LowerAt(span.Last + 1) == "-" ? span.Last + 2 : span.Last + 1;
        if (MeasureUnitsAfter.Contains(u.LowerAt(unit))) return true;
        // "6 foot 2", "5 ft 4": the inches after the feet.
        if (MeasureUnitsAfter.Contains(u.LowerAt(span.First - 1)) && u.NumberEndingAt(span.First - 2) is not null) return true;
        // "no jerseys, they have 100", "he's got 50 already": how many things someone owns, not an amount to spend.
        // "she have 8 years" is how a non-native speaker gives the age.
        if (u.LowerAt(span.First - 1) is "have" or "has" or "got" or "owns" or "own" && u.LowerAt(span.First - 2) is "they" or "he" or "she" or "'s" or "'ve" or "already" or "probably"
            && u.LowerAt(span.Last + 1) is not ("to" or "for") && !DurationUnitsAfter.Contains(u.LowerAt(span.Last + 1)) && !Cues.AgeUnitsAfter.Contains(u.LowerAt(span.Last + 1))) return true;
        // "she's 5'2": feet and inches.
        if (IsFootMark(u.LowerAt(span.Last + 1)) && u.NumberStartingAt(span.Last + 2) is not null
            || IsFootMark(u.LowerAt(span.First - 1)) && u.NumberEndingAt(span.First - 2) is not null) return true;
        if (u.LowerAt(unit + 1) is "old" or "olds" or "-" or "young") return false;
        // "within 2 weeks", "in 3 days": a time, never an amount; weeks and days are an age only as "a 10 week old".
        if (ShortDurationUnitsAfter.Contains(u.LowerAt(unit))) return true;
        if (!DurationUnitsAfter.Contains(u.LowerAt(unit))) return false;
        // "for 3 years, she's 11" ends the clause; "for 9 year kid" is an age written the non-native way.
        var after = u.LowerAt(unit + 1);
        // "8 months pregnant", "7 months along", "9 months sober", "2 months post op", "1 yr anniversary", "1 year at the
        // company", "2 months into retirement", "1 year since", "12 months tomorrow": how long, not how old.
        if (after is "pregnant" or "along" or "sober" or "clean" or "post" or "postpartum" or "anniversary" or "anniv"
            || after is "since" or "till" or "until" or "til" or "into" or "at" or "as" or "tomorrow" or "today" or "in" or "with"
                && u.LowerAt(span.First - 1) is not ("is" or "'s" or "be" or "turns" or "turned" or "turning" or "aged" or "age")) return true;
        // "xmas in 1 month", "due in 2 months", "after 1 year with us", "been dating 1 year", "our one year": a time or a span.
        if (IsPersonAt(u, unit + 1)) return false;
        if (u.LowerAt(span.First - 1) is "in" or "within" or "after" or "till" or "until" or "til" or "dating" or "sober" or "clean") return true;
        // "its our one year!!"; "our 18mo loves animals" is the child.
        if (u.LowerAt(span.First - 1) == "our" && after is "" or "," or "." or "!" or "?" or ";" or "-") return true;
        var clauseEnds = after is "" or "," or "." or "!" or "?" or ";" or "and" or "but" or "now" or "already" or "straight" or "running" or "so";
        return u.LowerAt(span.First - 1) is "for" or "past" or "last" or "been" && clauseEnds
            || u.LowerAt(span.First - 1) is "married" or "together"
            || after is "ago" or "married" or "together" && u.LowerAt(span.First - 1) is not ("is" or "'s" or "be" or "turns" or "turned" or "turning");
    }

    private static bool UntilTheyAre(Utterance u, int before)
    {
        var k = u.LowerAt(before) is "'s" or "is" or "'re" or "are" or "turns" or "turn" or "be" or "gets" ? before - 1 : -1;
        if (k >= 0 && u.LowerAt(k) is "be" or "turns" or "turn" && u.LowerAt(k) != u.LowerAt(before)) k--;
        return k >= 1 && u.LowerAt(k) is "he" or "she" or "they" or "it" && u.LowerAt(k - 1) is "till" or "until" or "til" or "untill" or "before";
    }

    private static bool IsFootMark(string token) => token is "'" or "\u2019" or "\u2032";

    private static NumberRole RoleOf(Utterance u, NumberSpan span, string? currency)
    {
        var before = u.LowerAt(span.First - 1);
        if (before is "not" or "no" or "never") return NumberRole.Negated;
        // "in his first year at uni", "a second year student", "3rd year of secondary": a year of study, not an age.
        // "in first year of secondary" is a school year, and so an age.
        if (span.IsOrdinal && currency is null && u.LowerAt(span.Last + 1) is "year" or "yr" or "years") return SchoolYear.Of(u, span) is null ? NumberRole.Measure : NumberRole.Age;
        if (currency is null && IsMeasure(u, span)) return NumberRole.Measure;
        // "35 tops. one thing: no screens", "oh and one more thing": the word "one" opening a remark, no amount or age.
        if (currency is null && span.First == span.Last && u.LowerAt(span.First) == "one"
            && u.LowerAt(u.LowerAt(span.Last + 1) is "more" or "last" or "small" or "little" or "other" ? span.Last + 2 : span.Last + 1) is "thing" or "question" or "request" or "catch" or "condition" or "rule" or "note")
            return NumberRole.Measure;
        // "9 going on 16": the second number is how grown-up the child acts, not an age or an amount; the first is the age.
        if (currency is null && u.ReadsAt(span.First - 2, "going", "on") && u.NumberEndingAt(span.First - 3) is not null) return NumberRole.Measure;
        // "she's going on 5": the age about to be reached, as "nearly 5".
        if (currency is null && u.ReadsAt(span.First - 2, "going", "on")) return NumberRole.Age;
        if (currency is null && u.ReadsAt(span.Last + 1, "going", "on") && u.NumberStartingAt(span.Last + 3) is not null) return NumberRole.Age;
        if (currency is null && IsAgeAfterButOnly(u, span)) return NumberRole.Age;
        // "my grandad (72) loves fishing": a number in brackets after a person is their age.
        // "my grandkids (6 and 10)": the first of several in brackets too; "my niece (13 next month)", "Grace (8 in May)":
        // the age about to be reached; "Tom (7) and Lucy (4)", "DS1 (11)": after a child's name or numbered label.
        if (before == "(" && currency is null && (u.LowerAt(span.Last + 1) is ")" or "," || Cues.RangeConnectors.Contains(u.LowerAt(span.Last + 1)) || IsWhenBeforeBracket(u, span.Last + 1))
            && IsPersonOrNameAt(u, PersonBefore(u, span.First - 2))) return NumberRole.Age;
        // "Finn (nearly 4)", "my son (almost 6)": how close a person in brackets is to an age.
        if (before is "almost" or "nearly" && u.LowerAt(span.First - 2) == "(" && currency is null && IsPersonOrNameAt(u, PersonBefore(u, span.First - 3))) return NumberRole.Age;
        // "9 next week, into football", "7 in a fortnight": a bare number followed by when it is reached is an age.
        if (currency is null && !span.IsOrdinal && span.Value <= 120 && IsWhenReached(u, span.Last + 1) && !BudgetKeywordBefore(u, span.First)) return NumberRole.Age;
        // "9 (nearly 10)": the age and the one about to be reached.
        if (currency is null && before is "nearly" or "almost" && u.LowerAt(span.First - 2) == "(" && u.NumberEndingAt(span.First - 3) is { } said
            && u.LowerAt(span.Last + 1) == ")" && said.Value < span.Value && span.Value - said.Value <= 1) return NumberRole.Age;
        if (currency is null && u.LowerAt(span.Last + 1) == "(" && u.LowerAt(span.Last + 2) is "nearly" or "almost" && u.NumberStartingAt(span.Last + 3) is { } next
            && u.LowerAt(next.Last + 1) == ")" && next.Value > span.Value && next.Value - span.Value <= 1) return NumberRole.Age;
        // "8 (boy), likes cars": the age, then who.
        if (currency is null && u.LowerAt(span.Last + 1) == "(" && u.IsRecipientAt(span.Last + 2) && u.LowerAt((u.PhraseCovering(span.Last + 2)?.Last ?? span.Last + 2) + 1) == ")") return NumberRole.Age;
        // "Noah 5, Emma 3": children listed by name and age.
        if (currency is null && IsListedNameAt(u, span.First - 1, span) && IsNamedAgeList(u, span)) return NumberRole.Age;
        if (currency is not null) return NumberRole.Budget;
        if (IsAgeByShape(u, span) || IsGroupAge(u, span)) return NumberRole.Age;
        // "a twenty for my nephew", "a fifty": a note named like a money word is an amount.
        if (before == "a" && span.First == span.Last && NumberWords.Tens.ContainsKey(u.LowerAt(span.First))
            && u.LowerAt(span.Last + 1) is not ("-" or "something" or "odd" or "ish")) return NumberRole.Budget;
        // "boy almost 9", "my niece, nearly 4": how close a person is to a number is their age, never an amount.
        if (before is "almost" or "nearly" && (IsPersonAt(u, span.First - 2) || u.LowerAt(span.First - 2) is "," or "(" && IsPersonOrNameAt(u, span.First - 3))) return NumberRole.Age;
        // "cap is 12", "the limit is 40", "max of 25": the amount a limit word names.
        if (u.LowerAt(span.First - 1) is "is" or "of" or ":" or "=" && u.LowerAt(span.First - 2) is "cap" or "limit" or "ceiling" or "max" or "maximum") return NumberRole.Budget;
        // "budget 25 girl 9 science": the number a budget word names is the amount, even before a person word; a few
        // people ("budget: 3 kids, 60 total") are still counted.
        if (before is "budget" or "spend" or "spending" && !(span.Value <= 10 && Cues.CountedNouns.Contains(u.LowerAt(span.Last + 1)))) return NumberRole.Budget;
        // "2 quid each, about 10 kids": a hedged number of people is how many, not an amount.
        if (u.LowerAt(span.Last + 1) is var counted && counted is not ("of" or "more") && Cues.CountedNouns.Contains(counted)) return NumberRole.Count;
        // "two grandsons, one is 4 and loves trains, the other is 9": the age of one of the people named.
        if (currency is null && span.Value < 120 && before is "is" or "'s" && u.LowerAt(span.First - 2) is "one" or "other") return NumberRole.Age;
        // "nephew roughly 10, minecraft obsessed, 25", "my godson, prob 6 or 7 now, loves lego, 25": a rough number right
        // after the person, with the amount still to come.
        if (currency is null && span.Value < 18 && (Cues.AroundBefore.Contains(before) || GuessBefore.Contains(before))
            && (u.IsRecipientAt(span.First - 2) || u.LowerAt(span.First - 2) == "," && u.IsRecipientAt(span.First - 3))
            && u.Numbers.Any(n => n.First > span.Last + 1 && !(n.First == span.Last + 2 && Cues.RangeConnectors.Contains(u.LowerAt(span.Last + 1))))) return NumberRole.Age;
        // "boy, 11-12, into science, 35": a range of young ages set off after the person, with the amount still to come.
        if (currency is null && span.Value < 18 && before == "," && u.IsRecipientAt(span.First - 2) && u.LowerAt(span.Last + 1) is "-" or "to"
            && u.NumberStartingAt(span.Last + 2) is { Value: < 18 } end && u.LowerAt(end.Last + 1) == ","
            && u.Numbers.Any(n => n.First > end.Last + 1) && !IsSomeoneElses(u, span.First - 2)) return NumberRole.Age;
        if (BudgetExtractor.QualifierBefore(u, span.First) is not null)
            return PersonBeforeQualifier(u, span.First) ? NumberRole.Age : NumberRole.Budget;
        // "niece, 7ish, loves drawing", "a girl of 9 or so", "9-10ish boy": a hedged number said of the person beside it is
        // roughly their age, not an amount (a hedged amount stands apart: "for my niece, 20ish").
        if (currency is null && span.Value < 18 && IsHedged(u, span.Last + 1) && IsSaidOfPersonBeside(u, span)) return NumberRole.Age;
        if (Cues.MaxAfter.Contains(u.LowerAt(span.Last + 1)) || u.LowerAt(span.Last + 1) is "ish" || IsOrLess(u, span.Last + 1)) return NumberRole.Budget;
        // "can go to 20", "could stretch to 30": how far the shopper will go is money; "20 would be ideal" too.
        if (before == "to" && u.LowerAt(span.First - 2) is "go" or "stretch"
            || u.LowerAt(span.Last + 1) is "would" && u.LowerAt(span.Last + 2) is "be" && u.LowerAt(span.Last + 3) is "ideal" or "perfect" or "great" or "good" or "fine" or "nice") return NumberRole.Budget;
        // "make it 30", "make that 25", "let's say 40": the amount the shopper settles on.
        if (before is "it" or "that" && u.LowerAt(span.First - 2) is "make" or "makes"
            || before == "say" && u.LowerAt(span.First - 2) is "let's" or "lets" or "'s") return NumberRole.Budget;
        // "20 at most", "20-ish", "20 give or take": how an amount is hedged.
        if (u.LowerAt(span.Last + 1) is "at" && u.LowerAt(span.Last + 2) is "most" or "the most"
            || u.LowerAt(span.Last + 1) is "-" && u.LowerAt(span.Last + 2) is "ish"
            || u.LowerAt(span.Last + 1) is "give" && u.LowerAt(span.Last + 2) is "or" && u.LowerAt(span.Last + 3) is "take"
            // "30 at a push", "40 at a stretch": how far the amount will bend.
            || u.ReadsAt(span.Last + 1, "at", "a") && u.LowerAt(span.Last + 3) is "push" or "stretch" or "pinch") return NumberRole.Budget;
        // "in the 25-35 range", "30 is the ceiling", "20 is my limit".
        if (Cues.LimitWordsAfter.Contains(u.LowerAt(span.Last + 1))
            || u.LowerAt(span.Last + 1) is "is" && u.LowerAt(span.Last + 2) is "the" or "my" or "our" && Cues.LimitWordsAfter.Contains(u.LowerAt(span.Last + 3)))
            return NumberRole.Budget;
        if (BudgetKeywordBefore(u, span.First)) return NumberRole.Budget;
        if (Cues.CountedNouns.Contains(u.LowerAt(span.Last + 1)) || u.IsRecipientAt(span.Last + 1)) return NumberRole.Count;
        // "my nephew 8", "grandma, 70", "nephew - 9 -", "a boy of five": weak, so "my coworker, 20-30 dollars" stays a budget range.
        // Weaker still than an age written out before it ("a 3+ puzzle for my son, 15"): then it is left for the budget.
        var rangeFollows = u.LowerAt(span.Last + 1) is "-" or "to" && u.NumberStartingAt(span.Last + 2) is not null
            && !SpacedDashBeforeAmount(u, span);
        // "Boy. 9. Football.": a request written as one-word sentences, the number after the person as after a comma.
        if (before == "." && u.LowerAt(span.Last + 1) is "." or "," && u.IsRecipientAt(span.First - 2) && !rangeFollows
            && u.Numbers.All(n => n.Last >= span.First || !IsAgeByShape(u, n))) return NumberRole.Age;
        if (!rangeFollows && !u.Numbers.Any(n => n.Last < span.First && IsAgeByShape(u, n)) && (u.IsRecipientAt(span.First - 1) || before is "," or "-" && u.IsRecipientAt(span.First - 2))
            && !IsSomeoneElses(u, u.IsRecipientAt(span.First - 1) ? span.First - 1 : span.First - 2)
            && !Describes(u, u.IsRecipientAt(span.First - 1) ? span.First - 1 : span.First - 2)
            && !PlaysRole(u, u.IsRecipientAt(span.First - 1) ? span.First - 1 : span.First - 2)
            && !AgedBefore(u, u.IsRecipientAt(span.First - 1) ? span.First - 1 : span.First - 2)) return NumberRole.Age;
        if (before == "of" && (u.IsRecipientAt(span.First - 2) || Cues.PeopleWords.Contains(u.LowerAt(span.First - 2)))) return NumberRole.Age;
        // "a 7 and a 4 year old": the first child's age shares the unit written after the second.
        if (u.LowerAt(span.Last + 1) is "and" or "&" && u.LowerAt(span.Last + 2) is "a" or "an"
            && u.NumberStartingAt(span.Last + 3) is { } second && IsAgeByShape(u, second)) return NumberRole.Age;
        return NumberRole.Unknown;
    }

    /// <summary>
    /// "grandson 11 - 40 euros - lego technic": a number right after the person, then a spaced dash and an amount with its
    /// currency, is the person's age and then the budget, not a range from 11 to 40 ("20-30 dollars" has no spaces).
    /// </summary>
    private static bool SpacedDashBeforeAmount(Utterance u, NumberSpan span)
    {
        if (!u.IsRecipientAt(span.First - 1) || u.LowerAt(span.Last + 1) != "-" || u.NumberStartingAt(span.Last + 2) is not { } amount) return false;
        var dash = u.Tokens[span.Last + 1];
        if (dash.Start == u.Tokens[span.Last].End || u.Tokens[amount.First].Start == dash.End) return false;
        return Cues.CurrencyOf(u, amount) is not null;
    }

    private static readonly HashSet<string> AgeUnitsBefore = ["old", "yo", "yr", "yrs", "year", "years", "y", "o"];

    /// <summary>"a 9yr old boy, 25": the person's age is already written before them, so a number after them is something else.</summary>
    private static bool AgedBefore(Utterance u, int recipientToken)
    {
        var first = u.PhraseCovering(recipientToken)?.First ?? recipientToken;
        return AgeUnitsBefore.Contains(u.LowerAt(first - 1)) && u.Numbers.Any(n => n.Last >= first - 4 && n.Last < first);
    }

    /// <summary>
    /// "my two girls, both 8", "3 cousins, all about 10", "nephews all aged 9": one age shared by the people just named.
    /// </summary>
    private static bool IsGroupAge(Utterance u, NumberSpan span)
    {
        if (IsTwinsAge(u, span)) return true;
        var i = span.First - 1;
        while (i >= 0 && (Cues.AroundBefore.Contains(u.LowerAt(i)) || u.LowerAt(i) is "aged")) i--;
        if (u.LowerAt(i) is not ("both" or "all")) return false;
        i--;
        if (u.LowerAt(i) is "," or "are" or "'re" or "(") i--;
        return i >= 0 && (u.IsRecipientAt(i) || Cues.PeopleWords.Contains(u.LowerAt(i)) || Cues.AgeSubjects.Contains(u.LowerAt(i))
            // "my two (both 5)", "our three, all aged 4": the shopper's children counted.
            || u.NumberEndingAt(i) is not null && u.LowerAt(u.NumberEndingAt(i)!.First - 1) is "my" or "our");
    }

    /// <summary>
    /// "twins, 4, love cars", "grandkids (twins, 4)", "the twins are 6": twins and triplets share one age, so a bare number
    /// right after them, before another number or in brackets, is that age.
    /// </summary>
    private static bool IsTwinsAge(Utterance u, NumberSpan span)
    {
        var i = span.First - 1;
        if (u.LowerAt(i) is "," or "are" or "'re" or "-") i--;
        if (u.LowerAt(i) is not ("twins" or "triplets")) return false;
        // Left for the amount when it is the only number ("for the twins, 30"); "twins - 8 - love science - 30 each" too.
        return span.Value < 18 && (u.LowerAt(span.Last + 1) == ")" && u.LowerAt(i - 1) is "(" or ","
            || u.LowerAt(span.Last + 1) is "," or "and" or "&" or "-" && u.Numbers.Any(n => n.First > span.Last + 1));
    }

    /// <summary>"8 years old", "8yo", "aged 8", "turning 7", "she's 10", "7th birthday", "in her twenties", "6 months", "2 and a half years old".</summary>
    internal static bool IsAgeByShape(Utterance u, NumberSpan span)
    {
        var after = span.Last + 1;
        if (u.ReadsAt(after, "and", "a", "half")) after += 3;
        // "a 10-and-a-half year old".
        if (u.ReadsAt(after, "-", "and", "-", "a", "-", "half")) after += 6;
        if (u.LowerAt(after) == "-") after++;
        if (Cues.AgeUnitsAfter.Contains(u.LowerAt(after)) || Cues.MonthUnitsAfter.Contains(u.LowerAt(after))) return true;
        if ((Cues.WeekUnitsAfter.Contains(u.LowerAt(after)) || Cues.DayUnitsAfter.Contains(u.LowerAt(after))) && u.LowerAt(u.LowerAt(after + 1) == "-" ? after + 2 : after + 1) == "old") return true;
        // "a 3+ puzzle", "any 8+ kits": a toy's age mark before what it names; money has its currency ("20+ euros").
        if (u.LowerAt(span.Last + 1) == "+" && u.TokenAt(span.Last + 2) is { IsWord: true } thing && !Cues.Currencies.ContainsKey(thing.Lower)
            && !Cues.BudgetKeywords.Contains(thing.Lower) && !Cues.CountedNouns.Contains(thing.Lower) && !Cues.BudgetKeywords.Contains(u.LowerAt(span.First - 1))) return true;
        // "a 5 and up toy", "8 and over": the same mark written out.
        if (u.LowerAt(span.Last + 1) == "and" && u.LowerAt(span.Last + 2) is "up" or "upwards" or "over" or "older"
            && !Cues.BudgetKeywords.Contains(u.LowerAt(span.First - 1)) && !Cues.Currencies.ContainsKey(u.LowerAt(span.First - 1))) return true;
        if (span.IsOrdinal && u.PhraseCovering(after)?.Of(PhraseKind.Occasion) is { Value: "birthday" }) return true;
        if (IsNthHoliday(u, span)) return true;
        if (SchoolYear.Of(u, span) is not null) return true;
        // "her 40th", "grandad's 80th coming up": an ordinal owned by a person is a birthday, unless an anniversary follows
        // or a person ("his 1st grandson", "her 2nd baby": which one, not how old).
        if (span.IsOrdinal && u.LowerAt(span.First - 1) is "his" or "her" or "their" or "'s" or "s"
            && u.PhraseCovering(after)?.Of(PhraseKind.Occasion) is null && u.LowerAt(after) is not ("wedding" or "anniversary" or "time" or "try")
            // "she just got her first bike", "his 2nd lego set", "he got his first skateboard": which thing it is, not how old.
            && u.PhraseCovering(after)?.Of(PhraseKind.Interest) is null
            && !(u.LowerAt(span.First - 2) is "got" or "get" or "gets" or "getting" or "bought" or "received" or "has" or "had" or "owns" && u.TokenAt(after) is { IsWord: true } && u.LowerAt(after) is not ("birthday" or "bday" or "b'day"))
            && !IsPersonAt(u, after) && !(u.LowerAt(after) is "great" or "grand" && IsPersonAt(u, after + 1 + (u.LowerAt(after + 1) == "-" ? 1 : 0)))) return true;
        // "18th for my nephew", "an 18th present for my son": a birthday named by its number; "party on the 3rd for my
        // nephew" is a date.
        if (span.IsOrdinal && u.LowerAt(span.First - 1) is not ("the" or "on" or "of" or "by" or "until" or "till" or "before" or "after" or "from" or "every")
            && (u.LowerAt(after) == "for" && (u.IsRecipientAt(after + 1) || u.LowerAt(after + 1) is "my" or "our" or "a" or "his" or "her" && u.IsRecipientAt(after + 2))
                || u.LowerAt(after) is "present" or "gift" or "pressie" or "prezzie")) return true;
        if (span.IsDecade) return IsDecadeOfLife(u, span.First);
        if (IsDecadeSomething(u, span)) return true;
        if (KeywordBefore(u, span.First, "age")) return true;
        var previous = Cues.PreviousMeaningful(u, span.First);
        var word = u.LowerAt(previous);
        if (Cues.AgeWordsBefore.Contains(word)) return true;
        if (word is "be" or "turn") return true;
        // "coming up 4", "he's coming up to 9": the age about to be reached, like "turning".
        if (word == "up" && u.LowerAt(previous - 1) == "coming" || word == "to" && u.ReadsAt(previous - 2, "coming", "up")) return true;
        // "shes 5", "hes 8": the apostrophe left out.
        if (word is "shes" or "hes" or "theyre" && u.Tokens[previous].IsWord) return true;
        // "she's 8"; but "my wife's first christmas", "he's 2nd in his class": an ordinal after "is" is no age.
        if (Cues.BeVerbs.Contains(word) && !span.IsOrdinal)
        {
            var subject = previous - 1;
            if (u.LowerAt(subject) is "will" or "'ll") subject--;
            return Cues.AgeSubjects.Contains(u.LowerAt(subject)) || u.IsRecipientAt(subject)
                // "Bella is 5 n loves animals": "n" as "and".
                || IsNameAt(u, subject) && u.LowerAt(span.Last + 1) is "and" or "," or "&" or "" or "n" or "+" or "who" or ";" or ".";
        }
        return false;
    }

    /// <summary>
    /// "3 year old", "18 months old", "8yo", "aged 2", "turning 1": a number written as somebody's age whoever's it is,
    /// unlike "1 yr" or "2 months" on their own, which may say how long (married, pregnant, in a care home).
    /// </summary>
    internal static bool IsWrittenAsAge(Utterance u, NumberSpan span)
    {
        if (Cues.AgeWordsBefore.Contains(u.LowerAt(span.First - 1)) && u.LowerAt(span.First - 1) is not ("older" or "younger" or "sweet" or "rising")) return true;
        var after = span.Last + 1;
        if (u.ReadsAt(after, "and", "a", "half")) after += 3;
        if (u.LowerAt(after) == "-") after++;
        if (u.LowerAt(after) is "yo" or "yos" or "yro" || u.ReadsAt(after, "y", "/", "o")) return true;
        if (!Cues.AgeUnitsAfter.Contains(u.LowerAt(after)) && !Cues.MonthUnitsAfter.Contains(u.LowerAt(after))
            && !Cues.WeekUnitsAfter.Contains(u.LowerAt(after)) && !Cues.DayUnitsAfter.Contains(u.LowerAt(after))) return false;
        after++;
        if (u.LowerAt(after) == "-") after++;
        return u.LowerAt(after) is "old" or "olds";
    }

    /// <summary>Holidays that come once a year for everyone: a child at their nth one is n - 1 years old.</summary>
    private static readonly HashSet<string> YearlyHolidays = ["christmas", "hanukkah", "easter"];

    /// <summary>
    /// "baby's first christmas", "his 1st xmas", "first xmas for our grandson", "her second christmas": someone's nth
    /// Christmas says their age (n - 1). "our first christmas together" and "my first christmas here" are about the shopper.
    /// </summary>
    internal static bool IsNthHoliday(Utterance u, NumberSpan span)
    {
        if (!span.IsOrdinal || span.Value is < 1 or > 3) return false;
        if (u.PhraseCovering(span.Last + 1) is not { } holiday || holiday.Of(PhraseKind.Occasion) is not { } occasion || !YearlyHolidays.Contains(occasion.Value)) return false;
        // "her 2nd christmas with us", "his first christmas here": the holiday spent somewhere, not how old they are.
        if (u.LowerAt(holiday.Last + 1) is "with" or "together" or "here" or "in" or "at" or "away" or "home" or "abroad") return false;
        var owned = u.LowerAt(span.First - 1) is "'s" or "'" or "his" or "her" or "their";
        var forSomeone = u.LowerAt(holiday.Last + 1) is "for" or "gift" or "present" && (u.LowerAt(holiday.Last + 2) is "for" or "my" or "our" or "a" or "the" || u.IsRecipientAt(holiday.Last + 2));
        return owned || forSomeone;
    }

    // "fishing with his grandad, 25": the recipient's own grandad is not the person whose age is given.
    private static bool IsSomeoneElses(Utterance u, int recipientToken) =>
        u.PhraseCovering(recipientToken) is { } phrase && u.LowerAt(phrase.First - 1) is "his" or "her" or "their" && u.LowerAt(phrase.First - 2) is "with" or "and" or "like" or "from";

    // "my bestie is a plant mum, 25", "she's a real cat lady, 30": a person word after "is a" describes the recipient, so
    // the number after it is not that person's age.
    internal static bool Describes(Utterance u, int recipientToken)
    {
        if (u.PhraseCovering(recipientToken) is not { } phrase) return false;
        var i = phrase.First - 1;
        for (var skipped = 0; skipped < 2 && i >= 0 && u.Tokens[i].IsWord && u.LowerAt(i) is not ("a" or "an") && !u.IsRecipientAt(i); skipped++) i--;
        // "my uncle, a big fishing man, 40": a person word in apposition to the recipient describes them too.
        return u.LowerAt(i) is "a" or "an" && (u.LowerAt(i - 1) is "is" or "'s" or "was" or "such" || u.LowerAt(i - 1) == "," && u.IsRecipientAt(i - 2));
    }

    /// <summary>"my 30 something sister", "a forty-something dad": the decade of the person's life.</summary>
    internal static bool IsDecadeSomething(Utterance u, NumberSpan span)
    {
        var after = u.LowerAt(span.Last + 1) == "-" ? span.Last + 2 : span.Last + 1;
        return span.Value is >= 20 and <= 90 && span.Value % 10 == 0 && u.LowerAt(after) == "something";
    }

    private static bool IsDecadeOfLife(Utterance u, int first)
    {
        for (var i = first - 1; i >= Math.Max(0, first - 3); i--)
            if (u.LowerAt(i) is "in" or "early" or "mid" or "late" or "her" or "his" or "their") return true;
        return false;
    }

    private static bool PersonBeforeQualifier(Utterance u, int first)
    {
        var i = first - 1;
        while (i >= 0 && !Cues.PeopleWords.Contains(u.LowerAt(i)) && first - i <= 3 && u.Tokens[i].IsWord) i--;
        return i >= 0 && first - i <= 3 && (Cues.PeopleWords.Contains(u.LowerAt(i)) || u.IsRecipientAt(i));
    }

    private static bool BudgetKeywordBefore(Utterance u, int first)
    {
        for (var i = first - 1; i >= Math.Max(0, first - 4); i--)
        {
            // "budget 25 girl 9 science": the keyword names the number right after it, not the one after that.
            if (u.Tokens[i].Lower is "." or "?" or "!" || u.NumberEndingAt(i) is not null) return false;
            if (Cues.BudgetKeywords.Contains(u.Tokens[i].Lower)) return true;
        }
        return false;
    }

    // "update the age to 9", "wrong age, seven".
    private static bool KeywordBefore(Utterance u, int first, string keyword)
    {
        for (var i = first - 1; i >= Math.Max(0, first - 4); i--)
        {
            if (u.Tokens[i].Lower is "." or "?" or "!" || u.NumberEndingAt(i) is not null) return false;
            if (u.Tokens[i].Lower == keyword) return true;
        }
        return false;
    }

    private static bool IsOrLess(Utterance u, int index) =>
        u.LowerAt(index) == "or" && u.LowerAt(index + 1) is "less" or "under" or "below" or "so" or "more" or "lower";

    private static void LinkRanges(Utterance u, List<RoledNumber> numbers)
    {
        for (var k = 1; k < numbers.Count; k++)
        {
            var (a, b) = (numbers[k - 1], numbers[k]);
            var gap = b.Span.First - a.Span.Last;
            var connector = u.LowerAt(a.Span.Last + 1);
            // "$20-$30" has a currency sign between the connector and the second number.
            var joined = gap == 2 && Cues.RangeConnectors.Contains(connector)
                || gap == 3 && Cues.RangeConnectors.Contains(connector) && u.Tokens[b.Span.First - 1].Kind == TokenKind.Currency;
            if (!joined) continue;
            // "Noah 5, Emma 3 - one gift to share": a number counting the gifts ends the list of ages before it.
            if (b.Role == NumberRole.Count && u.LowerAt(b.Span.Last + 1) is "gift" or "gifts" or "present" or "presents" or "item" or "items" or "thing" or "things") continue;
            var role = a.Role is NumberRole.Age or NumberRole.Budget ? a.Role : b.Role;
            if (role is not (NumberRole.Age or NumberRole.Budget)) continue;
            if (a.Role is not (NumberRole.Unknown or NumberRole.Count) && a.Role != role || b.Role is not (NumberRole.Unknown or NumberRole.Count) && b.Role != role) continue;
            // "aged 5 and 8" is a range of ages; "20 and 30" money needs "between".
            if (role == NumberRole.Budget && connector is "and" or "or" && u.LowerAt(a.Span.First - 1) != "between" && b.Currency is null && a.Currency is null) continue;
            var currency = a.Currency ?? b.Currency;
            numbers[k - 1] = a with { Role = role, Currency = currency };
            numbers[k] = b with { Role = role, Currency = currency, RangeWithPrevious = true };
        }
    }
}
