using GiftBot.Language.Analysis;

namespace GiftBot.Language.Entities;

/// <summary>
/// Marks the tokens a negation rules out: "not lego", "no books", "anything but books", "nothing with puzzles",
/// "animals instead of dinosaurs", "he doesn't like space anymore". A scope ends at punctuation, at "but",
/// or at "and"/"or" unless another interest follows ("no lego or books").
/// </summary>
public sealed class NegationScope
{
    private readonly bool[] _negated;
    private readonly bool[] _owned;
    private readonly bool[] _idiom;
    private readonly List<int> _starts = [];

    private NegationScope(int tokenCount)
    {
        _negated = new bool[tokenCount];
        _owned = new bool[tokenCount];
        _idiom = new bool[tokenCount];
    }

    /// <summary>True when the token is ruled out only because the recipient already has it ("already has lots of lego").</summary>
    public bool IsOwned(int token) => token >= 0 && token < _owned.Length && _owned[token];

    public bool this[int token] => token >= 0 && token < _negated.Length && _negated[token];

    /// <summary>True inside the idiom "not his cup of tea": the tea is no interest, wanted or ruled out.</summary>
    public bool IsIdiom(int token) => token >= 0 && token < _idiom.Length && _idiom[token];

    /// <summary>The first token inside each negation.</summary>
    public IReadOnlyList<int> Starts => _starts;

    private const int MaxScope = 5;
    private static readonly HashSet<string> Cues = ["not", "no", "'t", "never", "without", "except", "excluding", "nothing", "hates", "hate", "dislikes", "dislike", "none", "nothin", "forget", "outgrown", "swap", "replace", "avoid", "avoiding", "minus", "zero", "neither", "refuses", "refuse", "refused", "skip",
        // "outgrew board games", "loathes screens", "is hating the books", "meh on board games", "mum banned slime".
        "outgrew", "outgrows", "loathes", "loathe", "detests", "detest", "despises", "despise", "hating", "meh", "banned", "bans", "vetoed",
        // "we're banning screens this year".
        "banning",
        // "sans books this time".
        "sans",
        // "nuthin w screens", "nuffin noisy": "nothing" as it is texted.
        "nuthin", "nuffin", "nuthing"];
    private static readonly HashSet<string> Stops = [",", ".", "!", "?", ";", ":", "but", "instead", "how", "try", "maybe", "rather", "then", "so"];

    public static NegationScope Compute(Utterance u)
    {
        var scope = new NegationScope(u.Tokens.Count);
        var cancelled = new HashSet<int>();
        for (var i = 0; i < u.Tokens.Count; i++)
        {
            if (cancelled.Contains(i) || !StartsScope(u, i)) continue;
            // A cue inside a known phrase ("no limit", "money is no object") is not a negation, nor is not knowing what to
            // choose ("no idea what my boss likes", "no clue what to get him"); doubt about a thing ("not sure she'd like
            // books", "no idea if he still likes lego") still keeps it out, as a negation would.
            if (u.PhraseCovering(i) is { } known && (known.Of(PhraseKind.Unsure) is null || u.LowerAt(known.Last + 1) is "what" or "which" or "how")) continue;
            // "sport is not his cup of tea": the verdict points back at the thing before it (see MarkRuledOutBackReferences);
            // the tea in it is nothing the recipient loves or is denied.
            if (NotTheirThing(u, i))
            {
                var idiomEnd = i + 1;
                for (; idiomEnd < u.Tokens.Count && idiomEnd <= i + 6; idiomEnd++)
                {
                    scope._idiom[idiomEnd] = true;
                    if (u.LowerAt(idiomEnd) is "tea" or "thing" or "jam" or "bag" or "scene") break;
                }
                // "not her cup of tea: puzzles": the thing named after a colon.
                if (u.LowerAt(idiomEnd + 1) == ":")
                {
                    scope._starts.Add(idiomEnd + 2);
                    for (var j = idiomEnd + 2; j < u.Tokens.Count && j <= idiomEnd + 1 + MaxScope && !Stops.Contains(u.LowerAt(j)); j++) scope._negated[j] = true;
                }
                continue;
            }
            // "NOT: books", "avoid: screens", "Dislikes: anything pink", "avoid -> board games", "no-go list: slime, stickers":
            // a form's field name, its value after the colon or arrow; a list there runs to the end of the field.
            var field = FieldValueStart(u, i);
            // "someone gave him a drum kit": the thing given starts after the person it was given to.
            // "has maybe 100 art pens": the count starts the thing owned, whatever hedges it ("maybe" ends a scope elsewhere).
            var from = field ?? (GaveThem(u, i) ? i + 2 : u.LowerAt(i) is "has" or "have" or "got" or "owns" or "own" && OwnsACollection(u, i) ? CountStart(u, i) : i + 1);
            if (from < u.Tokens.Count) scope._starts.Add(from);
            // "has a great many books so I'd like something else": owning plenty, said with a wish for other things, rules
            // the thing out even when it is loved.
            var owned = (u.LowerAt(i) is "has" or "have" or "got" or "owns" or "own" or "given" or "received" or "gifted" or "did" or "done" || GaveThem(u, i) || HadEnough(u, i) || IsContainerFullOf(u, i)
                // "enough footballs to last forever", "enough books to sink a ship": owned more than plenty.
                || u.LowerAt(i) == "enough" || u.LowerAt(i) == "wall" || u.LowerAt(i) == "got" && u.LowerAt(i - 1) == "just") && !AsksForSomethingElse(u, i + 1)
                // "got him a remote control car for christmas, so not another one": one thing given, not the theme, is had.
                || GaveThem(u, i);
            var end = from - 1 + MaxScope + LongWindedLength(u, from, from - 1 + MaxScope);
            var thingSeen = false;
            for (var j = from; j < u.Tokens.Count; j++)
            {
                var word = u.Tokens[j].Lower;
                // "she never says no to anything arty", "there isn't a day he doesn't play football", "nothing that isn't
                // educational": a second negation before anything is named cancels the first; both are left out. "don't
                // want no noisy toys" says no twice to the same thing and stays a no.
                // An amount between them ("no more than 50 euros, not dinosaurs") makes them two sayings, not one.
                // "never without her lego", "doesn't go anywhere without a football": "without" is the second no.
                if ((!thingSeen && (word is "not" or "'t" or "never" or "without" || word == "no" && u.LowerAt(j + 1) == "to")
                        // "there's no book she won't read", "there isn't a puzzle he can't do": none they would not is all of them.
                        || thingSeen && word is "not" or "'t" or "never" && ThereIsNo(u, i) && Enumerable.Range(j - 2, 2).Any(k => u.LowerAt(k) is "he" or "she" or "they" or "we" or "i"))
                    && u.PhraseCovering(j) is null
                    && !Enumerable.Range(from, j - from).Any(k => u.NumberStartingAt(k) is not null || u.Tokens[k].Kind == Text.TokenKind.Currency))
                {
                    cancelled.Add(j);
                    for (var k = from; k < j; k++) scope._negated[k] = false;
                    scope._starts.Remove(from);
                    break;
                }
                // "🚫📚 loves horses", "❌🎮 son 10 loves football": what is loved after the thing ruled out starts anew.
                if (thingSeen && j > from && word is "loves" or "likes" or "adores" or "enjoys") break;
                // "⛔🧸 likes drawing": a sign glued to a thing rules out only what is glued to it.
                if (j > from && u.Tokens[j].Start != u.Tokens[j - 1].End && (IsNoEmoji(u.Tokens[i]) || IsThumbsDown(u.Tokens[i])) && GluedToThingAfter(u, i)) break;
                thingSeen |= u.PhraseCovering(j)?.Of(PhraseKind.Interest) is not null;
                if (j > end)
                {
                    // "she wouldn't thank you for anything pink or sparkly": a list that starts at the scope's last word goes on.
                    if (word is not ("or" or "nor") || InterestAfterFillers(u, j + 1) is not { } more) break;
                    end = more.Last;
                }
                if (field is not null && word == "," && j <= from + 12)
                {
                    end = Math.Max(end, j + 3);
                    scope._negated[j] = true;
                    continue;
                }
                // "no books, puzzles or lego": a comma inside a list that ends with "or" another thing does not end it.
                if (word == "," && thingSeen && CommaListEnd(u, j) is { } listEnd)
                {
                    end = Math.Max(end, listEnd);
                    scope._negated[j] = true;
                    continue;
                }
                // "already has a head torch and a compass", "has a yoga mat, a bike and all the candles": a list of things
                // owned goes on past the usual reach while each item starts as a thing does.
                if (owned && word is "and" or "&" or "," && OwnedListItemStarts(u, j + 1))
                {
                    end = Math.Max(end, OwnedItemEnd(u, j + 1));
                    scope._owned[j] = true;
                    scope._negated[j] = true;
                    continue;
                }
                // "the whole collection of sea creature figures": what the collection is of is the thing owned.
                if (owned && word == "of" && j > from) end = Math.Max(end, OwnedItemEnd(u, j + 1));
                // "had enough footballs for a lifetime", "got a telescope from me": what comes after the thing is not owned.
                if (owned && j > from && word is "for" or "from" or "since" or "when" or "last") break;
                // "someone gave him a drum kit we nearly moved out": a new clause starts with who did something.
                if (owned && j > from && word is "we" or "i" or "he" or "she" or "they" && u.LowerAt(j + 1) is not ("a" or "an" or "the" or "all" or "some" or "his" or "her")) break;
                // "not so much into music", "not so keen on sport": "so" right after the cue belongs to the negation.
                if (Stops.Contains(word) && !(word == "so" && j == i + 1) || IsSpacedDash(u, j)) break;
                // "anything except clothes for my teen daughter": the person a gift is for is not ruled out with the thing
                // before them ("not for my son, for my nephew" still rules the son out: nothing came between).
                if (word == "for" && j > i + 1 && IsPersonAfter(u, j + 1)) break;
                // "aside from dinosaurs he loves cars": a new clause saying what they love ends the negation.
                if (j > i + 1 && word is "he" or "she" or "they" && u.LowerAt(j + 1) is "loves" or "likes" or "love" or "like" or "adores" or "enjoys") break;
                // "swap dinosaurs for robots": what comes after "for" is wanted.
                if (word is "for" or "with" or "to" or "by" && u.LowerAt(i) is "swap" or "replace") break;
                // "less gaming more outdoors": what there should be more of is wanted.
                if (word == "more" && j > from && u.LowerAt(i) is "less" or "fewer") break;
                // "dolls or anything princessy", "books nor any puzzles": a filler between the joiner and the next thing.
                if (word is "and" or "or" or "nor" && InterestAfterFillers(u, j + 1) is null) break;
                // "not a fan of puzzles or board games": a list of ruled-out things reaches to the end of its last item.
                if (word is "and" or "or" or "nor" && InterestAfterFillers(u, j + 1) is { } listed) end = Math.Max(end, listed.Last);
                // A plain negation of the same word outranks "already has".
                scope._owned[j] = owned && (!scope._negated[j] || scope._owned[j]);
                scope._negated[j] = true;
            }
        }
        MarkScopedPronouns(u, scope);
        MarkOwnedBackReferences(u, scope);
        MarkRuledOutBackReferences(u, scope);
        MarkPronounVerdicts(u, scope);
        MarkFreeOf(u, scope);
        MarkNonPrefixed(u, scope);
        MarkStruckAndPastLoves(u, scope);
        MarkStagesOfThings(u, scope);
        MarkHomesFullOf(u, scope);
        MarkFrontedOwned(u, scope);
        MarkThreatenedIfs(u, scope);
        MarkThreatenedThings(u, scope);
        MarkSarcasticWants(u, scope);
        MarkCountedCollections(u, scope);
        MarkPastPhases(u, scope);
        MarkAlsoRuledOut(u, scope);
        return scope;
    }

    private static readonly HashSet<string> BackPronouns = ["them", "those", "these", "em", "'em"];

    private static bool ThereIsNo(Utterance u, int cue) =>
        u.LowerAt(cue) is "no" or "not" && u.LowerAt(cue - 1) is "'s" or "is" or "was" && u.LowerAt(cue - 2) == "there"
        || u.LowerAt(cue) == "'t" && u.LowerAt(cue - 1) is "isn" or "wasn" && u.LowerAt(cue - 2) == "there";

    // "none of them like lego", "neither of them is into reading": "them" are the children, and what follows is ruled out.
    private static readonly HashSet<string> PeopleDoing = ["like", "likes", "liked", "is", "are", "was", "were", "want", "wants", "play", "plays", "enjoy", "enjoys",
        "read", "reads", "care", "cares", "do", "does", "did", "'re", "'s", "would", "will", "can", "could", "has", "have", "really", "particularly", "even", "actually", "into", "need", "needs", "go", "goes"];

    /// <summary>
    /// "books are a no from his parents, lego too", "books aren't his thing, gaming neither": a thing added after the
    /// comma of a ruled-out thing, with "too" or "neither", is ruled out with it ("loves lego, books too" stays loved).
    /// </summary>
    private static void MarkAlsoRuledOut(Utterance u, NegationScope scope)
    {
        for (var i = 2; i < u.Tokens.Count; i++)
        {
            if (u.LowerAt(i) is not ("too" or "neither" or "either") || u.LowerAt(i + 1) is not ("" or "." or "," or "!" or ";" or "?")) continue;
            if (u.PhraseCovering(i - 1) is not { } added || added.Of(PhraseKind.Interest) is null || scope._negated[added.First]) continue;
            var k = added.First - 1;
            while (k >= 0 && u.LowerAt(k) is "and" or "the" or "any" or "no" or "plus") k--;
            if (u.LowerAt(k) != ",") continue;
            for (k--; k >= 0 && u.LowerAt(k) is not ("." or "!" or "?" or ";" or ","); k--)
            {
                if (u.PhraseCovering(k) is not { } earlier || earlier.Of(PhraseKind.Interest) is null) continue;
                if (!scope._negated[earlier.First]) break;
                scope._starts.Add(added.First);
                for (var m = added.First; m <= added.Last; m++)
                {
                    scope._negated[m] = true;
                    scope._owned[m] = scope._owned[earlier.First];
                }
                break;
            }
        }
    }

