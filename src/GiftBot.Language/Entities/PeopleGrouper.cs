using GiftBot.Language.Analysis;

namespace GiftBot.Language.Entities;

/// <summary>
/// Several people named in one message, each with what was said of them ("Lily 8 likes horses, Sam 5 likes dinosaurs",
/// "my son is 4 and loves dinosaurs, my daughter is 8 and into art", "my nephew (6, trucks) and my niece (10, crafts)",
/// "three grandkids, 5 7 and 9, 20 each"), so a shop assistant can serve them one at a time. Each stated age is a
/// person; the words between one person and the next (a name or recipient word, then the age) are theirs. Empty when the
/// people are alike (twins, "two kids aged 8, both into space"): they are one search, as before.
/// </summary>
public static class PeopleGrouper
{
    // Words between a name or recipient word and its age: "Sam is 5", "Lily (8", "Ethan, 6", "Charlie is turning 9".
    private static readonly HashSet<string> BeforeAge =
        ["is", "'s", "s", "who", "who's", "whos", "turning", "turns", "turned", "just", "now", "aged", "age", "(", ",", "-", ":", "=", "nearly", "almost", "will", "be"];
    // Words that lead into a person and belong to them: "my daughter", "the girl", "his sister".
    private static readonly HashSet<string> Leading = ["my", "the", "our", "his", "her", "their", "a", "an", "little", "big", "for", "one"];
    // "..., both love horses": what follows the last person is said of all of them.
    private static readonly HashSet<string> AllOfThem = ["both", "all", "they", "them", "each", "everyone"];

    /// <param name="bandOf">The age band a recipient word implies ("mum": adult), for people named without an age.</param>
    public static IReadOnlyList<Person> Group(Utterance u, ExtractedEntities entities, Func<Utterance, EntityMention<string>, AgeRange?>? bandOf = null)
    {
        var byAge = GroupByAge(u, entities);
        return byAge.Count > 0 || bandOf is null ? byAge : GroupByRecipient(u, entities, bandOf);
    }

    /// <summary>
    /// "my mum (loves gardening), dad (golf) and my sister who is 15 and into kpop", "my son loves lego and his friend
    /// loves football": recipient words each followed by what they love, and the loves differ. Each is a person with the
    /// age said of them or else the band their word implies. Conservative: every one must have a love of their own, and
    /// "both"/"all of them" makes them alike.
    /// </summary>
    private static IReadOnlyList<Person> GroupByRecipient(Utterance u, ExtractedEntities entities, Func<Utterance, EntityMention<string>, AgeRange?> bandOf)
    {
        var recipients = entities.Recipients.OrderBy(r => r.First).ToList();
        if (recipients.Count < 2 || recipients.Zip(recipients.Skip(1)).Any(pair => pair.Second.First <= pair.First.Last)) return [];
        if (u.Tokens.Any(t => t.Lower is "both" or "all" or "everyone")) return [];
        // A gift each must be said ("30 each", "3 presents"): "my nephew loves cars, his sister loves unicorns" may be one gift.
        if (!(entities.Budget?.Value is { PerGift: true } or { Count: > 1 } || u.Tokens.Any(t => t.Lower is "gifts" or "presents" or "pressies" or "prezzies"))) return [];
        var starts = recipients.Select((r, k) => k == 0 ? 0 : LeadOf(u, r.First, recipients[k - 1].Last)).ToList();
        int SegmentOf(int token)
        {
            for (var k = starts.Count - 1; k >= 0; k--)
                if (token >= starts[k]) return k;
            return 0;
        }
        var interests = recipients.Select(_ => new List<EntityMention<string>>()).ToList();
        foreach (var mention in entities.Interests) interests[SegmentOf(mention.First)].Add(mention);
        if (interests.Any(list => list.Count == 0)
            || interests.Select(list => string.Join("|", list.Select(m => m.Value).Distinct().Order())).Distinct().Count() < recipients.Count) return [];

        var ages = entities.Numbers.Where(n => n.Role == NumberRole.Age && n.Span.Value == Math.Floor(n.Span.Value)).ToList();
        var people = new List<Person>();
        for (var k = 0; k < recipients.Count; k++)
        {
            var recipient = recipients[k];
            var own = ages.Where(n => SegmentOf(n.Span.First) == k).ToList();
            var age = own.Count == 1 ? new AgeRange((int)own[0].Span.Value, (int)own[0].Span.Value) : bandOf(u, recipient);
            var words = string.Join(", ", interests[k].Select(m => u.Slice(m.First, m.Last)).Distinct(StringComparer.OrdinalIgnoreCase));
            var wish = entities.Wish is { } w && SegmentOf(w.First) == k && interests[k].Any(m => m.First >= w.First && m.Last <= w.Last) ? w.Text : words;
            people.Add(new Person(null, recipient.Value, u.Slice(recipient.First, recipient.Last), age, interests[k].Select(m => m.Value).Distinct().ToList(), wish, words));
        }
        return people;
    }

