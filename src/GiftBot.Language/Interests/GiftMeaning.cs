using GiftBot.Language.Text;
using GiftBot.Language.Analysis;
using GiftBot.Language.Entities;

namespace GiftBot.Language.Interests;

/// <summary>
/// What the rules alone cannot read: the wish in the shopper's words and the themes it means (by the sentence model),
/// and the age band a recipient (or, with no recipient, the occasion) implies when no age was given. Runs after the rule-based extractors.
/// </summary>
public sealed class GiftMeaning(RecipientAges recipientAges, ThemeMeaning? themes, IReadOnlySet<string>? kindsWithinThemes = null)
{
    public ExtractedEntities Enrich(Utterance u, ExtractedEntities entities)
    {
        entities = AmountTheRecipientCannotBe(u, entities);
        var negated = NegationScope.Compute(u);
        var wish = WishFinder.Find(u, entities, negated);
        var interests = entities.Interests;
        var matched = (IReadOnlyList<string>)[];
        if (wish is not null && themes is not null && NeedsMeaning(u, entities, wish))
        {
            (matched, _) = themes.Match(wish);
            var added = matched
                .Where(t => interests.All(i => i.Value != t) && entities.ExcludedInterests.All(e => e.Value != t))
                .Select(t => new EntityMention<string>(t, wish.First, wish.Last));
            interests = [.. interests, .. added];
        }
        var excluded = themes is null ? entities.ExcludedInterests : ExcludedThemes(u, entities.ExcludedInterests, entities.OwnedThings, interests, themes);
        // Words merely left over ("banana" to "how old?", "actually it's for my dad") are a wish only when they mean a theme.
        if (wish is { Cued: false } && matched.Count == 0 && !CoveredByThemeWords(u, wish)) wish = null;
        var age = entities.Age;
        var fromNumbers = entities.Numbers.Any(n => n.Role == NumberRole.Age);
        // "my wife wants to get back into running after the baby": a stage word that cannot be the named recipient's
        // age (a wife is no baby) is about someone else; the recipient's band stands, so a wife never gets baby toys.
        if (age is { } stage && !fromNumbers && RecipientBand(u, entities) is { } own && (own.Max < stage.Value.Min || own.Min > stage.Value.Max))
            age = null;
        // "a gift for my sister who just had her 1st baby": a stage word owned by someone ("her baby", "their new baby")
        // after the one the gift is said to be for is that person's child, not the recipient; the recipient's age is asked.
        if (age is { } owned && !fromNumbers && entities.Recipients is [var gifted, ..] && owned.First > gifted.Last
            && IsSaidToBeFor(u, gifted.First) && u.LowerAt(gifted.Last + 1) is not ("'s" or "'" or "s") && IsOwnedBySomeone(u, owned.First))
            age = null;
        // "my toddler, 18", "baby girl, 9", "my teenage son, 8": the number and the stage word disagree (months? someone
        // else's age?), so neither is trusted: the age is asked rather than guessed.
        if (age is { } said && fromNumbers && StageContradicting(u, said.Value, negated) is not null)
            return entities with { Age = null, AgeUnsure = true, Wish = wish, Interests = interests, ExcludedInterests = excluded, ImpliedAge = null };
        if (age is { } read && fromNumbers && IsNotTheRecipientsAge(u, entities, read.Value))
            age = null;
        // "the parents have said no screens, he's 7": the grown-up who speaks is not whom the gift is for.
        else if (age is { } child && entities.Recipients.Count > 0 && entities.Recipients.All(r => IsSpeaker(u, r))
            && RecipientBand(u, entities) is { Min: >= 13 } band && child.Value.Max < band.Min - 1)
            entities = entities with { Recipients = [] };
        return entities with { Age = age, Wish = wish, Interests = interests, ExcludedInterests = excluded, ImpliedAge = age is null ? BandOf(u, entities, wish) : null };
    }