    /// <summary>
    /// "books? she has a library of them already", "dinosaurs - he has 30 of those": a
    /// pronoun inside a negation or a thing owned stands for the thing last named before it, which is ruled out (or
    /// owned) in its place. A thing said to be loved and owned ("loves lego and has loads of them") stays wanted.
    /// </summary>
    private static void MarkScopedPronouns(Utterance u, NegationScope scope)
    {
        for (var j = 1; j < u.Tokens.Count; j++)
        {
            // "tubs of it": "it" points back only as what is owned plenty of.
            // "tubs of it", "we're sick of it", "done with it": "it" points back as what is owned plenty of or had enough of.
            if (!scope._negated[j] || !(BackPronouns.Contains(u.LowerAt(j)) || u.LowerAt(j) == "it" && (scope._owned[j] && u.LowerAt(j - 1) == "of" || u.LowerAt(j - 1) is "of" or "with" && scope._starts.Contains(j)))) continue;
            // The negation already names its thing ("no books, none of those").
            var first = j;
            while (first > 0 && scope._negated[first - 1]) first--;
            if (Enumerable.Range(first, j - first).Any(k => u.PhraseCovering(k)?.Of(PhraseKind.Interest) is not null)) continue;
            if (u.LowerAt(j - 1) == "of" && u.LowerAt(j - 2) is "none" or "neither" or "either" or "any" or "all" or "both" && PeopleDoing.Contains(u.LowerAt(j + 1))) continue;
            // "slime. she makes it every day and we're sick of it": the thing may be named in the sentence before.
            var sentences = 0;
            for (var k = first - 1; k >= Math.Max(0, first - 14) && (u.LowerAt(k) is not ("." or "!" or ";") || ++sentences < 2); k--)
            {
                if (u.PhraseCovering(k) is not { } phrase || phrase.Of(PhraseKind.Interest) is null) continue;
                // "they have a million books so not those": the thing last named is the one meant even when it is ruled out
                // already; the love named before it ("both love animals") is not.
                if (scope._negated[phrase.First]) break;
                // "colouring books": the things named together, as one.
                var start = phrase.First;
                while (u.PhraseCovering(start - 1) is { } before && before.Of(PhraseKind.Interest) is not null && before.Last == start - 1) start = before.First;
                if (scope._owned[j] && Enumerable.Range(Math.Max(0, start - 2), Math.Min(2, start)).Any(m => Liking.Contains(u.LowerAt(m)))) break;
                scope._starts.Add(start);
                for (var m = start; m <= phrase.Last; m++)
                {
                    scope._owned[m] = scope._owned[j];
                    scope._negated[m] = true;
                }
                break;
            }
        }
    }

    private static readonly HashSet<string> ListFillers = ["any", "anything", "other", "something", "more", "some", "of", "the", "a", "an"];

    /// <summary>Words that name no kind of thing after one that does: "princess stuff", "lego sets".</summary>
    private static readonly HashSet<string> GeneralNouns = ["stuff", "things", "toys", "sets", "kits", "gifts", "ones", "supplies", "gear"];

    /// <summary>
    /// After a comma at <paramref name="comma"/>: the last token of a list of things that goes on with commas and ends
    /// with "or"/"nor" and a thing ("no books, puzzles or lego"), or null. "no books, dinosaurs and space" may be what
    /// they love, so only "or" joins it.
    /// </summary>
    private static int? CommaListEnd(Utterance u, int comma)
    {
        var k = comma + 1;
        while (InterestAfterFillers(u, k) is { } item)
        {
            k = item.Last + 1;
            // "princess stuff, books or lego".
            if (GeneralNouns.Contains(u.LowerAt(k))) k++;
            if (u.LowerAt(k) is "or" or "nor") return InterestAfterFillers(u, k + 1)?.Last;
            if (u.LowerAt(k) != ",") return null;
            k++;
        }
        return null;
    }

    /// <summary>The interest phrase starting at <paramref name="index"/> or after fillers ("anything princessy", "any more puzzles").</summary>
    private static PhraseMatch? InterestAfterFillers(Utterance u, int index)
    {
        for (var k = index; k < index + 3 && ListFillers.Contains(u.LowerAt(k)); k++) index = k + 1;
        return u.PhraseCovering(index) is { } phrase && phrase.First == index && phrase.Of(PhraseKind.Interest) is not null ? phrase : null;
    }

    /// <summary>
    /// "so I should like something else", "so none of those", "something different please": after naming what the recipient
    /// owns plenty of, the shopper asks for other things, within the same sentence.
    /// </summary>
    internal static bool AsksForSomethingElse(Utterance u, int from)
    {
        for (var k = from; k < from + 16 && k < u.Tokens.Count && u.LowerAt(k) is not ("." or "!" or "?" or ";"); k++)
        {
            if (u.LowerAt(k) is "else" or "different" && u.LowerAt(k - 1) is "something" or "anything" or "smth" or "sth" or "summat" || u.LowerAt(k) == "instead") return true;
            if (u.ReadsAt(k, "none", "of") || u.ReadsAt(k, "not", "more") || u.ReadsAt(k, "no", "more") || u.ReadsAt(k, "not", "another")) return true;
        }
        return false;
    }

    /// <summary>
    /// "loves slime but her mum banned it", "he has a drone but isn't allowed it", "likes lego, his dad hates it": a
    /// verdict on "it" or "them" rules out the thing last named before it in the sentence.
    /// </summary>
    private static void MarkPronounVerdicts(Utterance u, NegationScope scope)
    {
        for (var i = 1; i + 1 < u.Tokens.Count; i++)
        {
            // "hates it when he loses" is about something that happens, not a thing.
            if (u.LowerAt(i + 1) is not ("it" or "them" or "those" or "that" or "these") || u.LowerAt(i + 2) is "when" or "if" or "that" or "because" or "how") continue;
            var verdict = u.LowerAt(i) is "banned" or "bans" or "forbidden" or "forbids" or "vetoed" or "hates" or "dislikes" or "loathes"
                || u.LowerAt(i) is "allowed" or "allow" or "stand" && u.LowerAt(i - 1) is "not" or "'t" or "never";
            if (!verdict) continue;
            for (var j = i - 1; j >= Math.Max(0, i - 12) && u.LowerAt(j) is not ("." or "!" or "?" or ";"); j--)
            {
                if (u.PhraseCovering(j) is not { } phrase || phrase.Of(PhraseKind.Interest) is null) continue;
                scope._starts.Add(phrase.First);
                for (var k = phrase.First; k <= phrase.Last; k++) scope._negated[k] = true;
                break;
            }
        }
    }

    /// <summary>"non-electronic", "non electronic toys": "non" rules out the thing it is joined to; "non-toxic" and
    /// "non-fiction" name no thing that is wanted or not.</summary>
    private static void MarkNonPrefixed(Utterance u, NegationScope scope)
    {
        for (var i = 0; i + 1 < u.Tokens.Count; i++)
        {
            if (u.LowerAt(i) != "non") continue;
            var thing = u.LowerAt(i + 1) == "-" ? i + 2 : i + 1;
            if (u.PhraseCovering(thing) is not { } phrase || phrase.First != thing || phrase.Of(PhraseKind.Interest) is null) continue;
            scope._starts.Add(phrase.First);
            for (var k = phrase.First; k <= phrase.Last; k++) scope._negated[k] = true;
        }
    }

    /// <summary>"music - not her thing", "puzzles aren't really his thing", "sport is not their cup of tea".</summary>
    private static bool NotTheirThing(Utterance u, int i)
    {
        if (u.LowerAt(i) is not ("not" or "'t" or "n't")) return false;
        var k = u.LowerAt(i + 1) is "really" or "exactly" or "quite" ? i + 2 : i + 1;
        // "books aren't really her jam", "puzzles are not his bag": the same verdict in other words.
        return u.LowerAt(k) is "his" or "her" or "their" or "my" or "our" && (u.LowerAt(k + 1) is "thing" or "jam" or "bag" or "scene" || u.ReadsAt(k + 1, "cup", "of", "tea"));
    }

    // "books? no thanks", "lego - nope": a question mark or dash between the thing and the verdict.
    private static readonly HashSet<string> SaidOf = ["are", "is", "'re", "'s", "a", "totally",
        // "fairy stuff is 'cringe'": quotes around the verdict.
        "'", "\"", "‘", "’", "“", "”", "definitely", "strictly", "completely", "an", "absolute", "?", "-", ":", "big", "hard", "firm", "definite",
        // "gaming = nope", "art is so boring", "books would just gather dust".
        "=", "so", "soo", "sooo", "soooo", "too", "would", "will", "just",
        // "books r a no".
        "r",
        // "puzzles are a bit boring for him", "books are kinda meh".
        "bit", "kinda", "pretty", "quite", "rather", "very",
        // "books (no)", "lego (banned)".
        "("];

    // "Books? Ugh, no.": a sigh between the thing and the verdict.
    private static readonly HashSet<string> Interjections = ["ugh", "urgh", "erm", "um", "umm", "hmm", "hmmm", "eh", "meh", "lol"];