    private static IReadOnlyList<Person> GroupByAge(Utterance u, ExtractedEntities entities)
    {
        if (entities.Age is not { Value: { IsBand: false } age }) return [];
        var ages = entities.Numbers
            .Where(n => n.Role == NumberRole.Age && n.Span.Value >= age.Min && n.Span.Value <= age.Max && n.Span.Value == Math.Floor(n.Span.Value))
            .OrderBy(n => n.Span.First).ToList();
        if (ages.Count < 2) return [];

        var anchors = new List<(int Start, string? Name, EntityMention<string>? Recipient, bool After)>();
        var previousEnd = -1;
        for (var k = 0; k < ages.Count; k++)
        {
            var span = ages[k].Span;
            var nextStart = k + 1 < ages.Count ? ages[k + 1].Span.First : u.Tokens.Count;
            var (start, name, recipient, after) = AnchorOf(u, entities, span.First, span.Last, previousEnd, nextStart);
            anchors.Add((start, name, recipient, after));
            previousEnd = Math.Max(span.Last, recipient?.Last ?? span.Last);
        }

        // An age with no name or recipient word of its own is someone else only in a list of ages that each get a gift
        // ("three grandkids, 5 7 and 9, 20 each"); "9 (nearly 10)", "6 or 7", "11-12" are one person's age, unsure.
        var eachGift = entities.Budget?.Value is { } each && (each.PerGift || each.Count > 1);
        var kept = Enumerable.Range(0, ages.Count)
            .Where(k => k == 0 || !Unsure(u, ages[k - 1].Span.Last, ages[k].Span.First)
                && (anchors[k].Name is not null || anchors[k].Recipient is not null || eachGift && Listed(u, ages[k - 1].Span.Last, ages[k].Span.First)))
            .ToList();
        if (kept.Count < 2) return [];
        ages = kept.Select(k => ages[k]).ToList();
        anchors = kept.Select(k => anchors[k]).ToList();

        // Segment k runs from its anchor to the next one; the first also holds whatever leads the message. Ages listed after
        // one word ("two kids aged 1 and 3, mad about cooking") share one segment: what is said there is said of them all.
        // "5yo and 9yo sisters": a recipient word after the listed ages names them all.
        var own = anchors.Select((a, k) => k == 0 || a.Name is not null
            || a.Recipient is not null && !(a.After && anchors[k - 1].Name is null && anchors[k - 1].Recipient is null)).ToList();
        var starts = anchors.Select((a, k) => k == 0 ? 0 : own[k] ? a.Start : int.MaxValue).ToList();
        int SegmentOf(int token)
        {
            for (var k = starts.Count - 1; k >= 0; k--)
                if (token >= starts[k]) return k;
            return 0;
        }
        int GroupOf(int person)
        {
            while (person > 0 && !own[person]) person--;
            return person;
        }
        var lastAge = ages[^1].Span.Last;
        var interests = Enumerable.Range(0, ages.Count).Select(_ => new List<EntityMention<string>>()).ToList();
        foreach (var mention in entities.Interests)
        {
            var saidOfAll = mention.First > lastAge && Enumerable.Range(lastAge + 1, mention.First - lastAge - 1).Any(i => AllOfThem.Contains(u.LowerAt(i)));
            if (saidOfAll) interests.ForEach(list => list.Add(mention));
            else interests[SegmentOf(mention.First)].Add(mention);
        }
        // "son (8) and daughter (5), into space", "my daughter's 6, my son's 9, ..., he loves football": set apart after the
        // last person while nobody before was said to love anything, it is said of them all (or of one the rules cannot tell).
        var lastGroup = Enumerable.Range(0, ages.Count).Last(k => own[k]);
        if (Enumerable.Range(0, lastGroup).All(k => interests[k].Count == 0))
        {
            var trailing = interests[lastGroup].Where(m => m.First > lastAge && SetApart(u, anchors[lastGroup].Start, lastAge, m.First)).ToList();
            foreach (var k in Enumerable.Range(0, lastGroup)) interests[k].AddRange(trailing);
        }

        var people = new List<Person>();
        for (var k = 0; k < ages.Count; k++)
        {
            var years = (int)ages[k].Span.Value;
            var mine = interests[GroupOf(k)];
            var words = mine.Count == 0 ? null : string.Join(", ", mine.Select(m => u.Slice(m.First, m.Last)).Distinct(StringComparer.OrdinalIgnoreCase));
            var wish = entities.Wish is { } w && SegmentOf(w.First) == GroupOf(k) && mine.Any(m => m.First >= w.First && m.Last <= w.Last) ? w.Text : words;
            var recipient = anchors[k].Recipient;
            people.Add(new Person(anchors[k].Name, recipient?.Value, recipient is null ? null : u.Slice(recipient.First, recipient.Last),
                new AgeRange(years, years), mine.Select(m => m.Value).Distinct().ToList(), wish, words));
        }

        // "my granddaughters are 4 and 9", "three grandkids, 5 7 and 9": ages listed after one plural word are told apart by age alone.
        for (var k = 1; k < people.Count; k++)
            if (anchors[k].Name is null && anchors[k].Recipient is null && anchors[k - 1].Name is null)
            {
                people[k - 1] = people[k - 1] with { RecipientWords = null };
                people[k] = people[k] with { Recipient = people[k - 1].Recipient };
            }

        // What they love differs: one carousel cannot fit them all. With nothing said of what anyone loves, several ages are
        // several people when a gift each is said ("20 each", "for both", a name or recipient word per child). One love shared
        // by all ("grandsons (5 and 7) both into trains") stays one search whose products fit every age, as before.
        var interestsDiffer = people.Select(p => string.Join("|", p.Interests.Order())).Distinct().Count() > 1;
        var severalGifts = entities.Budget?.Value is { } budget && (budget.PerGift || budget.Count > 1)
            || people.Count(p => p.Name is not null) > 1 || people.Select(p => p.Recipient).Where(r => r is not null).Distinct().Count() > 1;
        var agesDiffer = people.Select(p => p.Age).Distinct().Count() > 1;
        return interestsDiffer || agesDiffer && severalGifts && people.All(p => p.Interests.Count == 0) ? people : [];
    }

