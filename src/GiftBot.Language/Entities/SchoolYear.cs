using GiftBot.Language.Analysis;
using GiftBot.Language.Text;

namespace GiftBot.Language.Entities;

/// <summary>
/// A school year as the ages in it: "a 2nd grader", "in 4th grade", "grade 4" (US: grade n is ages n+5 to n+6) and
/// "in year 3", "a year 3 nephew" (UK: year n is ages n+4 to n+5), "in first class" (Ireland, as US grades), "in P3",
/// "in primary 3" (Scotland, as UK years), "in first year of secondary", "in S1" (secondary n is ages n+11 to n+12).
/// The number is then an age range, never a budget or a count.
/// </summary>
internal static class SchoolYear
{
    // "2nd standard", "3rd std": the Indian name for the same school years as US grades.
    private static readonly HashSet<string> GradeWords = ["grade", "grader", "graders", "grd", "standard", "std"];

    public static AgeRange? Of(Utterance u, NumberSpan span)
    {
        // Checked before rounding to an int: "999999999999" does not fit one, and is no school year anyway.
        if (span.Value is < 0.5m or >= 12.5m || span.First != span.Last && !span.IsOrdinal) return null;
        var value = (int)Math.Round(span.Value);
        var next = u.LowerAt(span.Last + 1) == "-" ? u.LowerAt(span.Last + 2) : u.LowerAt(span.Last + 1);
        if (span.IsOrdinal && GradeWords.Contains(next)) return new AgeRange(value + 5, value + 6);
        // "in first class", "in 3rd class" (Ireland: first class is ages 6 to 7); "first class" alone is the post.
        if (span.IsOrdinal && next == "class" && u.LowerAt(span.First - 1) == "in") return new AgeRange(value + 5, value + 6);
        var before = u.LowerAt(span.First - 1);
        if (before == "grade" && u.LowerAt(span.First - 2) is "in" or "a" or "is" or "'s") return new AgeRange(value + 5, value + 6);
        // "in year 3", and "my year 3 nephew" where the school year describes the person after it.
        if (before == "year" && !span.IsOrdinal && u.Numbers.All(n => n.Last != span.First - 2) && NamesTheSchoolYear(u, span))
            return new AgeRange(value + 4, value + 5);
        // "in P3", "in primary 4", "my P6 son" (Scotland: P1 starts at about five, as England's year 1).
        if ((before == "primary" || before == "p" && IsGlued(u, span.First - 1)) && !span.IsOrdinal && NamesTheSchoolYear(u, span))
            return new AgeRange(value + 4, value + 5);
        // "in secondary 1", "in S2", "in first year of secondary" (Ireland and Scotland: first year is ages 12 to 13).
        if ((before == "secondary" || before == "s" && IsGlued(u, span.First - 1)) && !span.IsOrdinal && value <= 6 && NamesTheSchoolYear(u, span)
            || span.IsOrdinal && value <= 6 && next == "year" && u.LowerAt(span.Last + 2) is "of" or "in" or "at" && u.LowerAt(span.Last + 3) == "secondary")
            return new AgeRange(value + 11, value + 12);
        return null;
    }

    /// <summary>
    /// "in year 3", "a year 3 nephew": the school year is where someone is, or describes the person after it; "going into
    /// year 7", "just started year 1", "starts P1": the one they are starting, whose ages they are (nearly) at.
    /// </summary>
    private static bool NamesTheSchoolYear(Utterance u, NumberSpan span) =>
        u.LowerAt(span.First - 2) is "in" or "into" or "starts" or "started" or "starting" or "start" or "entering" or "enters"
        || u.IsRecipientAt(span.Last + 1) || Cues.PeopleWords.Contains(u.LowerAt(span.Last + 1));

    // "P3" is one word split at the digit; "p 3" with a space is no school year.
    private static bool IsGlued(Utterance u, int letter) => u.Tokens[letter].End == u.Tokens[letter + 1].Start;
}
