using GiftBot.Language.Analysis;

namespace GiftBot.Language.Entities;

/// <summary>
/// Ages in years as a range: "8", "eight", "8 years old", "8yo", "turning 7", "aged 5 and 8" (5–8), "in her twenties"
/// (20–29), "6 months" or "18m" (0, 1), "nearly 5" (4–5), "kids under 5" (0–4), and stage words from the lexicon ("a toddler" 2–3, "a teenager" 13–17).
/// Several ages make a range ("my son is 5 and my daughter 8"); after a correction word the last one wins
/// ("she's 8, sorry, she's 10"); "turning 6 not 5" ignores the negated one.
/// </summary>
public static class AgeExtractor
{
    public static EntityMention<AgeRange>? Extract(Utterance u, IReadOnlyList<RoledNumber> numbers, NegationScope negated)
    {
        var ages = numbers.Where(n => n.Role == NumberRole.Age).ToList();
        // "2 years and 3 months" is one age (2), not a range from 0 to 2.
        ages = ages.Where((n, k) => !(k > 0 && UnitOf(u, n) is var unit && Cues.MonthUnitsAfter.Contains(unit)
            && Cues.AgeUnitsAfter.Contains(UnitOf(u, ages[k - 1])) && n.Span.First - ages[k - 1].Span.Last <= 4)).ToList();
        // "my 40 year old brother's 3 year old": an age on a person who owns the recipient is that person's, not the gift's.
        ages = ages.Where(n => !IsOwnersAge(u, n)).ToList();
        // "I'm a 35 year old dad looking for something for my 4 year old": the shopper's own age, when another is given.
        if (ages.Count > 1 && ages.Any(n => !IsShoppersAge(u, n))) ages = ages.Where(n => !IsShoppersAge(u, n)).ToList();
        // "my son is 5, his sister is 8, he loves dinosaurs": the sister's age is said to place the son, not for the gift.
        if (ages.Count > 1 && ages.Any(n => !IsRelativesAge(u, n)) && !u.Tokens.Any(t => t.Lower == "each"))
            ages = ages.Where(n => !IsRelativesAge(u, n)).ToList();
        // "a 4 year old, her 2nd christmas": an age said outright beats one read from the holiday.
        if (ages.Any(n => NumberRoles.IsNthHoliday(u, n.Span)) && ages.Any(n => !NumberRoles.IsNthHoliday(u, n.Span)))
            ages = ages.Where(n => !NumberRoles.IsNthHoliday(u, n.Span)).ToList();
        if (ages.Count > 0)
        {
            var chosen = HasCorrection(u, ages) ? LastGroup(ages) : ages;
            var ranges = chosen.Select(n => RangeOf(u, n)).ToList();
            return new EntityMention<AgeRange>(
                new AgeRange(ranges.Min(r => r.Min), ranges.Max(r => r.Max)) { IsBand = ranges.All(r => r.IsBand) }, chosen[0].Span.First, chosen[^1].Span.Last);
        }
        var stage = u.Phrases.FirstOrDefault(p => p.Of(PhraseKind.AgeWord) is not null && !negated[p.First]);
        return stage?.Of(PhraseKind.AgeWord) is { } word
            ? new EntityMention<AgeRange>(NearlyStage(u, stage.First, word.MinAge, word.MaxAge), stage.First, stage.Last)
            : null;
    }

    /// <summary>
    /// "my 40 year old brother's 3 year old", "my 7 yr old's teacher": an age whose owner's (or whose owner's person's)
    /// possessive leads on to another person belongs to that owner. "her 40 year old brother's birthday" keeps its age.
    /// </summary>
    private static bool IsOwnersAge(Utterance u, RoledNumber number)
    {
        var next = number.Span.Last + 1;
        while (u.LowerAt(next) is "-" or "old" || Cues.AgeUnitsAfter.Contains(u.LowerAt(next)) || Cues.MonthUnitsAfter.Contains(u.LowerAt(next))
            || Cues.WeekUnitsAfter.Contains(u.LowerAt(next)) || Cues.DayUnitsAfter.Contains(u.LowerAt(next))) next++;
        if (next == number.Span.Last + 1) return false;
        int possessive;
        if (IsPossessive(u.LowerAt(next))) possessive = next;
        else if (IsPersonAt(u, next) && IsPossessive(u.LowerAt(LastOfPhrase(u, next) + 1))) possessive = LastOfPhrase(u, next) + 1;
        else return false;
        return Enumerable.Range(possessive + 1, 3).Any(i => IsPersonAt(u, i) || u.NumberStartingAt(i) is not null);
    }