    /// <summary>Where a person starts, and the name or recipient word that says who they are ("Sam 5", "my daughter is 8", "my 8 yo daughter").</summary>
    private static (int Start, string? Name, EntityMention<string>? Recipient, bool After) AnchorOf(Utterance u, ExtractedEntities entities, int first, int last, int previousEnd, int nextStart)
    {
        var i = first - 1;
        while (i > previousEnd && first - i <= 4 && BeforeAge.Contains(u.LowerAt(i))) i--;
        if (i > previousEnd && IsName(u, i))
            return (LeadOf(u, i, previousEnd), u.Tokens[i].Text, null, false);
        var before = entities.Recipients.Concat(RecipientPhrases(u)).FirstOrDefault(r => r.Last == i && r.First > previousEnd);
        if (before is not null)
            return (LeadOf(u, before.First, previousEnd), null, before, false);
        // "my 8 yo daughter", "a 4 year old son": the recipient word right after the age.
        var after = RecipientPhrases(u).FirstOrDefault(r => r.First > last && r.First - last <= 4 && r.First < nextStart);
        return (LeadOf(u, first, previousEnd), null, after, after is not null);
    }

    /// <summary>A clause break (",", "-", ";", a closing bracket) between the last age and <paramref name="token"/>, outside
    /// the last person's own brackets: "(10, crafts)" stays theirs, "(5), into space" does not.</summary>
    private static bool SetApart(Utterance u, int personStart, int lastAge, int token)
    {
        var open = Enumerable.Range(personStart, Math.Max(0, lastAge - personStart + 1)).Count(i => u.LowerAt(i) == "(")
            - Enumerable.Range(personStart, Math.Max(0, lastAge - personStart + 1)).Count(i => u.LowerAt(i) == ")") > 0;
        for (var i = lastAge + 1; i < token; i++)
        {
            if (u.LowerAt(i) == ")") { if (open) return true; open = false; }
            else if (!open && u.LowerAt(i) is "," or ";" or "-" or "." or ":") return true;
        }
        return false;
    }

    /// <summary>"9-10", "6 or 7", "9 (nearly 10)", "7 to 8": one person's age, unsure or a range. "Nina 7 - crafts, Otto 4 -
    /// cars": a dash or word further from the next age says nothing about it.</summary>
    private static bool Unsure(Utterance u, int previousLast, int first) =>
        first - previousLast - 1 <= 3 && Enumerable.Range(previousLast + 1, Math.Max(0, first - previousLast - 1))
            .Any(i => u.LowerAt(i) is "-" or "to" or "or" or "/" or "nearly" or "almost" or "maybe" or "prob" or "probably" or "turning" or "going" or "ish");

    /// <summary>Only list separators (or nothing) between two ages: "5 7 and 9", "4, 6 and 9".</summary>
    private static bool Listed(Utterance u, int previousLast, int first) =>
        Enumerable.Range(previousLast + 1, Math.Max(0, first - previousLast - 1)).All(i => u.LowerAt(i) is "," or "and" or "&" or "+");

    private static IEnumerable<EntityMention<string>> RecipientPhrases(Utterance u) =>
        u.Phrases.Where(p => p.Of(PhraseKind.Recipient) is not null).Select(p => new EntityMention<string>(p.Of(PhraseKind.Recipient)!.Value, p.First, p.Last));

    private static int LeadOf(Utterance u, int start, int previousEnd)
    {
        while (start - 1 > previousEnd && Leading.Contains(u.LowerAt(start - 1))) start--;
        return start;
    }

    // A capitalised word that is no known phrase: "Lily", "Sam". "I" and the message's own first word ("Need 2 ...") need an age after them to get here.
    private static bool IsName(Utterance u, int index) =>
        u.TokenAt(index) is { IsWord: true } t && t.Text.Length >= 2 && char.IsUpper(t.Text[0]) && t.Text.Skip(1).All(char.IsLower)
        && u.PhraseCovering(index) is null;
}