    /// <summary>
    /// A stage word said of the recipient ("toddler", "baby", "teen", "adult") whose ages, give or take a year, do not
    /// hold the stated age; null when there is none. "my baby brother", "baby dolls", "adult colouring books": a stage
    /// word before a thing describes that, not the recipient, and "baby" before a person is a pet name ("my teenage son"
    /// still says a teen); "not a baby any more" is no stage.
    /// </summary>
    private static PhraseMatch? StageContradicting(Utterance u, AgeRange age, NegationScope negated) =>
        u.Phrases.FirstOrDefault(p => p.Of(PhraseKind.AgeWord) is { } stage && !negated[p.First] && u.NumberStartingAt(p.Last + 1) is null
            && !(u.PhraseCovering(p.Last + 1) is { } next && next.Entries.Any(e => e.Kind is PhraseKind.Interest or PhraseKind.Occasion
                || e.Kind == PhraseKind.Recipient && u.LowerAt(p.Last) is "baby" or "babies"))
            && u.TokenAt(p.Last + 1) is not { IsWord: true, Lower: "doll" or "dolls" or "clothes" or "toys" or "toy" or "books" or "book" or "stuff" or "things" or "colouring" or "coloring" or "shower" or "gift" or "gifts" or "fiction" or "section" }
            && (age.Min < stage.MinAge - 1 || age.Max > stage.MaxAge + 1));

    /// <summary>
    /// "1st anniversary for the hubby (1 yr)", "my wife 1st mothers day", "grandmother in a care home 2 months now": a
    /// number read as an age that the recipient's band (recipient-ages.json) cannot hold is about something else (how
    /// long, which time), so the band stands and a wife is never shown baby toys. Only when every person named is in a
    /// band that cannot hold it ("for my colleague, her son is 6" keeps the 6) and no number is written as someone's age
    /// ("my sister in law's 3 year old", "aged 2").
    /// </summary>
    private bool IsNotTheRecipientsAge(Utterance u, ExtractedEntities entities, AgeRange age)
    {
        if (entities.Recipients.Count == 0) return false;
        var ages = entities.Numbers.Where(n => n.Role == NumberRole.Age).ToList();
        if (ages.Any(n => NumberRoles.IsWrittenAsAge(u, n.Span))) return false;
        // "her mum says no more soft toys, she's 2": someone's relative named is not whom the gift is for, unless said to
        // be ("this is for their mum").
        // "the parents have said no screens, he's 7", "enough with the puzzles, grandma, she's 7": a grown-up who speaks or
        // signs the message is not whom the gift is for; the child's age stands.
        if (entities.Recipients.All(r => IsSpeaker(u, r))) return false;
        if (entities.Recipients.All(r => CannotBe(r, age))
            && !entities.Recipients.Any(r => u.LowerAt(r.First - 1) is "his" or "her" or "their" && u.LowerAt(r.First - 2) != "for")) return true;
        // "a gift for the new mum - baby is 2 months": the one the gift is said to be for cannot be that age, which is
        // said of someone named after them (the baby); the gift's recipient keeps their band.
        var first = entities.Recipients[0];
        return CannotBe(first, age) && IsSaidToBeFor(u, first.First) && u.LowerAt(first.Last + 1) is not ("'s" or "'" or "s")
            && ages.All(n => entities.Recipients.Skip(1).Any(r => r.Last < n.Span.First && n.Span.First - r.Last <= 3));

        // Only a grown-up's band rules a child's age out: "a little one, 1" is still one, and "our little guy who is 2"
        // or "the small fella" is no adult whatever the noun says.
        bool CannotBe(EntityMention<string> r, AgeRange a) =>
            recipientAges.For(u.Slice(r.First, r.Last), r.Value) is { Min: >= 13 } band && a.Max < band.Min - 1
            && u.LowerAt(r.First - 1) is not ("little" or "lil" or "small" or "wee" or "tiny" or "baby" or "young");
    }

    private static readonly HashSet<string> SayingVerbs = ["said", "says", "say", "asked", "asks", "told", "tells", "insist", "insists", "insisted", "here", "writing"];

    /// <summary>
    /// "the parents have said ...", "grandma here", ", grandma, she's 7": the recipient word is who speaks (followed by a
    /// saying verb) or an aside between commas with no "my" or "for" before it, not whom the gift is for.
    /// </summary>
    private static bool IsSpeaker(Utterance u, EntityMention<string> r)
    {
        var next = u.LowerAt(r.Last + 1) is "have" or "has" or "'ve" or "had" or "just" or "always" ? r.Last + 2 : r.Last + 1;
        if (SayingVerbs.Contains(u.LowerAt(next)) || u.ReadsAt(r.Last + 1, "(", "writing")) return true;
        return u.LowerAt(r.First - 1) == "," && u.LowerAt(r.Last + 1) == "," && u.LowerAt(r.Last + 2) is "he" or "she" or "they";
    }

    // "gift for my wife", "a present for the new mum": "for" after a gift word, up to three words before the recipient.
    private static bool IsSaidToBeFor(Utterance u, int recipient)
    {
        for (var k = recipient - 1; k >= Math.Max(1, recipient - 3) && u.Tokens[k].IsWord; k--)
            if (u.LowerAt(k) == "for") return u.LowerAt(k - 1) is "gift" or "gifts" or "present" or "presents" or "pressie" or "prezzie" or "something" or "treat";
        return false;
    }