    /// <summary>"books are a no-go", "lego is banned", "screens are off limits": the verdict comes after the thing it rules out.</summary>
    private static void MarkRuledOutBackReferences(Utterance u, NegationScope scope)
    {
        for (var i = 1; i < u.Tokens.Count; i++)
        {
            // "dinosaurs yes, books no", "lego nope": a bare no closing the thing it follows.
            var bareNo = u.LowerAt(i) is "no" or "nope" or "nah" && (u.LowerAt(i + 1) is "" or "," or "." or "!" or ";" or "please" or "pls" or "thanks"
                    // "trucks: no - he likes crafts": an aside closed by a dash; "camping gear, nah 40": the budget after it.
                    || IsSpacedDash(u, i + 1) || u.LowerAt(i) is "nah" or "nope" && u.NumberStartingAt(i + 1) is not null
                    // "chemistry no (mum's orders)": a reason in brackets after the verdict.
                    || u.LowerAt(i + 1) == "(" && u.LowerAt(i - 1) is not ("" or "," or "." or "!" or ";" or "(")
                    // "25 (lego's a no)": the verdict closing the brackets it is said in.
                    || u.LowerAt(i + 1) == ")" && u.LowerAt(i - 1) is "a" or "'s" or "is" or "are"
                    // "animals (yes), books (no)": the verdict in brackets after each thing.
                    || u.LowerAt(i + 1) == ")" && u.LowerAt(i - 1) == "("
                    // "🧸 no more please 😅", "puzzles - no more!": enough of the thing before it.
                    || NoMoreClosing(u, i)
                    // "gaming is a no from me", "lego's a no for him", "puzzles are a no from his mum".
                    || u.LowerAt(i + 1) is "from" or "for" && u.LowerAt(i + 2) is "me" or "us" or "him" or "her" or "them" or "his" or "my" or "our" or "their" or "the" or "this"
                    // "puzzles, no way."
                    || u.LowerAt(i + 1) == "way" && u.LowerAt(i + 2) is "" or "," or "." or "!" or ";" or "-")
                // "dinosaurs fine, books not fine", "batteries not wanted 😂".
                || u.LowerAt(i) == "not" && u.LowerAt(i + 1) is "fine" or "ok" or "okay" or "good" or "great" or "welcome" or "wanted" && (u.LowerAt(i + 2) is "" or "," or "." or "!" or ";" or "-" || IsPictographAt(u, i + 2))
                // "screens not allowed in our house", "lego not permitted".
                || u.LowerAt(i) == "not" && u.LowerAt(i + 1) is "allowed" or "permitted" && u.LowerAt(i + 2) is not ":"
                // "Lego? pfft.", "books? yuck": a scoff closing the thing.
                || u.LowerAt(i) is "pfft" or "pff" or "pft" or "yuck" or "eww" or "ew" or "bleh" or "blegh" && u.LowerAt(i + 1) is "" or "," or "." or "!" or ";"
                // "video games are a 👎", "books are a ❌": the sign said of the thing.
                || (IsThumbsDown(u.Tokens[i]) || IsNoEmoji(u.Tokens[i])) && u.LowerAt(i - 1) is "a" or "is" or "are" or "=" or "'s" or "'re"
                    && u.LowerAt(i - 2) is not ("she" or "he" or "they" or "it" or "i" or "we" or "you")
                // "puzzles bore her", "books bore him to tears", "dinosaurs scare her", "puzzles frustrate her": what the
                // thing does to the recipient.
                || u.LowerAt(i) is "bore" or "bores" or "scare" or "scares" or "frighten" or "frightens" or "terrify" or "terrifies" or "frustrate" or "frustrates"
                    or "annoy" or "annoys" or "upset" or "upsets" && u.LowerAt(i + 1) is "me" or "us" or "him" or "her" or "them"
                // "books leave her cold": no spark at all ("lego never leaves him cold" is the opposite).
                || u.LowerAt(i) is "leave" or "leaves" or "left" && u.LowerAt(i + 1) is "me" or "us" or "him" or "her" or "them" && u.LowerAt(i + 2) == "cold"
                    && u.LowerAt(i - 1) is not ("never" or "not" or "'t" or "n't")
                // "books make him groan", "puzzles make her yawn".
                || u.LowerAt(i) is "make" or "makes" or "made" && u.LowerAt(i + 1) is "me" or "us" or "him" or "her" or "them"
                    && u.LowerAt(i + 2) is "groan" or "yawn" or "cringe" or "gag" or "shudder" or "sigh" or "cry" or "scream" or "sick"
                // "teddies give her the ick", "slime gives me the ick".
                || u.LowerAt(i) is "give" or "gives" or "gave" && u.LowerAt(i + 1) is "me" or "us" or "him" or "her" or "them" && u.ReadsAt(i + 2, "the", "ick")
                // "candles give her headaches", "glitter gives him a rash": what the thing does to the recipient's health.
                || u.LowerAt(i) is "give" or "gives" or "gave" && u.LowerAt(i + 1) is "me" or "us" or "him" or "her" or "them"
                    && (u.LowerAt(i + 2) is "a" ? u.LowerAt(i + 3) : u.LowerAt(i + 2)) is "headache" or "headaches" or "migraine" or "migraines" or "rash" or "rashes" or "hives" or "nightmares" or "asthma" or "eczema"
                // "puzzles coming out of our ears", "books would just gather dust".
                || u.ReadsAt(i, "coming", "out", "of") || u.LowerAt(i) is "spilling" or "pouring" or "falling" or "tumbling" && u.ReadsAt(i + 1, "out", "of")
                // "the noisy toys are driving my brother mad", "slime drives me up the wall".
                || u.LowerAt(i) is "driving" or "drive" or "drives" or "drove" && Enumerable.Range(i + 1, 5).Any(k => u.LowerAt(k) is "mad" or "crazy" or "nuts" or "insane" or "bananas" or "potty" or "wall" or "bonkers")
                // "books just pile up unread", "puzzles piling up in the cupboard": more than is used.
                || u.LowerAt(i) is "pile" or "piles" or "piling" or "piled" && u.LowerAt(i + 1) == "up" || u.ReadsAt(i, "coming", "out") && u.LowerAt(i + 2) is "her" or "his" or "their" or "our" or "my" && u.LowerAt(i + 3) == "ears" || u.LowerAt(i) is "gather" or "gathers" or "gathering" or "collect" or "collecting" && u.LowerAt(i + 1) == "dust"
                // "books ✖", "books x games x": a list marked item by item, a cross after the thing ruling it out.
                // "space 🚫📚": a sign glued to the thing after it is that thing's, not the one before ("books 🚫 lego 👍" is the books').
                || (IsNoEmoji(u.Tokens[i]) && !GluedToThingAfter(u, i) || IsThumbsDown(u.Tokens[i]) || u.LowerAt(i) == "x" && (u.LowerAt(i + 1) is "" or "," or "." or "-" or ";" or "/" || u.PhraseCovering(i + 1)?.Of(PhraseKind.Interest) is not null))
                    && ThingBefore(u, i) is not null;
            // "puzzle overload in this house", "teddy overload!!": owned more than enough, closing the thing before it.
            bareNo |= u.LowerAt(i) is "overload" or "overdose"
                // "toy cars EVERYWHERE", "lego everywhere in this house": more than enough at home.
                || u.LowerAt(i) == "everywhere" && u.LowerAt(i + 1) is "" or "," or "." or "!" or ";" or "(" or "-" or "in" or "at";
            var verdict = bareNo || NotTheirThing(u, i) || u.ReadsAt(i, "no", "go") || u.ReadsAt(i, "no", "-", "go") || u.ReadsAt(i, "no", "-", "no")
                // "lego is off the table", "books are a hard pass", "lego? been there done that", "art is boring", "X? over my dead body".
                || u.ReadsAt(i, "off", "the", "table") || u.LowerAt(i) == "pass" && u.LowerAt(i - 1) is "hard" or "a" or "firm" && u.LowerAt(i + 1) is "" or "," or "." or "!" or ";" or "-" or "from" or "for"
                || u.ReadsAt(i, "been", "there") || u.LowerAt(i) is "boring" or "lame" or "cringe" || u.ReadsAt(i, "over", "my", "dead", "body")
                // "board games - uninteresting to him", "finds books a chore", "puzzles are a no no", "books are ruled out".
                || u.LowerAt(i) is "uninteresting" or "dull" or "tedious" || u.LowerAt(i) == "chore" && u.LowerAt(i - 1) is "a" or "such" or "total" or "real" or "massive" or "huge"
                || u.ReadsAt(i, "no", "no") || u.ReadsAt(i, "ruled", "out")
                || u.LowerAt(i) is "banned" or "forbidden"
                || u.ReadsAt(i, "off", "limits") || u.ReadsAt(i, "off", "-", "limits") || u.ReadsAt(i, "out", "of", "the", "question")
                // "books are out", "lego's out": what is out of the running.
                || u.LowerAt(i) == "out" && u.LowerAt(i - 1) is "are" or "is" or "'re" or "'s" or "r" && u.LowerAt(i + 1) is "" or "," or "." or "!" or ";" or "-" or "too" or "as" or "though" or "tho";
            // "puzzles off the table", "jigsaws need not apply", "princess stuff is so last year", "screen-averse": a verdict
            // that may follow the thing with nothing between.
            var closesThing = u.ReadsAt(i, "off", "the", "table") || u.ReadsAt(i, "need", "not", "apply") || u.ReadsAt(i, "needn", "'t", "apply")
                || u.ReadsAt(i, "last", "year") && u.LowerAt(i - 1) is "so" or "soo" or "sooo" or "soooo" or "very"
                || u.LowerAt(i) == "averse" && u.LowerAt(i - 1) == "-"
                // "dinosaurs are so 2023": stuck in a year gone by.
                || u.LowerAt(i) == "so" && u.LowerAt(i + 1) is { Length: 4 } year && year.StartsWith("20", StringComparison.Ordinal) && year.All(char.IsAsciiDigit)
                // "we're lego-ed out": had every last bit of it.
                || u.ReadsAt(i - 2, "-", "ed", "out")
                // "lego excluded obviously", "books excluded - nephew 9" ("no one excluded from the fun" names no thing).
                || u.LowerAt(i) == "excluded" && u.LowerAt(i + 1) is not ("from" or "by")
                // "25, books out, puzzles out": a listed thing voted out ("out and about", "out of ideas" go on).
                || u.LowerAt(i) == "out" && u.LowerAt(i + 1) is "" or "," or "." or "!" or ";" && ListedItemEndsAt(u, i - 1)
                // "he likes dinosaurs, reading not so much".
                || u.ReadsAt(i, "not", "so", "much") && u.LowerAt(i + 3) is "" or "," or "." or "!" or ";" or "tbh" or "though" or "tho";
            verdict |= closesThing;
            if (!verdict) continue;
            var j = u.ReadsAt(i - 2, "-", "ed", "out") ? i - 3 : i - 1;
            // "puzzles, no way": the comma between the thing and its verdict.
            // "makeup, nah - nephew 9": a texted no after the comma.
            if ((u.ReadsAt(i, "no", "way") || u.ReadsAt(i, "not", "so", "much") || bareNo && u.LowerAt(i) is "nah" or "nope" || u.ReadsAt(i, "not", "allowed")) && u.LowerAt(j) == "," && u.PhraseCovering(GeneralNouns.Contains(u.LowerAt(j - 1)) ? j - 2 : j - 1) is { } before && before.Of(PhraseKind.Interest) is not null
                && (before.First == 0 || u.LowerAt(before.First - 1) is "." or "!" or ";" or "-" or "," or "but")) j--;
            // "princess stuff are a no-go", "lego sets? no thanks": a general noun after the thing names no other thing.
            while (j >= 0 && (SaidOf.Contains(u.LowerAt(j)) || u.LowerAt(j) is "aren" or "isn" or "really" or "just" || GeneralNouns.Contains(u.LowerAt(j))
                || Interjections.Contains(u.LowerAt(j)) || u.LowerAt(j) == "," && Interjections.Contains(u.LowerAt(j - 1))
                // "jigsaws... no": a trailing pause.
                || u.LowerAt(j) is "…" || u.LowerAt(j) == "." && (u.LowerAt(j - 1) is "." || u.LowerAt(j + 1) is "."))) j--;
            // "finds science boring": what the recipient finds it.
            var adjacent = bareNo || closesThing || u.PhraseCovering(j) is { } judged && u.LowerAt(judged.First - 1) is "finds" or "find" or "found" or "thinks" or "think";
            if (j == i - 1 && !adjacent || u.PhraseCovering(j) is not { } phrase || phrase.Of(PhraseKind.Interest) is null)
            {
                // "teddies no", "soft toys ✗": a bare verdict right after words no theme names (a kind of product,
                // content/language/lexicon.json productKinds) rules them out as they are written.
                if (bareNo && j == i - 1) MarkWordsBefore(u, scope, i);
                // "teddies?? no more!!": the question marks between the words and the verdict.
                else if (bareNo && j >= 0 && Enumerable.Range(j + 1, i - j - 1).All(k => u.LowerAt(k) is "?" or "-" or ":")) MarkWordsBefore(u, scope, j + 1);
                // "battery operated toys are a no-go", "sweets are banned": a verdict said of ("are a", "is") words no
                // theme names marks them, so a kind of product among them (productKinds) is ruled out; no word is
                // ruled out as typed, and no named person ("her mum banned it") is touched.
                // "glitter is a big no": a bare no said of them the same way.
                else if (j < i - 1 && j >= 0 && u.PhraseCovering(j) is null) MarkKindWordsBefore(u, scope, j);
                continue;
            }
            for (var k = phrase.First; k <= phrase.Last; k++) scope._negated[k] = true;
            // "books/puzzles - no", "books or puzzles are a no-go": the things joined before it too, unless said to be loved.
            while (u.LowerAt(phrase.First - 1) is "/" or "or" or "nor" or "&" or "and"
                && u.PhraseCovering(GeneralNouns.Contains(u.LowerAt(phrase.First - 2)) ? phrase.First - 3 : phrase.First - 2) is { } earlier
                && earlier.Of(PhraseKind.Interest) is not null && !Liking.Contains(u.LowerAt(earlier.First - 1)))
            {
                phrase = earlier;
                for (var k = phrase.First; k <= phrase.Last; k++) scope._negated[k] = true;
            }
        }
    }

    /// <summary>A thing named as an item of a list ends at <paramref name="last"/>: it starts the sentence or follows a comma.</summary>
    private static bool ListedItemEndsAt(Utterance u, int last) =>
        u.PhraseCovering(last) is { } thing && thing.Last == last && thing.Of(PhraseKind.Interest) is not null
        && (thing.First == 0 || u.LowerAt(thing.First - 1) is "," or "." or "!" or ";" or "-");

    private static void MarkKindWordsBefore(Utterance u, NegationScope scope, int last)
    {
        var first = -1;
        // "the recorder is banned": the determiner is no part of the thing.
        for (var k = last; k >= Math.Max(0, last - 2) && u.Tokens[k].IsWord && !Stops.Contains(u.LowerAt(k)) && u.PhraseCovering(k) is null
            && u.LowerAt(k) is not ("yes" or "and" or "or" or "the" or "a" or "an" or "his" or "her" or "their" or "our" or "my" or "any"); k--)
        {
            scope._negated[k] = true;
            first = k;
        }
        // "glitter = banned": a word no theme or kind names is ruled out as written (InterestExtractor reads the starts).
        if (first >= 0 && first == last) scope._starts.Add(first);
    }

    private static void MarkWordsBefore(Utterance u, NegationScope scope, int verdict)
    {
        for (var k = verdict - 1; k >= Math.Max(0, verdict - 3) && u.Tokens[k].IsWord && !Stops.Contains(u.LowerAt(k)) && u.LowerAt(k) is not ("yes" or "and" or "or"); k--)
            scope._negated[k] = true;
    }

    /// <summary>
    /// "~~puzzles~~": a struck-through item is ruled out. "she used to love unicorns (but not any more)": a love in the
    /// past is over, unless the shopper says it is still on.
    /// </summary>
    private static void MarkStruckAndPastLoves(Utterance u, NegationScope scope)
    {
        for (var i = 0; i + 1 < u.Tokens.Count; i++)
        {
            if (!u.ReadsAt(i, "~", "~")) continue;
            var close = Enumerable.Range(i + 2, Math.Max(0, Math.Min(8, u.Tokens.Count - i - 3))).FirstOrDefault(k => u.ReadsAt(k, "~", "~"), -1);
            if (close < 0) continue;
            scope._starts.Add(i + 2);
            for (var k = i + 2; k < close; k++) scope._negated[k] = true;
            i = close + 1;
        }
        for (var i = 0; i + 2 < u.Tokens.Count; i++)
        {
            if (!u.ReadsAt(i, "used", "to")) continue;
            var k = i + 2;
            if (u.LowerAt(k) == "be") k++;
            if (u.LowerAt(k) is not ("love" or "like" or "into" or "adore" or "obsessed" or "mad" or "crazy" or "enjoy" or "collect")) continue;
            if (Enumerable.Range(i + 3, 12).TakeWhile(m => u.LowerAt(m) is not ("." or "!" or "?" or ";")).Any(m => u.LowerAt(m) is "still" or "again")) continue;
            for (var m = k + 1; m <= k + 4 && m < u.Tokens.Count && !Stops.Contains(u.LowerAt(m)); m++)
            {
                if (u.PhraseCovering(m) is not { } phrase || phrase.Of(PhraseKind.Interest) is null) continue;
                scope._starts.Add(phrase.First);
                for (var n = phrase.First; n <= phrase.Last; n++) scope._negated[n] = true;
                break;
            }
        }
    }

    /// <summary>
    /// "too grown up for dolls", "thinks puzzles are for babies now": the stage word says who the thing is for, not the
    /// recipient's age, so it is left out of the age (marked as negated) and the thing is ruled out.
    /// </summary>
    private static void MarkStagesOfThings(Utterance u, NegationScope scope)
    {
        for (var i = 1; i + 1 < u.Tokens.Count; i++)
        {
            if (u.LowerAt(i) != "for" || u.PhraseCovering(i + 1) is not { } stage || stage.First != i + 1 || stage.Of(PhraseKind.AgeWord) is null) continue;
            if (u.LowerAt(i - 1) is not ("are" or "is" or "'re" or "'s")) continue;
            var thing = u.PhraseCovering(i - 2);
            if (thing?.Of(PhraseKind.Interest) is null) continue;
            for (var k = stage.First; k <= stage.Last; k++) scope._negated[k] = true;
            scope._starts.Add(thing!.First);
            for (var k = thing.First; k <= thing.Last; k++) scope._negated[k] = true;
        }
        for (var i = 0; i + 2 < u.Tokens.Count; i++)
        {
            if (u.LowerAt(i) != "too" || u.PhraseCovering(i + 1) is not { } stage || stage.First != i + 1 || stage.Of(PhraseKind.AgeWord) is null || u.LowerAt(stage.Last + 1) != "for") continue;
            for (var k = stage.First; k <= stage.Last; k++) scope._negated[k] = true;
        }
    }