    /// <summary>
    /// "his sister is 8", "her cousin is 9", "his dad is 40", "his little sister 4": the age of a person named as the
    /// recipient's relative (owned by "his", "her" or "their") belongs to that relative.
    /// </summary>
    private static bool IsRelativesAge(Utterance u, RoledNumber number)
    {
        var i = number.Span.First - 1;
        while (i >= 0 && (Cues.BeVerbs.Contains(u.LowerAt(i)) || u.LowerAt(i) is "," or "-" or "(" || Cues.Fillers.Contains(u.LowerAt(i)))) i--;
        if (i < 0 || !IsPersonAt(u, i)) return false;
        var owner = (u.PhraseCovering(i)?.First ?? i) - 1;
        if (u.LowerAt(owner) is "little" or "big" or "older" or "younger" or "baby" or "kid" or "twin") owner--;
        // "my sister's 40 and her son is 6, the gift is for him": a child of the person named may well be the one the gift
        // is for, so both ages stay and a product must fit both (or the bot asks which one).
        // "for my sister (she's 30, her kid is 4)" still names whom the gift is for.
        return u.LowerAt(owner) is "his" or "her" or "their" && (!IsChildOfOwner(u, i) || NamesTheRecipientAfterFor(u));
    }

    private static bool NamesTheRecipientAfterFor(Utterance u) =>
        u.Phrases.Any(p => p.Of(PhraseKind.Recipient) is { } r && !ChildWords.Contains(r.Value)
            && (u.LowerAt(p.First - 1) == "for" || u.LowerAt(p.First - 1) is "my" or "our" && u.LowerAt(p.First - 2) == "for"));

    private static readonly HashSet<string> ChildWords = ["son", "daughter", "child", "kid", "kids", "children", "boy", "girl", "baby", "little one", "sons", "daughters", "boys", "girls"];

    private static bool IsChildOfOwner(Utterance u, int person) =>
        ChildWords.Contains(u.PhraseCovering(person)?.Of(PhraseKind.Recipient)?.Value ?? u.LowerAt(person)) || ChildWords.Contains(u.LowerAt(person));

    private static bool IsShoppersAge(Utterance u, RoledNumber number) =>
        u.LowerAt(number.Span.First - 1) is "a" or "an" && u.LowerAt(number.Span.First - 2) is "'m" or "\u2019m" or "im" or "am" or "as";

    private static bool IsPossessive(string token) => token is "'s" or "’s" or "s";

    private static bool IsPersonAt(Utterance u, int index) => u.IsRecipientAt(index) || Cues.PeopleWords.Contains(u.LowerAt(index));

    private static int LastOfPhrase(Utterance u, int index) => u.PhraseCovering(index)?.Last ?? index;

    private static string UnitOf(Utterance u, RoledNumber number) =>
        u.LowerAt(number.Span.Last + 1) == "-" ? u.LowerAt(number.Span.Last + 2) : u.LowerAt(number.Span.Last + 1);

    /// <summary>
    /// "almost a teenager", "nearly a teen": not yet the stage, so the year before it. A stage two years wide or less
    /// ("a toddler" 2-3, "junior infants" 4-5, "a baby" 0-1) is as good as stated ages, as a school year is: a product
    /// must fit both, so no 5+ toy reaches a 4-year-old in junior infants and no 3+ toy a 2-year-old toddler. A wider one
    /// ("a teenager", "primary school") is one person somewhere in it: a product need only overlap it.
    /// </summary>
    private static AgeRange NearlyStage(Utterance u, int first, int min, int max)
    {
        var before = u.LowerAt(first - 1) is "a" or "an" ? first - 2 : first - 1;
        return Cues.NearlyBefore.Contains(u.LowerAt(before)) && min > 0
            ? new AgeRange(min - 1, min - 1) { IsBand = true }
            : new AgeRange(min, max) { IsBand = max - min > 1 };
    }