    private static bool IsOwnedBySomeone(Utterance u, int stage)
    {
        var before = stage - 1;
        if (u.LowerAt(before) is "new" or "little" or "newborn") before--;
        if (u.NumberEndingAt(before) is { } nth) before = nth.First - 1;
        return u.LowerAt(before) is "her" or "his" or "their";
    }


    /// <summary>
    /// "a gift for my kid's teacher, 15", "infant boy, 20", "grandad, 20, loves trains": the message's only number, bare
    /// after the recipient, read as their age although the recipient cannot be that old (a teacher is no 15-year-old, an
    /// infant no 20-year-old, a grandad no younger than recipient-ages.json youngestAges says), is
    /// what the shopper spends. Left as an age, the budget would be asked again and the products chosen for a wrong age.
    /// "coworker, 20", "boss, 30, she likes wine": a recipient whose age shoppers seldom know or say
    /// (content/language/recipient-ages.json ageSeldomSaid) is given the budget, not an age; a number in brackets
    /// ("my colleague (58)") or with an age's shape ("my 50 year old boss") stays the age.
    /// </summary>
    private ExtractedEntities AmountTheRecipientCannotBe(Utterance u, ExtractedEntities entities)
    {
        if (AmountTheOccasionCannotBe(u, entities) is { } read) return read;
        if (entities is not { Age.Value: { IsBand: false } age, Budget: null } || age.Min != age.Max) return entities;
        if (entities.Numbers is not [{ Role: NumberRole.Age, RangeWithPrevious: false } only] || NumberRoles.IsAgeByShape(u, only.Span)) return entities;
        if (RecipientBand(u, entities) is not { } band) return entities;
        var first = entities.Recipients[0];
        var outside = age.Min < band.Min || age.Min > band.Max || age.Min < recipientAges.YoungestAgeOf(u.Slice(first.First, first.Last), first.Value);
        var ageUnsaid = recipientAges.IsAgeSeldomSaid(u.Slice(first.First, first.Last), first.Value) && u.LowerAt(only.Span.First - 1) != "(";
        if (!outside && !ageUnsaid) return entities;
        var amount = new EntityMention<Budget>(new Budget(null, only.Span.Value, null), only.Span.First, only.Span.Last);
        return entities with { Age = null, Budget = amount, Numbers = [only with { Role = NumberRole.Budget }] };
    }

    /// <summary>
    /// "baby shower present for my cousin, 45", "baptism 40", "communion gift, 30": the message's only number, bare (not
    /// written as an age), which the band of the child's occasion (recipient-ages.json occasions: a christening is a
    /// baby's, a communion a child's) cannot hold, is what the shopper spends, whether it was read as an age or as
    /// nothing. Only when the recipient is in no band of their own or is whose occasion it is ("a baby shower for my coworker, 30").
    /// </summary>
    private ExtractedEntities? AmountTheOccasionCannotBe(Utterance u, ExtractedEntities entities)
    {
        if (entities is not { Budget: null } || entities.Numbers is not [{ Role: NumberRole.Age or NumberRole.Unknown, RangeWithPrevious: false } only]
            || NumberRoles.IsAgeByShape(u, only.Span) || only.Span.IsOrdinal) return null;
        if (ChildsOccasion(u, entities) is not { } band || only.Span.Value >= band.Min && only.Span.Value <= band.Max) return null;
        var amount = new EntityMention<Budget>(new Budget(null, only.Span.Value, null), only.Span.First, only.Span.Last);
        return entities with { Age = null, Budget = amount, Numbers = [only with { Role = NumberRole.Budget }] };
    }

    /// <summary>
    /// The band of a child's occasion (a baby shower, a christening, a communion: recipient-ages.json) that decides
    /// whom the gift is for: when no recipient is named, the one named has no band, or the one named is whose occasion it
    /// is ("a baby shower for my coworker", "my colleague's christening"). Null when the shopper says the gift is for the
    /// parent ("the gift is for her", "something for herself").
    /// </summary>
    private RecipientAges.Band? ChildsOccasion(Utterance u, ExtractedEntities entities)
    {
        var occasion = entities.Occasions.Select(o => (Mention: o, Band: recipientAges.ForOccasion(o.Value))).FirstOrDefault(o => o.Band is { Max: < 13 });
        if (occasion.Band is null || IsForTheParent(u)) return null;
        if (entities.Recipients.FirstOrDefault() is not { } first || RecipientBand(u, entities) is null || IsOccasionsOwner(u, occasion.Mention, first)) return occasion.Band;
        return null;
    }