    /// <summary>
    /// "screen-free", "a battery free toy", "chocolate-free": the thing written before "free" is ruled out. "feel free",
    /// "free delivery" and "free time" have no thing before it.
    /// </summary>
    private static void MarkFreeOf(Utterance u, NegationScope scope)
    {
        for (var i = 1; i < u.Tokens.Count; i++)
        {
            if (u.LowerAt(i) != "free") continue;
            var thing = u.LowerAt(i - 1) == "-" ? i - 2 : i - 1;
            if (u.TokenAt(thing) is not { IsWord: true } word || word.Lower.Length < 3 || NotThingsBeforeFree.Contains(word.Lower)) continue;
            var first = u.PhraseCovering(thing)?.First ?? thing;
            scope._starts.Add(first);
            for (var k = first; k <= thing; k++) scope._negated[k] = true;
        }
    }

    private static readonly HashSet<string> NotThingsBeforeFree = ["feel", "for", "totally", "completely", "stress", "hassle", "worry", "care", "hands", "duty", "tax", "fee", "cost", "toll", "risk", "scot", "and", "the", "its", "it's", "was", "set", "break", "get", "got", "guilt", "gift"];

    // "has already too many cars", "owns basically every jigsaw": a word between the verb and how much is owned.
    private static bool OwnsPlenty(Utterance u, int verb) =>
        u.LowerAt(verb + 1) is "already" or "basically" or "literally" or "practically" or "nearly" or "almost" or "just"
            ? OwnsPlentyRightAfter(u, verb + 1, alreadySaid: u.LowerAt(verb + 1) == "already") || OwnsPlentyRightAfter(u, verb, alreadySaid: false)
            : OwnsPlentyRightAfter(u, verb, alreadySaid: false);

    private static bool OwnsPlentyRightAfter(Utterance u, int verb, bool alreadySaid) =>
        u.LowerAt(verb + 1) is "enough" or "every" or "plenty" || u.ReadsAt(verb + 1, "all", "the") || u.ReadsAt(verb + 1, "more", "than", "enough")
        // "has the whole collection of sea creature figures", "got the full set of football cards": all there is of it.
        || u.LowerAt(verb + 1) == "the" && u.LowerAt(verb + 2) is "whole" or "full" or "complete" or "entire" && u.LowerAt(verb + 3) is "collection" or "set" or "range" or "series" or "lot"
        || u.LowerAt(verb + 1) is "too" or "so" && u.LowerAt(verb + 2) is "many" or "much"
        // "we have wayyy too many books", "has far too many puzzles": however far too many, still too many.
        || (IsWay(u.LowerAt(verb + 1)) || u.LowerAt(verb + 1) == "far") && u.LowerAt(verb + 2) == "too" && u.LowerAt(verb + 3) is "many" or "much"
        // "has loads of lego already", "has a great many books so I'd like something else", "got a million candles so none
        // of those": plenty owned, said with "already" or a wish for something else ("has loads of lego" alone may be what they love).
        // "she has a zillion plushies": a made-up number of them says too many, however it goes on.
        || u.LowerAt(verb + 1) == "a" && u.LowerAt(verb + 2) is "zillion" or "gazillion" or "bazillion" or "kajillion" or "squillion"
        || (Plenty.Contains(u.LowerAt(verb + 1)) || u.LowerAt(verb + 1) == "a" && PlentyAfterA.Contains(u.LowerAt(verb + 2)))
            && (alreadySaid || AlreadyAfter(u, verb + 2) || AsksForSomethingElse(u, verb + 2));

    // "way", "wayyy", "waaay": the intensifier however long it is typed.
    internal static bool IsWay(string word) =>
        word.Length >= 3 && word[0] == 'w' && word[^1] == 'y' && word.Contains('a') && word[1..].TrimStart('a').TrimStart('y').Length == 0;

    // "has about 40", "owns well over 20": words between the verb and the count.
    private static readonly HashSet<string> BeforeCount = ["maybe", "about", "around", "roughly", "like", "over", "nearly", "almost", "literally", "easily", "probably", "well", "at", "least", "approx", "~", "+"];

    // "has 12 grandkids", "we have 10 days": a count of people or time is no collection of things.
    private static readonly HashSet<string> CountedNonThings = ["year", "years", "yr", "yrs", "yo", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minutes", "mins",
        "kids", "children", "grandkids", "grandchildren", "cousins", "friends", "people", "guests", "siblings", "brothers", "sisters", "nieces", "nephews", "euros", "euro", "pounds", "quid", "dollars", "bucks", "%", "percent", "to", "or", "-", "and", "each"];

    // "stacks of them", "tubs of it", "a mountain of stuffed animals", "3 boxes of lego": heaps and holders of a thing.
    private static readonly HashSet<string> Piles = ["stacks", "stack", "piles", "pile", "heaps", "mountain", "mountains", "tubs", "tub", "bins", "bin", "crates", "crate",
        "boxes", "bags", "baskets", "drawers", "shelves", "cupboards", "buckets", "sacks", "bucketloads", "boxfuls"];

    /// <summary>
    /// "she has stacks of them", "he has tubs of it", "has hundreds of them", "own a mountain of stuffed animals", "we have 3
    /// boxes of lego": piles of a thing, or plenty of the thing named before ("of them"), are owned more than enough.
    /// "has loads of lego" alone may be what they love (see OwnsPlenty).
    /// </summary>
    private static bool OwnsPilesOf(Utterance u, int verb)
    {
        var k = verb + 1;
        while (k < verb + 4 && (BeforeCount.Contains(u.LowerAt(k)) || u.LowerAt(k) is "a" or "maybe" or "whole" or "literal" || u.NumberStartingAt(k) is { Value: >= 2 and < 100 } n && n.First == k)) k++;
        if (u.LowerAt(k + 1) != "of") return false;
        var pointsBack = u.LowerAt(k + 2) is "them" or "those" or "these" or "it" or "em";
        return Piles.Contains(u.LowerAt(k)) || pointsBack && (Plenty.Contains(u.LowerAt(k)) || PlentyAfterA.Contains(u.LowerAt(k)));
    }

    private static int CountStart(Utterance u, int verb)
    {
        var k = verb + 1;
        while (k < verb + 4 && BeforeCount.Contains(u.LowerAt(k))) k++;
        return k;
    }

    /// <summary>"we have about 40 jigsaws", "he owns 12 dinosaur figures": ten or more of a thing counted is a collection.</summary>
    private static bool OwnsACollection(Utterance u, int verb)
    {
        var k = CountStart(u, verb);
        if (u.NumberStartingAt(k) is not { IsOrdinal: false, IsDecade: false } count || count.Value < 10 || count.Value != Math.Floor(count.Value)) return false;
        var next = count.Last + 1;
        if (u.LowerAt(next) == "+") next++;
        return u.TokenAt(next) is { IsWord: true } thing && !CountedNonThings.Contains(thing.Lower) && !Stops.Contains(thing.Lower) && u.Tokens[next].Kind != Text.TokenKind.Currency;
    }

    private static bool AlreadyAfter(Utterance u, int from) =>
        Enumerable.Range(from, 6).TakeWhile(k => !Stops.Contains(u.LowerAt(k))).Any(k => u.LowerAt(k) == "already");

    // "he have many board game already": "many" says plenty only with "already" or a wish for something else.
    private static readonly HashSet<string> Plenty = ["loads", "lots", "plenty", "enough", "tons", "heaps", "hundreds", "millions", "thousands", "masses", "many"];

    /// <summary>"has a chess set so not that", "got the castle, so skip that one": after the thing owned, "so" and a no.</summary>
    private static bool OwnedThenDismissed(Utterance u, int verb)
    {
        // "has to", "has been", "has no idea": no thing owned.
        if (u.TokenAt(verb + 1) is not { IsWord: true } || u.LowerAt(verb + 1) is "to" or "been" or "had" or "no" or "not" or "nothing" or "never" or "it") return false;
        for (var k = verb + 2; k < verb + 9 && k < u.Tokens.Count; k++)
        {
            var word = u.LowerAt(k);
            if (word == "," && u.LowerAt(k + 1) == "so") continue;
            if (word == "so") return u.LowerAt(k + 1) is "not" or "no" or "skip" or "nothing" or "none" or "avoid" or "nope" or "definitely" && u.LowerAt(k + 2) is not ("sure" or "idea" or "clue");
            if (Stops.Contains(word) || word is "and" or "but" or "who" or "which" or "that") return false;
        }
        return false;
    }

    private static readonly HashSet<string> OwnedThingStarts = ["a", "an", "the", "his", "her", "their", "one", "two", "three", "some", "all", "every"];

    /// <summary>"he's had enough footballs for a lifetime", "she'd had enough teddies": owned plenty, said in the past.</summary>
    private static bool HadEnough(Utterance u, int verb) =>
        u.LowerAt(verb) == "had" && u.LowerAt(verb - 1) is "'s" or "has" or "have" or "'ve" or "'d" && u.LowerAt(verb + 1) is "enough" or "plenty" && u.LowerAt(verb + 2) != "of";

    /// <summary>After a joiner in a list of things owned: another thing starts here ("and a compass", ", all the candles").</summary>
    private static bool OwnedListItemStarts(Utterance u, int index)
    {
        var k = index;
        while (k < index + 2 && u.LowerAt(k) is "all" or "the" or "a" or "an" or "his" or "her" or "their" or "some") k++;
        return k > index && u.TokenAt(k) is { IsWord: true } && u.NumberStartingAt(k) is null && !Stops.Contains(u.LowerAt(k))
            && u.LowerAt(k) is not ("budget" or "he" or "she" or "they" or "loves" or "likes");
    }

    /// <summary>The last token of the thing owned that starts at <paramref name="index"/>: up to three words after its determiners.</summary>
    private static int OwnedItemEnd(Utterance u, int index)
    {
        var k = index;
        while (k < index + 2 && u.LowerAt(k) is "all" or "the" or "a" or "an" or "his" or "her" or "their" or "some") k++;
        var last = k;
        for (var m = k + 1; m < k + 3 && u.TokenAt(m) is { IsWord: true } && !Stops.Contains(u.LowerAt(m)) && u.LowerAt(m) is not ("and" or "or" or "already"); m++) last = m;
        return last;
    }

    /// <summary>"has a console already", "she's got the whole set already": a thing owned, "already" after it.</summary>
    private static bool OwnsAlready(Utterance u, int verb) =>
        (OwnedThingStarts.Contains(u.LowerAt(verb + 1)) || u.NumberStartingAt(verb + 1) is not null) && (AlreadyAfter(u, verb + 2) || AlreadyAfterOwnedList(u, verb + 2));

    /// <summary>"has a toy kitchen and all the play food already": "already" after a list of things owned, each item
    /// starting as a thing does, says all of them are owned.</summary>
    private static bool AlreadyAfterOwnedList(Utterance u, int from)
    {
        for (var k = from; k < from + 16 && k < u.Tokens.Count; k++)
        {
            var word = u.LowerAt(k);
            if (word == "already") return true;
            if (word is "and" or "&" or ",")
            {
                if (!OwnedListItemStarts(u, k + 1)) return false;
                continue;
            }
            if (Stops.Contains(word) || word is "love" or "loves" or "like" or "likes" or "into" or "adores" or "enjoys" or "wants" || u.NumberStartingAt(k) is not null) return false;
        }
        return false;
    }

    private static readonly HashSet<string> GivenBeforeLeadIns = ["once", "someone", "somebody", "already", "recently", "previously", "before"];

    /// <summary>
    /// "last time someone gave him a drum kit", "we bought her a scooter for her birthday", "grandad already got him a
    /// telescope": a thing given to the recipient before is owned. "I want to get him a drum kit" is no past gift.
    /// </summary>
    private static bool GaveThem(Utterance u, int verb) =>
        u.LowerAt(verb) is "gave" or "bought" or "got" && u.LowerAt(verb + 1) is "him" or "her" or "them"
        && OwnedThingStarts.Contains(u.LowerAt(verb + 2)) && u.LowerAt(verb + 2) is not ("all" or "every")
        && (Enumerable.Range(verb - 5, 5).Any(k => GivenBeforeLeadIns.Contains(u.LowerAt(k)) || u.LowerAt(k) == "last" && u.LowerAt(k + 1) is "time" or "year" or "christmas" or "xmas" or "birthday")
            || IsGivenBefore(u, verb + 1));

    private static readonly HashSet<string> WhenGiven = ["christmas", "xmas", "birthday", "bday", "santa", "easter", "last", "recently", "already"];

    /// <summary>
    /// "she just got a telescope for christmas", "got a unicorn plush from me last time", "was given a drum kit for her
    /// birthday": a thing given to the recipient before is owned. "got him a fiver" (an amount) and "I got a new job" (no
    /// time it was given) are not.
    /// </summary>
    private static bool IsGivenBefore(Utterance u, int verb) =>
        OwnedThingStarts.Contains(u.LowerAt(verb + 1)) && u.LowerAt(verb + 1) is not ("all" or "every")
        && (u.LowerAt(verb) != "got" || u.LowerAt(verb - 1) is not ("i" or "we" or "'ve"))
        && Enumerable.Range(verb + 2, 7).TakeWhile(k => !Stops.Contains(u.LowerAt(k)) && u.NumberStartingAt(k) is null && u.Tokens.ElementAtOrDefault(k)?.Kind != Text.TokenKind.Currency)
            .Any(k => WhenGiven.Contains(u.LowerAt(k)) && u.LowerAt(k - 1) is "for" or "from" or "at" or "his" or "her" or "their" or "last" or "me" or "recently" or "already" or "the" || u.LowerAt(k) is "recently" or "already" || u.ReadsAt(k, "last", "time") || u.ReadsAt(k, "last", "year"));