    private static AgeRange RangeOf(Utterance u, RoledNumber number)
    {
        var span = number.Span;
        var value = (int)Math.Floor(span.Value);
        var unit = UnitOf(u, number);
        if (Cues.MonthUnitsAfter.Contains(unit)) return new AgeRange(value / 12, value / 12);
        if (Cues.WeekUnitsAfter.Contains(unit)) return new AgeRange(value / 52, value / 52);
        if (Cues.DayUnitsAfter.Contains(unit)) return new AgeRange(value / 365, value / 365);
        // "baby's first christmas": under one. Read from the occasion, not said, so like a stage word it gives way to a
        // recipient it cannot fit ("my wife's first christmas in ireland").
        if (NumberRoles.IsNthHoliday(u, span)) return new AgeRange(value - 1, value - 1) { IsBand = true };
        if (SchoolYear.Of(u, span) is { } schoolAges) return schoolAges;
        if (span.IsDecade) return DecadeRange(u, span.First, value);
        if (NumberRoles.IsDecadeSomething(u, span)) return new AgeRange(value, value + 9);
        // "coming up to 9": the age about to be reached, not "up to" as a ceiling.
        if (u.ReadsAt(span.First - 3, "coming", "up", "to")) return new AgeRange(value, value);
        return BudgetExtractor.QualifierBefore(u, span.First) switch
        {
            BudgetQualifier.Max when u.LowerAt(span.First - 1) is "under" or "below" => new AgeRange(0, Math.Max(0, value - 1)),
            BudgetQualifier.Max => new AgeRange(0, value),
            BudgetQualifier.Min => new AgeRange(value, 99),
            _ when value > 0 && (Cues.NearlyBefore.Contains(u.LowerAt(span.First - 1)) || u.ReadsAt(span.First - 2, "going", "on")) => new AgeRange(value - 1, value),
            _ => new AgeRange(value, value),
        };
    }

    private static AgeRange DecadeRange(Utterance u, int first, int decade)
    {
        var modifier = Enumerable.Range(Math.Max(0, first - 2), Math.Min(2, first)).Select(u.LowerAt).FirstOrDefault(w => w is "early" or "mid" or "late");
        return modifier switch
        {
            "early" => new AgeRange(decade, decade + 3),
            "mid" => new AgeRange(decade + 4, decade + 6),
            "late" => new AgeRange(decade + 7, decade + 9),
            _ => new AgeRange(decade, decade + 9),
        };
    }

    private static bool HasCorrection(Utterance u, List<RoledNumber> ages)
    {
        if (ages.Count < 2) return false;
        var lastStart = ages[^1].Span.First;
        return Enumerable.Range(0, lastStart).Any(i => Cues.CorrectionWords.Contains(u.LowerAt(i)) && !RulesOutAThing(u, i));
    }

    /// <summary>"loves space (no books), my daughter is 10": a "no" or "not" before a thing rules it out; it corrects nothing
    /// ("she's 8, no, 10", "not 8 but 10", "no wait").</summary>
    private static bool RulesOutAThing(Utterance u, int i) =>
        u.LowerAt(i) is "no" or "not" && u.NumberStartingAt(i + 1) is null
        && u.LowerAt(i + 1) is not ("," or "-" or "!" or "." or "wait" or "sorry" or "actually" or "she" or "he" or "they" or "it" or "i" or "she's" or "he's" or "")
        && !Cues.BeVerbs.Contains(u.LowerAt(i + 1));

    private static List<RoledNumber> LastGroup(List<RoledNumber> numbers)
    {
        var start = numbers.Count - 1;
        while (start > 0 && numbers[start].RangeWithPrevious) start--;
        return numbers.Skip(start).ToList();
    }
}