    private bool IsForTheParent(Utterance u) => recipientAges.SaysForTheParent(string.Join(' ', u.Tokens.Select(t => t.Lower)));

    /// <summary>
    /// "a baby shower for my coworker", "my colleague's baby shower": the occasion is held for them. A gift said to be for
    /// them ("christening gift for my aunt") is theirs, so the recipient's band stands.
    /// </summary>
    private static bool IsOccasionsOwner(Utterance u, EntityMention<string> occasion, EntityMention<string> recipient)
    {
        var i = occasion.Last + 1;
        if (u.LowerAt(i) == "for")
        {
            i++;
            if (u.LowerAt(i) is "my" or "the" or "a" or "our" or "his" or "her") i++;
            if (recipient.First == i) return true;
        }
        var j = occasion.First - 1;
        if (u.NumberEndingAt(j) is { IsOrdinal: true } nth) j = nth.First - 1;
        return u.LowerAt(j) is "'s" or "'" && recipient.Last == j - 1;
    }

    /// <summary>
    /// "no makeup please" rules out the theme the word means (fashion) as well as the word, unless that theme is wanted
    /// ("loves science, no slime kits" keeps science). A ruled-out word needs to be closer to a theme than a wish does.
    /// </summary>
    private IReadOnlyList<EntityMention<string>> ExcludedThemes(Utterance u, IReadOnlyList<EntityMention<string>> excluded, IReadOnlyList<EntityMention<string>> owned, IReadOnlyList<EntityMention<string>> wanted, ThemeMeaning themes)
    {
        var result = excluded.ToList();
        foreach (var word in excluded.Where(e => !themes.IsTheme(e.Value)))
        {
            // "already has a head torch": owning one is no dislike of what it is for.
            if (owned.Contains(word)) continue;
            // "no slime", "not another harry potter": one kind inside its theme (lexicon kindsWithinThemes), the theme not ruled out.
            if (kindsWithinThemes is not null && kindsWithinThemes.Contains(WordForms.Key(u.Tokens.Skip(word.First).Take(word.Last - word.First + 1)))) continue;
            // "no 🧸", "no stuffed toys": a kind of product (its catalog word ruled out on the same words) is no theme.
            if (excluded.Any(k => k != word && !themes.IsTheme(k.Value) && k.First <= word.Last && word.First <= k.Last)) continue;
            var (matched, best) = themes.Match(new Wish(word.Value, word.First, word.Last, Cued: false));
            if (matched.Count == 0 || best < ThemeMeaning.ExclusionThreshold) continue;
            var theme = matched[0];
            if (wanted.All(w => w.Value != theme) && result.All(e => e.Value != theme)) result.Add(new EntityMention<string>(theme, word.First, word.Last));
        }
        return result;
    }

    // A wish the theme words already cover ("loves dinosaurs") needs no model.
    private static bool NeedsMeaning(Utterance u, ExtractedEntities entities, Wish wish) => !CoveredByThemeWords(u, wish);

    private static bool CoveredByThemeWords(Utterance u, Wish wish) =>
        Enumerable.Range(wish.First, wish.Last - wish.First + 1).All(i => u.PhraseCovering(i)?.Of(PhraseKind.Interest) is not null || !u.Tokens[i].IsWord);

    private RecipientAges.Band? RecipientBand(Utterance u, ExtractedEntities entities) =>
        entities.Recipients.FirstOrDefault() is { } first ? recipientAges.For(u.Slice(first.First, first.Last), first.Value) : null;

    /// <summary>
    /// "my firefighter friend": a word placing the recipient in a band; "my big sister": the shopper's elder; "mum's
    /// friend", "my wife's sister": a peer has the band of whoever they belong to.
    /// </summary>
    private RecipientAges.Band? DescribedOrOwnedBand(Utterance u, EntityMention<string> recipient)
    {
        var before = recipient.First - 1;
        if (u.Tokens.ElementAtOrDefault(before) is { IsWord: true } && recipientAges.ForDescriber(u.LowerAt(before)) is { } described) return described;
        if (!recipientAges.IsPeer(recipient.Value)) return null;
        // "my big sister" (one phrase), "my big bro": the shopper's elder is an adult.
        var elder = recipientAges.IsOwnElderWord(u.LowerAt(recipient.First)) ? recipient.First : recipientAges.IsOwnElderWord(u.LowerAt(before)) ? before : -1;
        if (elder >= 0 && u.LowerAt(elder - 1) == "my") return recipientAges.Adult;
        var possessive = u.LowerAt(before) is "'s" or "'" ? before : u.LowerAt(before - 1) is "'s" or "'" ? before - 1 : -1;
        if (possessive < 1 || u.PhraseCovering(possessive - 1) is not { } owner || owner.Of(PhraseKind.Recipient) is not { } ownerEntry) return null;
        return recipientAges.For(u.Slice(owner.First, owner.Last), ownerEntry.Value);
    }