    private static readonly HashSet<string> Containers = ["shelf", "shelves", "drawer", "drawers", "box", "boxes", "toybox", "cupboard", "cupboards", "bag", "basket",
        "wardrobe", "cabinet", "chest", "trunk", "room", "bedroom", "playroom", "house", "home", "garage", "loft", "nursery"];

    /// <summary>"has a shelf full of books", "a drawer full of board games", "her room is full of lego": owned plenty.</summary>
    private static bool IsContainerFullOf(Utterance u, int of) =>
        u.LowerAt(of) == "of" && u.LowerAt(of - 1) == "full"
        && (Containers.Contains(u.LowerAt(of - 2)) || FullAfter(u, of - 2) is var verb and > 0 && Enumerable.Range(verb - 3, 3).Any(k => Containers.Contains(u.LowerAt(k))));

    /// <summary>"her room is full of", "her room is already full of": the verb before "full", or -1.</summary>
    private static int FullAfter(Utterance u, int before) =>
        u.LowerAt(before) is "is" or "'s" or "are" ? before
        : u.LowerAt(before) is "already" or "literally" or "basically" or "completely" or "totally" or "just" && u.LowerAt(before - 1) is "is" or "'s" or "are" ? before - 1 : -1;
    private static readonly HashSet<string> PlentyAfterA = ["great", "million", "billion", "zillion", "gazillion", "thousand", "hundred", "ton", "load", "mountain", "heap", "lot"];
    private static readonly HashSet<string> LovesWords = ["loves", "love", "likes", "like", "enjoys", "enjoy", "adores", "adore"];
    private static readonly HashSet<string> Liking = ["love", "loves", "loved", "like", "likes", "into", "adore", "adores", "enjoys", "obsessed", "mad", "fan", "of"];

    /// <summary>
    /// "I was going to get him lego but he's got loads", "thought of a puzzle, she has plenty already": a "has loads"
    /// with nothing after it points back at the thing last named, which is then owned (ruled out unless also loved).
    /// A thing named as loved ("she loves lego and has loads") stays wanted.
    /// </summary>
    private static void MarkOwnedBackReferences(Utterance u, NegationScope scope)
    {
        for (var i = 1; i < u.Tokens.Count; i++)
        {
            // "he just has too many", "she's got more than enough": more than they want, not merely plenty.
            var tooMany = u.LowerAt(i) is "many" or "much" && u.LowerAt(i - 1) is "too" or "so" || u.ReadsAt(i - 2, "more", "than", "enough");
            // "colouring books - we have a drawer full", "got boxes full": a container full of what was named before.
            var full = u.LowerAt(i) == "full" && Containers.Contains(u.LowerAt(i - 1));
            var verb = full ? (u.LowerAt(i - 2) is "a" or "an" or "the" or "two" or "three" or "whole" ? i - 3 : i - 2)
                : tooMany ? (u.LowerAt(i - 1) is "too" or "so" ? i - 2 : i - 3) : i - 1;
            if (!tooMany && !full && !Plenty.Contains(u.Tokens[i].Lower) || u.LowerAt(verb) is not ("got" or "has" or "have" or "'s")) continue;
            var next = u.LowerAt(i + 1);
            // "lego is something he's got too much of": the "of" ends the clause and points back too.
            if (tooMany && next == "of" && u.LowerAt(i + 2) is "" or "," or "." or "!" or ";" or "already" or "so" or "but" or "and") next = "";
            if (next is not ("" or "," or "." or "!" or ";" or "already" or "so" or "but" or "and") && !IsSpacedDash(u, i + 1)) continue;
            for (var j = verb - 1; j >= Math.Max(0, verb - 15); j--)
            {
                if (u.PhraseCovering(j) is not { } phrase || phrase.Of(PhraseKind.Interest) is null) continue;
                // "she loves lego and has loads" stays wanted; "not that he doesn't like books, he just has too many" does not.
                // "colouring books": the things named together, as one.
                var start = phrase.First;
                while (u.PhraseCovering(start - 1) is { } before && before.Of(PhraseKind.Interest) is not null && before.Last == start - 1) start = before.First;
                if (!tooMany && Enumerable.Range(Math.Max(0, start - 2), Math.Min(2, start)).Any(k => Liking.Contains(u.LowerAt(k)))) break;
                for (var k = start; k <= phrase.Last; k++)
                {
                    scope._owned[k] = !tooMany && (!scope._negated[k] || scope._owned[k]);
                    scope._negated[k] = true;
                }
                break;
            }
        }
    }

    private static readonly HashSet<string> Determiners = ["my", "our", "a", "an", "the", "his", "her", "their", "your"];

    /// <summary>A person (recipient, stage or people word) starts at <paramref name="index"/>, after a determiner or not.</summary>
    private static bool IsPersonAfter(Utterance u, int index)
    {
        if (Determiners.Contains(u.LowerAt(index))) index++;
        return u.PhraseCovering(index)?.Entries.Any(e => e.Kind is PhraseKind.Recipient or PhraseKind.AgeWord) == true
            || Entities.Cues.PeopleWords.Contains(u.LowerAt(index)) || u.NumberStartingAt(index) is not null;
    }

    // "no books, no puzzles - just loves cars": a dash with spaces around it closes an aside like a comma; "t-rex" and
    // "no-go" are written without spaces.
    private static bool IsSpacedDash(Utterance u, int j) =>
        u.LowerAt(j) == "-" && j > 0 && u.Tokens[j].Start > u.Tokens[j - 1].End;

    /// <summary>
    /// "doesn't want anything to do with sports", "nothing to do with screens": the filler "to do with" pushes the thing
    /// ruled out past the usual reach, so the scope reaches that much further.
    /// </summary>
    private static int LongWindedLength(Utterance u, int from, int to)
    {
        for (var j = from; j <= to; j++)
        {
            if (Stops.Contains(u.LowerAt(j))) return 0;
            if (u.ReadsAt(j, "to", "do", "with")) return 3;
        }
        return 0;
    }

    /// <summary>The interest phrase just before <paramref name="i"/>, past a general noun ("animal toys ❌", "musical toys x").</summary>
    private static PhraseMatch? ThingBefore(Utterance u, int i)
    {
        var k = GeneralNouns.Contains(u.LowerAt(i - 1)) ? i - 2 : i - 1;
        return u.PhraseCovering(k) is { } phrase && phrase.Of(PhraseKind.Interest) is not null ? phrase : null;
    }

    private static bool GluedToThingAfter(Utterance u, int i) =>
        u.TokenAt(i + 1) is { } next && next.Start == u.Tokens[i].End && (u.PhraseCovering(i + 1)?.Of(PhraseKind.Interest) is not null || IsPictographAt(u, i + 1));

    /// <summary>"🚫 lego", "❌ books", "no 🎮 🙅": a prohibition sign before a thing rules it out like "no".</summary>
    internal static bool IsNoEmoji(Text.Token token) =>
        token.IsWord && token.Lower.Length > 0 && NoEmoji.Any(e => token.Lower.StartsWith(e, StringComparison.Ordinal));

    private static readonly string[] NoEmoji = ["🚫", "❌", "⛔", "🙅", "✖", "❎", "🛑", "✗", "✘", "✕"];

    /// <summary>"books 👎 dinos 👍": a thumbs down judges the thing before it only.</summary>
    private static bool IsThumbsDown(Text.Token token) => token.IsWord && token.Lower.StartsWith("👎", StringComparison.Ordinal);

    private static readonly HashSet<string> FieldMarks = [":", "-", ">", "=", "→", "⇒"];

    private static readonly HashSet<string> FieldNameWords = ["-", "go", "buy", "get", "list", "items", "allowed", "please", "pls"];

    /// <summary>
    /// Where a form field's value starts after the cue at <paramref name="cue"/> ("NOT: books", "avoid -> board games",
    /// "no-go list: slime"), or null when no colon or arrow follows the cue.
    /// </summary>
    private static int? FieldValueStart(Utterance u, int cue)
    {
        var k = cue + 1;
        // "no-go list:", "don't-buy list:", "not allowed:": the rest of the field's name.
        while (k <= cue + 4 && FieldNameWords.Contains(u.LowerAt(k)) && !(u.LowerAt(k) == "-" && FieldMarks.Contains(u.LowerAt(k + 1)))) k++;
        var marks = k;
        while (FieldMarks.Contains(u.LowerAt(k)) && k < marks + 3) k++;
        // A lone spaced dash is an aside ("no books - just loves cars"), not a field.
        var arrowOrColon = Enumerable.Range(marks, k - marks).Any(m => u.LowerAt(m) is ":" or ">" or "=" or "→" or "⇒");
        return arrowOrColon && k < u.Tokens.Count ? k : null;
    }

    /// <summary>"more dinosaurs than a museum", "more books than he'll ever read": owning more of a thing than a place or a
    /// lifetime holds. "no more than 20" and "loves art more than music" name no thing between "more" and "than".</summary>
    private static bool IsExcessComparison(Utterance u, int more)
    {
        if (u.LowerAt(more) != "more" || u.LowerAt(more - 1) is "no" or "any" or "not" || u.LowerAt(more + 1) == "than") return false;
        // "nobody is more into dinosaurs than my 5 year old": loving it more, not owning more.
        if (u.LowerAt(more + 1) is "into" or "obsessed" or "excited" or "mad" or "crazy" or "passionate" or "keen") return false;
        for (var k = more + 2; k <= more + 5; k++)
        {
            if (Stops.Contains(u.LowerAt(k)) && u.LowerAt(k) != "than") return false;
            if (u.LowerAt(k) != "than") continue;
            return u.NumberStartingAt(k + 1) is null && u.LowerAt(k + 1) is "a" or "an" or "the" or "he" or "she" or "they" or "we" or "you" or "i"
                or "his" or "her" or "my" or "our" or "their" or "most" or "anyone" or "anybody" or "any" or "some" or "he'll" or "she'll";
        }
        return false;
    }

    // "she's so over unicorns", "he's 7 and over trains", "(14), over lego", "kinda past the dolls stage": what may come
    // right before "over" or "past" when it means grown beyond a thing. "over the moon", "crazy over lego" are not.
    private static readonly HashSet<string> BeforeGrownBeyond = ["'s", "is", "are", "'re", "am", "'m", "was", "been", "so", "soo", "sooo", "soooo", "totally",
        "completely", "and", "n", ",", "-", "(", "really", "well", "now", "kinda", "kind", "bit", "just", "way", "officially", "basically", "pretty", "long"];

    private static readonly HashSet<string> BeforeThing = ["the", "whole", "all", "her", "his", "their", "those", "these", "any", "anything", "of"];

    /// <summary>The interest phrase at <paramref name="index"/>, after "the whole", "her", "all the" and such; "over the moon" is none.</summary>
    private static PhraseMatch? ThingAfter(Utterance u, int index)
    {
        var k = index;
        while (k < index + 3 && BeforeThing.Contains(u.LowerAt(k))) k++;
        if (u.LowerAt(k) == "moon") return null;
        return u.PhraseCovering(k) is { } phrase && phrase.First == k && phrase.Of(PhraseKind.Interest) is not null ? phrase : null;
    }

    /// <summary>
    /// "if I see one more puzzle I'll scream", "god help me if it's another board game", "one more teddy and I'm moving
    /// out": "another" or "one more" dreaded in an "if" clause or before "and I'll" rules the thing out. "if she likes
    /// another lego set" is rare enough in a gift request; "another" alone ("another lego set for his collection") is not.
    /// </summary>
    private static bool IsDreadedMore(Utterance u, int i)
    {
        var more = u.LowerAt(i) == "another" || u.LowerAt(i) == "more" && u.LowerAt(i - 1) is "one" or "any";
        if (!more) return false;
        var first = u.LowerAt(i) == "another" ? i : i - 1;
        for (var k = first - 1; k >= Math.Max(0, first - 6) && !Stops.Contains(u.LowerAt(k)); k--)
            if (u.LowerAt(k) == "if") return true;
        for (var k = i + 2; k <= i + 5 && !Stops.Contains(u.LowerAt(k)); k++)
            if (u.LowerAt(k) == "and" && u.LowerAt(k + 1) is "i" or "we" or "mum" or "mom" or "dad") return true;
        return false;
    }

    private static readonly HashSet<string> PlacesFullOf = ["museum", "shop", "store", "graveyard", "cemetery", "library", "zoo", "warehouse", "factory",
        "gallery", "showroom", "emporium", "fleet", "army", "mountain", "depot", "garage", "farm"];

    /// <summary>
    /// "baking sets she's got", "a scooter he has already": the thing owned named before who owns it, at the clause's
    /// end, is owned as "she's got a baking set" would be.
    /// </summary>
    private static void MarkFrontedOwned(Utterance u, NegationScope scope)
    {
        for (var i = 1; i + 2 < u.Tokens.Count + 1; i++)
        {
            if (u.LowerAt(i) is not ("he" or "she" or "they" or "we")) continue;
            var k = i + 1;
            if (u.LowerAt(k) is "'s" or "'ve" or "has" or "have" && u.LowerAt(k + 1) == "got") k++;
            if (u.LowerAt(k) is not ("got" or "has" or "have" or "owns" or "own")) continue;
            // "Lego?? he has the whole shop", "books? she's got the lot": all there is of the thing asked about.
            var wholeLot = (u.ReadsAt(k + 1, "the", "whole") || u.ReadsAt(k + 1, "the", "entire") || u.ReadsAt(k + 1, "the", "lot") || u.ReadsAt(k + 1, "every", "one")
                || u.ReadsAt(k + 1, "them", "all") || u.ReadsAt(k + 1, "all", "of", "them")) && u.LowerAt(i - 1) == "?";
            if (!wholeLot && u.LowerAt(k + 1) is not ("" or "," or "." or "!" or ";" or "already" or "tho" or "though" or "lol")) continue;
            var last = i - 1;
            while (wholeLot && last > 0 && u.LowerAt(last) == "?") last--;
            if (wholeLot && u.PhraseCovering(last)?.Of(PhraseKind.Interest) is null) continue;
            var first = -1;
            for (var j = last; j >= Math.Max(0, last - 3) && u.Tokens[j].IsWord && !Stops.Contains(u.LowerAt(j)); j--) first = j;
            // The clause is the thing and who owns it: "loves horses, plushies she's got" (not "what she's got is old").
            if (first < 0 || u.LowerAt(first - 1) is not ("" or "," or "." or "!" or ";" or "(" or "-") || u.LowerAt(first) is "what" or "all" or "everything" or "anything") continue;
            scope._starts.Add(first);
            for (var j = first; j <= last; j++)
            {
                scope._negated[j] = true;
                scope._owned[j] = true;
            }
        }
    }

    private static readonly HashSet<string> HomeWords = ["room", "bedroom", "house", "home", "playroom", "nursery", "shelves", "shelf", "toybox", "cupboard", "loft", "flat", "place"];

    /// <summary>
    /// "her room is basically a unicorn museum", "our house is a dinosaur graveyard already", "her bedroom is like a book
    /// shop": the home already holds a shop's worth of the thing, so it is ruled out unless also said to be loved.
    /// </summary>
    private static void MarkHomesFullOf(Utterance u, NegationScope scope)
    {
        for (var i = 1; i < u.Tokens.Count; i++)
        {
            if (!PlacesFullOf.Contains(u.LowerAt(i)) || u.PhraseCovering(i - 1) is not { } thing || thing.Of(PhraseKind.Interest) is null || thing.Last != i - 1) continue;
            var home = Enumerable.Range(Math.Max(0, thing.First - 6), thing.First - Math.Max(0, thing.First - 6)).Any(k => HomeWords.Contains(u.LowerAt(k)));
            if (!home || u.LowerAt(thing.First - 1) is not ("a" or "an" or "the")) continue;
            for (var k = thing.First; k <= thing.Last; k++)
            {
                scope._owned[k] = !scope._negated[k] || scope._owned[k];
                scope._negated[k] = true;
            }
        }
    }

    /// <summary>"no more", "no more please", "no more 😅": nothing named after it, so it closes what came before.</summary>
    private static bool NoMoreClosing(Utterance u, int i)
    {
        if (!u.ReadsAt(i, "no", "more")) return false;
        var k = i + 2;
        while (u.LowerAt(k) is "please" or "pls" or "plz" or "thanks" or "thx" or "lol" or "!" || u.TokenAt(k) is { IsWord: true } t && IsPictographWord(t.Lower)) k++;
        return u.LowerAt(k) is "" or "," or "." or ";" or "-" || u.NumberStartingAt(k) is not null;
    }

    private static bool IsPictographAt(Utterance u, int i) => u.TokenAt(i) is { IsWord: true } t && IsPictographWord(t.Lower);

    /// <summary>"her mum will kill me", "I'm in the doghouse": trouble for the shopper (lexicon troublePhrases) starts at <paramref name="k"/>.</summary>
    private static bool IsTroubleAt(Utterance u, int k) => u.PhraseCovering(k) is { } p && p.First == k && p.Of(PhraseKind.Trouble) is not null;

    /// <summary>The last token of the trouble phrase starting at <paramref name="k"/>, or -1.</summary>
    private static int TroubleEnd(Utterance u, int k) => IsTroubleAt(u, k) ? u.PhraseCovering(k)!.Last : -1;

    // "if I send slime", "if it makes a noise", "if we turn up with lego", "if anyone buys her a puzzle": who does what before the thing.
    private static readonly HashSet<string> IfClauseLeadIns = ["i", "we", "you", "it", "anyone", "anybody", "someone", "somebody", "he", "she", "they", "'s", "is", "'m", "am",
        "send", "sends", "buy", "buys", "get", "gets", "give", "gives", "bring", "brings", "turn", "turns", "show", "shows", "up", "with", "makes", "make", "has", "have", "involves",
        "another", "any", "more", "one", "a", "an", "the", "her", "him", "them", "his", "something", "anything", "even", "ever", "so", "much", "as",
        "bought", "got", "sent", "gave", "brought", "buying", "getting", "sending", "giving", "kid", "kids", "child", "'ll", "will", "'d", "would", "ever",
        // "if I bring home anything with glitter", "if we show up with slime": where the thing is brought.
        "home", "round", "over", "back", "along", "in", "into", "house"];

    /// <summary>
    /// "her mum will kill me if it makes a noise", "my sister will disown me if I send slime": a threat on the shopper
    /// for giving the thing rules it out, whatever verb leads to it.
    /// </summary>
    private static void MarkThreatenedIfs(Utterance u, NegationScope scope)
    {
        for (var i = 0; i < u.Tokens.Count; i++)
        {
            if (u.LowerAt(i) != "if") continue;
            // "I'll be in trouble if it's noisy", "if it beeps his mum will ban me from the house": the threat before or after.
            var threat = Enumerable.Range(Math.Max(0, i - 7), Math.Min(7, i)).Any(k => TroubleEnd(u, k) is var last && last >= i - 3 && last < i)
                || Enumerable.Range(i + 2, 9).TakeWhile(k => u.LowerAt(k) is not ("." or "!" or "?" or ";" or "")).Any(k => IsTroubleAt(u, k));
            if (!threat) continue;
            var from = i + 1;
            while (from < i + 7 && (IfClauseLeadIns.Contains(u.LowerAt(from)) || u.IsRecipientAt(from)) && u.PhraseCovering(from)?.Of(PhraseKind.Interest) is null) from++;
            // "if you suggest anything with slime", "if I even mention a drum": whatever the verb, the thing it leads to.
            if (!IfClauseLeadIns.Contains(u.LowerAt(from)) && u.PhraseCovering(from)?.Of(PhraseKind.Interest) is null
                && Enumerable.Range(from + 1, 4).TakeWhile(k => !Stops.Contains(u.LowerAt(k)) && !IsTroubleAt(u, k) && (IfClauseLeadIns.Contains(u.LowerAt(k)) || u.PhraseCovering(k)?.Of(PhraseKind.Interest) is not null))
                    .FirstOrDefault(k => u.PhraseCovering(k)?.Of(PhraseKind.Interest) is not null || u.LowerAt(k - 1) == "with" && u.LowerAt(k - 2) is "anything" or "something", -1) is var thing and >= 0) from = thing;
            if (from >= u.Tokens.Count || Stops.Contains(u.LowerAt(from))) continue;
            scope._starts.Add(from);
            for (var k = from; k < u.Tokens.Count && k < from + 3 && !Stops.Contains(u.LowerAt(k)); k++) scope._negated[k] = true;
        }
    }

    /// <summary>
    /// "what he REALLY needs is another puzzle 🙄 (not)", "because she needs more slime 🙄": "another" or "more" of a
    /// thing said with an eye-roll or "(not)" means the opposite, so the thing is ruled out.
    /// </summary>
    private static void MarkSarcasticWants(Utterance u, NegationScope scope)
    {
        for (var i = 0; i < u.Tokens.Count; i++)
        {
            var rolled = u.LowerAt(i).StartsWith("🙄", StringComparison.Ordinal) || u.LowerAt(i).StartsWith("🙃", StringComparison.Ordinal) || u.LowerAt(i).StartsWith("😒", StringComparison.Ordinal) || u.ReadsAt(i, "(", "not", ")") || u.ReadsAt(i, "/", "s") && u.LowerAt(i + 2) is "" or "," or "." or ")"
                // "another plastic toy, that's what our house is missing": praise for more clutter at home is sarcasm.
                || u.LowerAt(i) == "missing" && Enumerable.Range(i - 4, 4).Any(k => HomeWords.Contains(u.LowerAt(k))) && Enumerable.Range(i - 7, 7).Any(k => u.LowerAt(k) == "what");
            if (!rolled) continue;
            MarkMockedThing(u, scope, i);
            // "another dinosaur book, just what he needs (not)": the mock praise after a comma points back past it.
            var reach = i - 4;
            var crossed = 0;
            for (var k = i - 1; k >= Math.Max(0, i - 16) && u.LowerAt(k) is not ("." or ";" or "!"); k--)
            {
                if (u.LowerAt(k) == "," && crossed < 2)
                {
                    // "more glitter, yay, my hoover will be thrilled 🙄": the clause after names no thing and no number.
                    var praise = Enumerable.Range(k + 1, i - k - 1).Any(m => u.LowerAt(m) == "what")
                        || Enumerable.Range(k + 1, i - k - 1).All(m => u.PhraseCovering(m) is null && u.NumberStartingAt(m) is null && u.LowerAt(m) != "another" && u.LowerAt(m) != "more");
                    if (!praise) break;
                    crossed++;
                    reach = k - 5;
                    continue;
                }
                if (u.LowerAt(k) == "," || k < reach && crossed > 0) break;
                // "another noisy toy is just what I need at 6am (not)": no comma, the thing a few words further back.
                if (k < reach - 8) continue;
                if (u.LowerAt(k) is not ("another" or "more")) continue;
                var first = k + 1;
                var last = first;
                // "more lego on the floor", "another book she'll never open": the thing ends where what is said of it starts.
                while (last + 1 < i && last < first + 3 && u.TokenAt(last + 1) is { IsWord: true } && !Stops.Contains(u.LowerAt(last + 1))
                    && u.LowerAt(last + 1) is not ("on" or "in" or "at" or "with" or "for" or "to" or "is" or "are" or "she" or "he" or "they" or "we" or "i" or "that" or "which" or "just" or "exactly" or "would" or "will")) last++;
                if (u.TokenAt(first) is not { IsWord: true }) break;
                scope._starts.Add(first);
                for (var m = first; m <= last; m++) scope._negated[m] = true;
                break;
            }
        }
    }

    /// <summary>
    /// "anything with a screen and I'm in the doghouse", "a drum kit? my sister would kill me", "slime again and his mum
    /// will disown me": trouble for the shopper said right after a thing rules the thing out. A thing said to be loved
    /// ("he loves trains, my wife would kill me if I spent more") stays wanted; "if" clauses are MarkThreatenedIfs'.
    /// </summary>
    private static void MarkThreatenedThings(Utterance u, NegationScope scope)
    {
        for (var i = 1; i < u.Tokens.Count; i++)
        {
            if (!IsTroubleAt(u, i)) continue;
            var last = TroubleEnd(u, i);
            // "would kill me if I spent more", "in trouble for spending": what the shopper would do, not a thing.
            if (u.LowerAt(last + 1) is "if" or "when" || u.LowerAt(last + 1) == "for" && u.LowerAt(last + 2).EndsWith("ing", StringComparison.Ordinal)
                || u.LowerAt(last + 2) is "if" && u.LowerAt(last + 1) is "again" or "forever") continue;
            var stop = Math.Max(0, i - 12);
            if (Enumerable.Range(stop, i - stop).Any(k => u.LowerAt(k) is "if" or "unless")) continue;
            for (var k = i - 1; k >= stop && u.LowerAt(k) is not ("." or "!" or ";"); k--)
            {
                // "anything with glitter and I'm dead": a thing no theme names, after "anything with".
                if (u.LowerAt(k) == "with" && u.LowerAt(k - 1) is "anything" or "something" or "everything" && u.PhraseCovering(k + 1) is null)
                {
                    var thing = u.LowerAt(k + 1) is "a" or "an" or "any" ? k + 2 : k + 1;
                    if (thing >= i || !u.Tokens[thing].IsWord) break;
                    scope._starts.Add(thing);
                    for (var m = thing; m < i && m <= thing + 2 && u.Tokens[m].IsWord && !Stops.Contains(u.LowerAt(m)) && u.LowerAt(m) is not ("and" or "or"); m++) scope._negated[m] = true;
                    break;
                }
                // "glitter and I'm in the doghouse", "toy guns and I'm dead": the words no theme names that open the clause.
                if (u.LowerAt(k) == "and" && k >= 1 && k < i && Enumerable.Range(k + 1, i - k - 1).All(m => u.PhraseCovering(m) is null)
                    && (k - 1 == 0 || u.LowerAt(k - 2) is "," or "." or "!" or ";" or "-" || k >= 3 && u.LowerAt(k - 3) is "," or "." or "!" or ";" or "-" || k == 2)
                    && u.PhraseCovering(k - 1) is null && u.Tokens[k - 1].IsWord && u.NumberStartingAt(k - 1) is null)
                {
                    var first = k - 1;
                    while (first > 0 && first > k - 3 && u.Tokens[first - 1].IsWord && !Stops.Contains(u.LowerAt(first - 1)) && u.PhraseCovering(first - 1) is null) first--;
                    scope._starts.Add(first);
                    for (var m = first; m < k; m++) scope._negated[m] = true;
                    break;
                }
                if (u.PhraseCovering(k) is not { } phrase || phrase.Of(PhraseKind.Interest) is null) continue;
                if (scope._negated[phrase.First] || Enumerable.Range(Math.Max(0, phrase.First - 3), Math.Min(3, phrase.First)).Any(m => Liking.Contains(u.LowerAt(m)) && u.LowerAt(m) != "of")) break;
                scope._starts.Add(phrase.First);
                for (var m = phrase.First; m <= phrase.Last; m++) scope._negated[m] = true;
                break;
            }
        }
    }