    /// <summary>
    /// "my son's best friend", "my 7 year old's bff": a peer owned by someone is of the owner's generation, whatever band
    /// the word alone implies (a best friend alone is an adult). The owner's stated age places them near it; an owner in
    /// no band ("my son's") leaves the age to be asked rather than guessed.
    /// </summary>
    private bool IsOwnedPeer(Utterance u, EntityMention<string> recipient, out RecipientAges.Band? ownersBand)
    {
        ownersBand = null;
        if (!recipientAges.TakesOwnersGeneration(recipient.Value)) return false;
        var possessive = u.LowerAt(recipient.First - 1) is "'s" or "'" or "s" ? recipient.First - 1 : -1;
        if (possessive < 1) return false;
        if (u.PhraseCovering(possessive - 1) is { } owner && owner.Of(PhraseKind.Recipient) is { } ownerEntry)
        {
            ownersBand = recipientAges.For(u.Slice(owner.First, owner.Last), ownerEntry.Value);
            return true;
        }
        var ownersAge = u.Numbers.LastOrDefault(n => n.Last < possessive && possessive - n.Last <= 4 && NumberRoles.IsAgeByShape(u, n));
        if (ownersAge is null) return false;
        var age = (int)ownersAge.Value;
        // The owner's age give or take a year; the name, only a label, is the content file's band for that age if it has one.
        ownersBand = new RecipientAges.Band { Name = recipientAges.Containing(age)?.Name ?? "", Min = Math.Max(0, age - 1), Max = age + 1 };
        return true;
    }

    private static bool IsOccasionsOwnerAny(Utterance u, ExtractedEntities entities, EntityMention<string> recipient) =>
        entities.Occasions.Any(o => IsOccasionsOwner(u, o, recipient));

    /// <summary>The band a recipient word implies on its own ("mum": adult), as a band; null when it implies none ("nephew").</summary>
    public AgeRange? BandOfRecipient(Utterance u, EntityMention<string> recipient) =>
        recipientAges.For(u.Slice(recipient.First, recipient.Last), recipient.Value) is { } band ? new AgeRange(band.Min, band.Max) { IsBand = true } : null;

    private AgeBand? BandOf(Utterance u, ExtractedEntities entities, Wish? wish)
    {
        // The recipient's band first; when the recipient says nothing ("a christening gift for my nephew") or none is
        // named ("a retirement gift"), the occasion's.
        var first = entities.Recipients.FirstOrDefault();
        // "going to a baby shower for my coworker": the gift is for the baby, not the coworker whose shower it is;
        // "baby shower for my sister, something for herself": the gift is for the parent, an adult.
        if (entities.Occasions.Any(o => recipientAges.ForOccasion(o.Value) is { Max: < 13 }))
        {
            if (IsForTheParent(u)) return recipientAges.Adult is { } adult ? new AgeBand(adult.Name, adult.Min, adult.Max) : null;
            if (first is not null && ChildsOccasion(u, entities) is { } childs && IsOccasionsOwnerAny(u, entities, first))
                return new AgeBand(childs.Name, childs.Min, childs.Max);
        }
        var band = (first is null ? null
                : IsOwnedPeer(u, first, out var ownersBand) ? ownersBand
                : recipientAges.For(u.Slice(first.First, first.Last), first.Value) ?? DescribedOrOwnedBand(u, first))
            // "my roommate is a plant lady": a person word describing the recipient says what the recipient alone does not.
            ?? entities.Recipients.Skip(1).Where(r => NumberRoles.Describes(u, r.First))
                .Select(r => recipientAges.For(u.Slice(r.First, r.Last), r.Value)).FirstOrDefault(b => b is not null)
            ?? entities.Occasions.Select(o => recipientAges.ForOccasion(o.Value)).FirstOrDefault(b => b is not null)
            // "my sister loves gin": what only adults love settles it for a recipient in no band.
            ?? (wish is null ? null : recipientAges.ForWish(wish.Text));
        return band is null ? null : new AgeBand(band.Name, band.Min, band.Max);
    }
}