    /// <summary>
    /// "collects plushies (over 40 now!)", "lego (about 30 sets)": a count of ten or more in brackets right after a thing
    /// says how many are owned, so more of it is ruled out.
    /// </summary>
    private static void MarkCountedCollections(Utterance u, NegationScope scope)
    {
        for (var i = 1; i + 1 < u.Tokens.Count; i++)
        {
            if (u.LowerAt(i) != "(") continue;
            var k = i + 1;
            // "(he has 60 at least)", "(has over 40)".
            if (u.LowerAt(k) is "he" or "she" or "they" or "we") k++;
            if (u.LowerAt(k) is "has" or "have" or "owns" or "got") k++;
            while (k < i + 4 && BeforeCount.Contains(u.LowerAt(k))) k++;
            if (u.NumberStartingAt(k) is not { IsOrdinal: false, IsDecade: false } count || count.Value < 10) continue;
            // "(10 years old)", "(40 euros)": a count of years or money is no collection.
            var after = u.LowerAt(count.Last + 1) == "+" ? count.Last + 2 : count.Last + 1;
            if (CountedNonThings.Contains(u.LowerAt(after)) || u.TokenAt(after)?.Kind == Text.TokenKind.Currency || u.Tokens[k].Kind == Text.TokenKind.Currency || u.LowerAt(k - 1) is "€" or "$" or "£") continue;
            // "granny (90!)", "Tom (12)": a bare number in brackets after a person is an age; a count says how many
            // ("over 40", "30+", "30 sets").
            var thingEnd = u.LowerAt(i - 1) is "everywhere" or "galore" or "already" or "now" ? i - 1 : i;
            if (u.IsRecipientAt(i - 1) || k == i + 1 && after == count.Last + 1 && u.TokenAt(after) is not { IsWord: true }) continue;
            if (u.PhraseCovering(thingEnd - 1) is { } phrase && phrase.Of(PhraseKind.Interest) is not null && phrase.Last == thingEnd - 1)
            {
                for (var m = phrase.First; m <= phrase.Last; m++)
                {
                    scope._owned[m] = !scope._negated[m] || scope._owned[m];
                    scope._negated[m] = true;
                }
                continue;
            }
            // A kind of product no theme names ("plushies"): ruled out as written (productKinds in the lexicon).
            MarkWordsBefore(u, scope, thingEnd);
        }
    }

    /// <summary>
    /// "unicorns were last year", "dinosaurs were just a phase", "the unicorn phase is over", "was obsessed with lego until
    /// last year": a love in the past is over, unless the shopper says it is still on.
    /// </summary>
    private static void MarkPastPhases(Utterance u, NegationScope scope)
    {
        for (var i = 1; i < u.Tokens.Count; i++)
        {
            PhraseMatch? thing = null;
            // "unicorns were last year", "dinosaurs were so last year", "lego was just a phase".
            if (u.ReadsAt(i, "last", "year") || u.ReadsAt(i, "a", "phase") || u.ReadsAt(i, "a", "phase", "."))
            {
                var j = i - 1;
                while (j > 0 && u.LowerAt(j) is "so" or "just" or "only" or "totally" or "really" or "like" or "very") j--;
                if (u.LowerAt(j) is not ("was" or "were")) continue;
                thing = ThingEndingAt(u, j - 1);
            }
            // "the unicorn phase is over", "her dinosaur phase ended", "his lego phase has passed".
            else if (u.LowerAt(i) is "phase" or "stage" or "era" or "obsession" or "craze")
            {
                var k = u.LowerAt(i + 1) is "is" or "'s" or "was" or "has" ? i + 2 : i + 1;
                if (u.LowerAt(k) is "well" or "long" or "now" or "finally" or "officially" or "definitely" or "been") k++;
                if (u.LowerAt(k) is not ("over" or "done" or "finished" or "ended" or "passed" or "gone" or "behind")) continue;
                thing = ThingEndingAt(u, i - 1);
            }
            // "was obsessed with lego until last year", "loved dinosaurs till recently", "was into slime up until summer".
            else if (u.LowerAt(i) is "until" or "till" or "til" or "untill")
            {
                if (Enumerable.Range(i + 1, 8).TakeWhile(m => u.LowerAt(m) is not ("." or "!" or "?" or ";" or "")).Any(m => u.LowerAt(m) is "birthday" or "christmas" or "xmas" or "bday")) continue;
                for (var k = i - 1; k >= Math.Max(0, i - 5) && thing is null; k--)
                    if (u.PhraseCovering(k) is { } p && p.Of(PhraseKind.Interest) is not null && Enumerable.Range(Math.Max(0, p.First - 3), Math.Min(3, p.First)).Any(m => u.LowerAt(m) is "loved" or "liked" or "adored" or "was" or "were" || u.LowerAt(m) == "obsessed" && u.LowerAt(m - 1) is "was" or "were"))
                        thing = p;
            }
            if (thing is null || Enumerable.Range(i, 12).TakeWhile(m => u.LowerAt(m) is not ("." or "!" or "?" or ";" or "")).Any(m => u.LowerAt(m) is "still" or "again")) continue;
            scope._starts.Add(thing.First);
            for (var m = thing.First; m <= thing.Last; m++) scope._negated[m] = true;
        }
    }

    /// <summary>The interest phrase ending at <paramref name="last"/>, or null.</summary>
    private static PhraseMatch? ThingEndingAt(Utterance u, int last) =>
        u.PhraseCovering(last) is { } phrase && phrase.Last == last && phrase.Of(PhraseKind.Interest) is not null ? phrase : null;

    /// <summary>
    /// "a drum kit, what a lovely idea 🙄", "oh great, a drum, what a thoughtful idea (not)", "sure, slime, and I'll just
    /// replace the sofa then 🙄": a clause that only names a thing, then mock praise naming none, closed by an eye-roll.
    /// </summary>
    private static void MarkMockedThing(Utterance u, NegationScope scope, int roll)
    {
        var comma = roll - 1;
        while (comma >= 0 && u.LowerAt(comma) is not ("," or "." or "!" or ";" or "?")) comma--;
        if (comma < 1 || u.LowerAt(comma) != "," || roll - comma > 12 || Enumerable.Range(comma + 1, roll - comma - 1).Any(m => u.PhraseCovering(m) is not null || u.NumberStartingAt(m) is not null)) return;
        var start = comma - 1;
        while (start > 0 && u.LowerAt(start - 1) is not ("," or "." or "!" or ";" or "?" or "-")) start--;
        var first = start;
        while (first < comma && u.LowerAt(first) is "a" or "an" or "some" or "more" or "another" or "the") first++;
        if (first >= comma || u.PhraseCovering(first) is not { } thing || thing.Of(PhraseKind.Interest) is null || thing.First != first) return;
        // Only the thing (and words of it: "a drum kit"): no verb, no person.
        if (comma - first > 3 || Enumerable.Range(first, comma - first).Any(m => !u.Tokens[m].IsWord || Liking.Contains(u.LowerAt(m)))) return;
        scope._starts.Add(first);
        for (var m = first; m < comma; m++) scope._negated[m] = true;
    }

    private static bool IsPictographWord(string word) =>
        word.Length > 0 && (char.IsSurrogate(word[0]) || char.GetUnicodeCategory(word[0]) == System.Globalization.UnicodeCategory.OtherSymbol);

    private static bool StartsScope(Utterance u, int i)
    {
        var word = u.Tokens[i].Lower;
        // "can't get enough of", "can't wait", "can't stop playing" are enthusiasm, not negation.
        // "doesn't get on with puzzles" is a dislike.
        if (word == "'t" && u.LowerAt(i + 1) is "get" or "wait" or "stop" && !u.ReadsAt(i + 2, "on", "with") && !u.ReadsAt(i + 2, "along", "with")) return false;
        // "he never stops talking about space", "can't tear him away from his trains": enthusiasm.
        if (word is "never" or "'t" && u.LowerAt(i + 1) is "stops" or "stop" or "tires" or "shuts"
            || word is "'t" or "cannot" && u.LowerAt(i + 1) is "tear" or "drag" or "prise" or "pry" or "pull" or "get" && Enumerable.Range(i + 2, 3).Any(k => u.ReadsAt(k, "away", "from"))
            || word == "from" && u.LowerAt(i - 1) == "away" && Enumerable.Range(i - 4, 3).Any(k => u.LowerAt(k) is "tear" or "drag" or "prise" or "pry" or "pull" or "tearing" or "dragging")) return false;
        // "no one loves trains more than him", "there's nothing she loves more than baking", "no kid loves animals like my
        // Ellie": a love nobody else matches.
        if (word is "no" or "nothing" or "nobody" or "noone" && Enumerable.Range(i + 1, 3).FirstOrDefault(k => LovesWords.Contains(u.LowerAt(k)), -1) is var loves and >= 0
            && Enumerable.Range(loves + 1, 6).Any(k => u.ReadsAt(k, "more", "than") || u.LowerAt(k) == "like" && k > loves + 1 || u.ReadsAt(k, "as", "much", "as"))) return false;
        // "can't live without his football", "couldn't be without her lego": needing it.
        if (word is "'t" or "never" or "cannot" && (u.ReadsAt(i + 1, "live", "without") || u.ReadsAt(i + 1, "be", "without"))
            || word == "without" && u.LowerAt(i - 1) is "live" or "be" && u.LowerAt(i - 2) is "'t" or "never" or "cannot" or "couldn" or "can") return false;
        // "skip the books", "so skip those": passing on a thing; "loves to skip and dance" is a pastime.
        if (word == "skip" && (u.LowerAt(i - 1) is "to" or "and" or "can" or "loves" or "love" or "likes" or "like" or "enjoys" || u.LowerAt(i + 1) is "and" or "rope" or "ropes" or "," or "." or "")) return false;
        // "cannot stand books", "cannae stand books": as "can't".
        if (word is "cannot" or "cannae" or "canny" or "canna") return u.LowerAt(i + 1) is not ("wait" or "get" or "stop");
        // "puzzles, no way.", "books not fine": a verdict on the thing before, nothing after it is ruled out.
        if (word is "no" or "not" && u.LowerAt(i + 1) is "way" or "fine" or "ok" or "okay" or "good" or "great" or "welcome" or "wanted"
            && (u.LowerAt(i + 2) is "" or "," or "." or "!" or ";" or "-" || IsPictographAt(u, i + 2))) return false;
        // "no rush, but...", "no pressure": easing the shopper's own ask; "nothing beats a sing-along": the best thing there is.
        if (word == "no" && u.LowerAt(i + 1) is "rush" or "hurry" or "pressure" or "worries" or "stress" or "biggie" && (u.LowerAt(i + 2) is "" or "," or "." or "!" or "but" or "though" or "tho" or "really" or "at")
            || word == "nothing" && u.LowerAt(i + 1) is "beats" or "tops" or "compares" or "trumps") return false;
        // "🧸 no more please": a verdict on the thing before it (see MarkRuledOutBackReferences), nothing after it.
        if (NoMoreClosing(u, i)) return false;
        // "hasn't got a chess set yet", "doesn't have one yet": not owning it yet is no dislike.
        if (word == "'t" && u.LowerAt(i + 1) is "got" or "have" or "own" or "get" or "tried" or "had" or "done" && Enumerable.Range(i + 2, 6).TakeWhile(k => !Stops.Contains(u.LowerAt(k))).Any(k => u.LowerAt(k) == "yet")) return false;
        // "i don't know much about minecraft but he loves it": the shopper's own ignorance, not the recipient's dislike.
        if (word == "'t" && u.LowerAt(i + 1) == "know" && u.LowerAt(i + 2) is "much" or "anything" or "a" && Enumerable.Range(i + 3, 2).Any(k => u.LowerAt(k) == "about")) return false;
        // "books ❌ loves space", "📚🚫 son 7": a sign right after a thing is its verdict (see MarkRuledOutBackReferences), not a no
        // for what follows; "space 🚫📚" is glued to the thing after it.
        if (IsNoEmoji(u.Tokens[i]) && !GluedToThingAfter(u, i) && ThingBefore(u, i) is not null) return false;
        if (Cues.Contains(word) || IsNoEmoji(u.Tokens[i])) return true;
        // "👎 princess stuff. boy 7": a thumbs down opening a clause judges what follows; "books 👎" the thing before.
        if (IsThumbsDown(u.Tokens[i]) && ThingBefore(u, i) is null && (i == 0 || u.LowerAt(i - 1) is "," or "." or ";" or "(" or "!" || IsSpacedDash(u, i - 1))) return true;
        // "nah plushies", "nah to dress up stuff": a texted no before the thing; "nah he loves lego" answers something else.
        if (word == "nah") return u.TokenAt(i + 1) is { IsWord: true } && u.LowerAt(i + 1) is not ("he" or "she" or "they" or "i" or "we" or "it" or "thanks" or "thx" or "just" or "not" or "never" or "idk" or "nah" or "no" or "but" or "actually");
        // "spare me the puzzles", "spare us any video games": please do not give.
        if (word == "spare" && u.LowerAt(i + 1) is "me" or "us" && u.LowerAt(i + 2) is "the" or "any" or "anything" or "all" or "more") return true;
        // "done animal toys to death": had so much of it there is nothing left in it.
        if (word == "done" && Enumerable.Range(i + 2, 4).Any(k => u.ReadsAt(k, "to", "death"))) return true;
        // "w/o books": "without" as it is jotted.
        if (word == "o" && u.LowerAt(i - 1) == "/" && u.LowerAt(i - 2) == "w") return true;
        // "she already has lots of lego", "she's over unicorns", "grown out of trains", "bored of puzzles".
        if (word is "has" or "have" or "got" or "owns" or "own" && u.LowerAt(i - 1) == "already") return true;
        // "nope to books", "allergic to anything with nuts".
        if (word == "nope" || word == "to" && u.LowerAt(i - 1) == "allergic") return true;
        // "she has enough teddies", "he's got all the gardening stuff he needs", "has every lego set going", "got too many
        // puzzles", "has tons of lego already": owned all the same ("has loads of lego" alone may be what they love).
        if (word is "has" or "have" or "got" or "owns" && (OwnsPlenty(u, i) || OwnsAlready(u, i)) || HadEnough(u, i)) return true;
        // "he has a chess set so not that", "got a scooter, so no": a thing owned, then waved away.
        if (word is "has" or "have" or "got" or "owns" or "owned" && OwnedThenDismissed(u, i)) return true;
        // "already did candle making", "she's done the sushi kit already": a kit or class had is had.
        if (word is "did" or "done" && (u.LowerAt(i - 1) == "already" || OwnsAlready(u, i) || OwnedThenDismissed(u, i))) return true;
        // "we have about 40 jigsaws", "owns 12 dinosaur figures": a counted collection is plenty owned.
        if (word is "has" or "have" or "got" or "owns" or "own" && (OwnsACollection(u, i) || OwnsPilesOf(u, i))) return true;
        if (IsContainerFullOf(u, i)) return true;
        if (word is "got" or "given" or "received" or "gifted" && IsGivenBefore(u, i)) return true;
        if (GaveThem(u, i)) return true;
        // "she's past the princess phase", "he's past dinosaurs": grown beyond it.
        if (word == "past" && u.LowerAt(i - 1) is "'s" or "is" or "are" or "'re" && u.NumberStartingAt(i + 1) is null) return true;
        // "he's had enough of dinosaurs", "fed up of lego", "fed up with screens", "too old for dinosaurs now".
        if (word is "of" or "with" && (u.LowerAt(i - 1) == "enough" && u.LowerAt(i - 2) is "had" or "'d" or "has" or "have" or "'s"
                || u.ReadsAt(i - 2, "fed", "up"))
            || word == "for" && u.LowerAt(i - 1) is "old" or "big" or "mature" or "cool" && u.LowerAt(i - 2) == "too"
            || word == "for" && (u.ReadsAt(i - 3, "too", "grown", "up") || u.ReadsAt(i - 4, "too", "grown", "-", "up"))) return true;
        // "20, enough teddies already", "enough lego already!!": a clause that opens with plenty owned.
        if (word == "enough" && u.LowerAt(i - 1) is "" or "," or "." or "!" or ";" or "(" or "-" && AlreadyAfter(u, i + 1)) return true;
        // "something other than lego", "apart from books", "aside from screens".
        if (word == "than" && u.LowerAt(i - 1) == "other" || word == "from" && u.LowerAt(i - 1) is "apart" or "aside") return true;
        if (word == "over" && u.LowerAt(i - 1) is "'s" or "is" or "are" && u.NumberStartingAt(i + 1) is null && u.LowerAt(i + 2) != "moon") return true;
        if (word is "over" or "past" && BeforeGrownBeyond.Contains(u.LowerAt(i - 1)) && ThingAfter(u, i + 1) is not null) return true;
        // "she went off fashion stuff this year", "he's gone off lego": stopped liking it ("went off to camp" names no thing).
        if (word == "off" && u.LowerAt(i - 1) is "went" or "gone" or "goes" or "go" or "going" && ThingAfter(u, i + 1) is not null) return true;
        if (word == "of" && u.LowerAt(i - 1) is "out" or "bored" or "tired" or "sick" or "scared" or "afraid" or "terrified" or "frightened"
            // "puzzles coming out of our ears" points back (see MarkRuledOutBackReferences).
            && !(u.LowerAt(i - 1) == "out" && u.LowerAt(i - 2) is "coming" or "come" or "comes" or "pouring" or "spilling")) return true;
        // "scared stiff of dinosaurs", "terrified to death of clowns": how scared comes between the fear and the thing.
        if (word == "of" && (u.LowerAt(i - 1) == "stiff" && u.LowerAt(i - 2) is "scared" or "bored" or "frightened" or "terrified"
            || u.ReadsAt(i - 2, "to", "death") && u.LowerAt(i - 3) is "scared" or "frightened" or "terrified")) return true;
        // "she'd roll her eyes at anything crafty", "wouldn't be seen dead with a book", "pass on the books", "his mum says
        // nix on the screens", "veto on anything musical", "rules out anything with reading in it": a verdict before the thing.
        if (word == "at" && u.LowerAt(i - 1) == "eyes" && Enumerable.Range(i - 3, 2).Any(k => u.LowerAt(k) is "roll" or "rolls" or "rolled" or "rolling")
            || word == "with" && (u.ReadsAt(i - 2, "seen", "dead") || u.ReadsAt(i - 2, "caught", "dead"))
            || word == "on" && u.LowerAt(i - 1) == "pass" && u.LowerAt(i + 1) is not ("to" or "" or "." or "," or "!")
            || word == "on" && u.LowerAt(i - 1) is "veto" or "vetoes" or "nix"
            || word == "out" && u.LowerAt(i - 1) is "rule" or "rules" or "ruling" && u.LowerAt(i + 1) is not ("" or "." or "," or "!" or "?" or "of")) return true;
        // "has a whole library of books", "a whole fleet of cars": a place's worth of the thing.
        if (word == "of" && u.LowerAt(i - 2) == "whole" && PlacesFullOf.Contains(u.LowerAt(i - 1))) return true;
        // "he's done with dinosaurs", "steer clear of anything noisy", "cutting down on screen time", "zero interest in sports".
        if (word == "with" && u.LowerAt(i - 1) is "done" or "finished" or "finish" or "through" || word == "of" && u.LowerAt(i - 1) == "clear"
            // "had it up to here with unicorns", "freaked out by sharks", "bored stiff by board games", "turns his nose up at books".
            || word == "with" && u.ReadsAt(i - 3, "up", "to", "here")
            // "his dad put a ban on video games".
            || word == "on" && u.LowerAt(i - 1) is "ban" or "bans" or "embargo" && u.LowerAt(i - 2) is "a" or "total" or "strict" or "complete"
            // "we've had it with slime", "enough with the puzzles already".
            || word == "with" && (u.ReadsAt(i - 2, "had", "it") || u.LowerAt(i - 1) == "enough" && u.LowerAt(i - 2) is "" or "," or "." or "!" or "ok" or "okay" or "so")
            || word == "by" && (u.LowerAt(i - 1) is "stiff" or "scared" or "frightened" or "terrified" or "spooked" or "bored"
                || u.LowerAt(i - 1) == "out" && u.LowerAt(i - 2) is "freaked" or "creeped" or "weirded" or "grossed"
                || u.LowerAt(i - 1) == "off" && u.LowerAt(i - 2) is "put" or "turned")
            || word == "at" && Enumerable.Range(i - 3, 3).Any(k => u.LowerAt(k) == "nose") && u.LowerAt(i - 1) == "up"
            // "the last thing he needs is another book": what is needed last is not needed.
            || word == "is" && u.LowerAt(i - 1) is "needs" or "need" or "wants" or "want" && Enumerable.Range(i - 5, 4).Any(k => u.ReadsAt(k, "last", "thing"))
            // "if I see one more puzzle I'll scream", "if anyone buys him another dinosaur": one more dreaded.
            || IsDreadedMore(u, i)
            // "daughter (11), more art stuff than a gallery", "has more lego than a toy shop".
            || IsExcessComparison(u, i)
            // "enough books in this house to sink a ship".
            || word == "enough" && Enumerable.Range(i + 2, 6).Any(k => u.LowerAt(k) == "to" && u.LowerAt(k + 1) is "sink" or "fill" or "stock" or "open" or "start" or "last")
            // "something besides art stuff", "she's anti screens".
            || word == "besides" && u.LowerAt(i - 1) is "something" or "anything" or "smth" or "sth"
            // "loves crafts, besides clothes anything goes": "besides" opening a clause before a thing, as "apart from";
            // "besides lego he also loves cars" adds to what is loved.
            || word == "besides" && (i == 0 || u.LowerAt(i - 1) is "," or "." or ";" or "(" or "!" || IsSpacedDash(u, i - 1)) && ThingAfter(u, i + 1) is not null
                && !Enumerable.Range(i + 2, 6).TakeWhile(k => u.LowerAt(k) is not ("" or "," or "." or ";" or "!")).Any(k => u.LowerAt(k) is "also" or "too")
            || word == "anti" && ThingAfter(u, u.LowerAt(i + 1) == "-" ? i + 2 : i + 1) is not null
            // "cutting down on screen time", "cut back on the video games".
            || word == "on" && u.LowerAt(i - 1) is "down" or "back" && u.LowerAt(i - 2) is "cut" or "cutting" or "cuts"
            // "sick to death of lego", "bored to tears of puzzles".
            || word == "of" && u.LowerAt(i - 2) == "to" && u.LowerAt(i - 1) is "death" or "tears" && u.LowerAt(i - 3) is "sick" or "bored" or "tired"
            // "limit screen time", "trying to reduce screen time", "way too much screen time": what there should be less of.
            || word is "limit" or "limiting" or "reduce" or "reducing" or "restrict" or "restricting" && u.LowerAt(i + 1) is not ("is" or "of" or ":" or "'s" or "to")
            || word == "much" && u.LowerAt(i - 1) == "too" && u.PhraseCovering(i + 1)?.Of(PhraseKind.Interest) is not null
            || word == "zero" && u.LowerAt(i + 1) is "interest" or "interested") return true;
        // "his room is wall to wall lego": nothing but it.
        if (word == "wall" && u.ReadsAt(i - 2, "wall", "to")) return true;
        // "my son just got his second lego set": a thing just given is owned.
        if (word == "got" && u.LowerAt(i - 1) == "just" && u.LowerAt(i + 1) is "a" or "an" or "his" or "her" or "their" or "the" && u.LowerAt(i - 2) is not ("i" or "we" or "'ve")) return true;
        // "she's drowning in books", "swimming in lego", "buried in soft toys", "up to her eyeballs in art supplies": owned more than plenty.
        if (word == "in" && u.LowerAt(i - 1) is "drowning" or "swimming" or "buried" or "drowned" or "eyeballs" or "eyes" or "neck" or "necks" or "knee") return true;
        // "shelves groaning with books", "a toy box overflowing with cars", "overrun with teddies".
        // "a cupboard stuffed with those", "shelves packed with books".
        if (word == "with" && u.LowerAt(i - 1) is "groaning" or "overflowing" or "overrun" or "bursting" or "swamped" or "crammed" or "drowning" or "stuffed" or "packed" or "rammed" or "filled" or "heaving") return true;
        // "boxes and boxes of puzzles", "piles and piles of books".
        if (word == "of" && i >= 3 && u.LowerAt(i - 2) == "and" && u.LowerAt(i - 1) == u.LowerAt(i - 3) && u.Tokens[i - 1].IsWord) return true;
        // "skip the books", "skip anything techy", "ditch the lego ideas"; "loves to skip" and "skipping ropes" are not.
        if (word is "skip" or "ditch" or "nix" or "veto") return u.LowerAt(i + 1) is "the" or "any" or "anything" or "all";
        // "anything but books" rules books out; "he has everything but he loves cooking" does not. "any gift but a plushie".
        if (word == "but") return u.LowerAt(i - 1) is "anything" or "everything" or "all" && u.LowerAt(i - 2) is not ("has" or "have" or "got" or "owns")
            || u.LowerAt(i - 1) is "gift" or "present" or "toy" or "thing" or "idea" && u.LowerAt(i - 2) == "any";
        // "anything bar books", "space things, bar lego": "bar" as "except"; "the best reader bar none" excepts nobody.
        if (word == "bar") return u.LowerAt(i - 1) is "anything" or "everything" || u.LowerAt(i - 1) is "gift" or "present" or "toy" or "thing" && u.LowerAt(i - 2) == "any"
            || u.LowerAt(i - 1) == "," && ThingAfter(u, i + 1) is not null;
        // "in place of the usual book": as "instead of".
        if (word == "of") return u.LowerAt(i - 1) == "instead" || u.ReadsAt(i - 2, "in", "place");
        // "get him away from screens", "a break from screens", "get my 9yo off screens", "less screen time": what they
        // should have less of. "20% off", "off to uni" and "show off" are not.
        // "keep the books away from him": what comes after "from" is a person, not a thing.
        if (word == "from") return u.LowerAt(i - 1) is "away" or "break" && !IsPersonAfter(u, i + 1) && u.LowerAt(i + 1) is not ("him" or "her" or "them" or "me" or "us" or "you");
        // "keep the books away", "keep screens out of it": the thing kept away is ruled out.
        if (word is "keep" or "keeps" or "keeping") return ThingAfter(u, i + 1) is { } kept && (u.LowerAt(kept.Last + 1) == "away" || u.ReadsAt(kept.Last + 1, "out", "of"));
        if (word == "off") return i > 0 && u.Tokens[i - 1].IsWord && u.LowerAt(i - 1) is not ("show" or "showing" or "day" or "time" or "kick" or "set" or "go" or "went" or "going")
            && u.LowerAt(i + 1) is not ("to" or "for" or "on" or "at" or "limits" or "-" or "") && u.NumberStartingAt(i + 1) is null
            // "grandson 12, off the tablet for once please": opening a clause, before the thing itself.
            || (i == 0 || u.LowerAt(i - 1) is "," or "." or "-" or "(") && u.PhraseCovering(u.LowerAt(i + 1) is "the" or "his" or "her" or "their" or "those" or "all" ? i + 2 : i + 1)?.Of(PhraseKind.Interest) is not null;
        if (word == "less") return u.LowerAt(i + 1) != "than" && u.NumberStartingAt(i + 1) is null;
        // "would rather die than read", "she'd sooner eat soap than do crafts": the other choice, however bad, beats this one.
        if (word == "than") return Enumerable.Range(i - 5, 5).Reverse().TakeWhile(k => !(Stops.Contains(u.LowerAt(k)) && u.LowerAt(k) is not ("rather" or "so"))).Any(k => u.LowerAt(k) is "rather" or "sooner");
        return false;
    }
}
