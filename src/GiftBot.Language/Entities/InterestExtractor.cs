using GiftBot.Language.Analysis;
using GiftBot.Language.Text;

namespace GiftBot.Language.Entities;

/// <summary>
/// Interests as the catalog's theme names (synonyms and typos included: "rokets" → space, "T-rex" → dinosaurs), split into
/// wanted and ruled out. A negated word that is no theme is ruled out as typed ("not lego" → lego), unless it is an
/// everyday word ("no thanks", "not sure").
/// </summary>
public static class InterestExtractor
{
    private static readonly HashSet<string> SkippedInScope = ["really", "into", "like", "likes", "want", "wants", "any", "more", "the", "a", "an",
        "with", "of", "too", "much", "so", "big", "fan", "keen", "on", "such", "another", "other", "stuff", "things", "thing", "anything", "please", "about", "lots", "lot", "loads", "plenty", "enough", "all", "every", "those", "these", "to", "do",
        // "nothing that needs batteries", "not allowed sweets", "too many puzzles".
        "that", "which", "needs", "need", "uses", "requires", "runs", "allowed", "many", "than", "tons", "heaps", "longer",
        // "no kits with batteries", "no toy guns", "nothing that's a gift set": the kind of thing is what comes after.
        "kit", "kits", "toy", "toys", "set", "sets", "gift", "gifts", "present", "presents", "ones", "item", "items", "made",
        // "got a million candles", "has a great many books": how much is owned.
        "great", "million", "billion", "zillion", "gazillion", "thousand", "hundred", "ton", "load", "mountain", "heap",
        // "not bothered about tech", "not fussed on sport": how little they care, the thing after.
        "bothered", "fussed", "interested", "interest", "big",
        // "grown out of his lego phase", "had it up to here with her unicorns": whose the thing is.
        "his", "her", "their", "our", "my", "your", "whole"];

    // "none of those lol", "no thanks haha": chat fillers rule nothing out.
    private static readonly HashSet<string> ChatFillers = ["lol", "lmao", "lmfao", "haha", "hahaha", "xx", "xxx", "thx", "tho", "pls", "plz", "please", "thanks", "omg", "ffs", "tbh", "obvs", "ofc"];

    private static readonly HashSet<string> LikingVerbs = ["like", "likes", "love", "loves", "want", "wants", "need", "needs", "enjoy", "enjoys", "play", "plays", "care", "do", "collect"];

    /// <returns>What is wanted, what is ruled out, and of those the things owned named in their own words (ruled out as
    /// that word only, never as the theme the word means).</returns>
    public static (IReadOnlyList<EntityMention<string>> Wanted, IReadOnlyList<EntityMention<string>> Excluded, IReadOnlyList<EntityMention<string>> OwnedThings) Extract(
        Utterance u, NegationScope negated, IReadOnlySet<string> knownWords, ProductKinds? productKinds = null, IReadOnlySet<string>? kindsWithinThemes = null)
    {
        var wanted = new List<EntityMention<string>>();
        var excluded = new List<EntityMention<string>>();
        var owned = new List<EntityMention<string>>();
        // Every wanted mention, the same theme named twice included ("loves slime ... something else crafty").
        var wantedMentions = new List<EntityMention<string>>();
        // Every owned mention: "has the glow stars and the rocket" owns two things of one theme.
        var ownedMentions = new List<EntityMention<string>>();
        foreach (var phrase in u.Phrases)
        {
            if (phrase.Of(PhraseKind.Interest) is not { } entry || negated.IsIdiom(phrase.First)) continue;
            // "already has the glow stars", "a yoga mat": a word describing the thing owned is not itself owned (AddOwnedThings).
            if (negated.IsOwned(phrase.First) && OwnedThingHead(u, negated, phrase.Last) is { } head && head > phrase.Last) continue;
            var list = !negated[phrase.First] ? wanted : negated.IsOwned(phrase.First) ? owned : excluded;
            if (list == wanted) wantedMentions.Add(new EntityMention<string>(entry.Value, phrase.First, phrase.Last));
            if (list == owned) ownedMentions.Add(new EntityMention<string>(entry.Value, phrase.First, phrase.Last));
            if (list.All(m => m.Value != entry.Value)) list.Add(new EntityMention<string>(entry.Value, phrase.First, phrase.Last));
        }
        // "already has loads of lego but loves building": what they own is ruled out unless they are said to love that theme too.
        excluded.AddRange(owned.Where(o => wanted.All(w => w.Value != o.Value) && excluded.All(e => e.Value != o.Value)));
        OwnedKindsInsideWantedThemes(u, ownedMentions, wantedMentions, excluded);
        if (kindsWithinThemes is not null) KindsSaidNoTo(u, negated, kindsWithinThemes, excluded);
        var ownedThings = AddOwnedThings(u, negated, knownWords, excluded);
        AddUnknownExclusions(u, negated, knownWords, excluded);
        KindsInsideWantedThemes(u, negated, wantedMentions, excluded);
        if (productKinds is not null) AddProductKinds(u, negated, excluded, productKinds);
        DescribersOfRuledOutThings(u, wantedMentions, excluded);
        // Ruled out wins over wanted in the same sentence ("not space, dinosaurs" keeps only dinosaurs wanted).
        wanted.RemoveAll(w => excluded.Any(e => e.Value == w.Value));
        return (wanted, excluded, ownedThings);
    }

    /// <summary>
    /// "into building but no lego", "loves sport, no footballs": a kind of thing ruled out by a word of a theme that is
    /// said to be loved in other words stays ruled out as that word, and the theme stays wanted. Ruling out the theme by its own
    /// name ("not space, dinosaurs") still rules out the theme.
    /// </summary>
    private static void KindsInsideWantedThemes(Utterance u, NegationScope negated, List<EntityMention<string>> wanted, List<EntityMention<string>> excluded)
    {
        for (var k = 0; k < excluded.Count; k++)
        {
            // "no stuffed animals, loves animals tho": the word describing the theme's name makes it a kind of thing.
            var ruledOut = excluded[k] with { First = WithDescribingWord(u, negated, excluded[k].First) };
            var words = WordForms.Key(u.Tokens.Skip(ruledOut.First).Take(ruledOut.Last - ruledOut.First + 1));
            if (words == WordForms.Key(ruledOut.Value)) continue;
            if (!wanted.Any(w => w.Value == ruledOut.Value && (IsLoved(u, w) || IsListedAlone(u, w)) && WordForms.Key(u.Tokens.Skip(w.First).Take(w.Last - w.First + 1)) != words)) continue;
            // "not a fan of bath toys": the catalog names the kind ("Bath Squirters"), rarely the general noun after it.
            var last = ruledOut.Last > ruledOut.First && GeneralKindNouns.Contains(u.LowerAt(ruledOut.Last)) ? ruledOut.Last - 1 : ruledOut.Last;
            excluded[k] = ruledOut with { Value = u.Slice(ruledOut.First, last).ToLowerInvariant() };
        }
    }

    // A plain no: the kind is not wanted. Outgrowing it or being fed up with it ("too grown up for dolls", "had it up to
    // here with slime") says the whole phase is over, and rules out the theme.
    private static readonly HashSet<string> PlainNoCues = ["no", "not", "'t", "never", "without", "nothing", "none", "sans", "skip", "avoid", "avoiding", "except", "excluding", "dislikes", "dislike", "hates", "hate"];

    /// <summary>
    /// "science but no slime kits", "not into dolls", "just not another harry potter": a plain no to one kind of thing inside
    /// a theme (content/language/lexicon.json kindsWithinThemes) rules out that kind as its words, so products naming it are
    /// left out; the theme stays, whether or not it is wanted.
    /// </summary>
    private static void KindsSaidNoTo(Utterance u, NegationScope negated, IReadOnlySet<string> kinds, List<EntityMention<string>> excluded)
    {
        for (var k = 0; k < excluded.Count; k++)
        {
            var mention = excluded[k];
            if (negated.IsOwned(mention.First) || u.PhraseCovering(mention.First) is not { } phrase || phrase.First != mention.First) continue;
            if (!kinds.Contains(WordForms.Key(u.Tokens.Skip(mention.First).Take(mention.Last - mention.First + 1)))) continue;
            var cue = mention.First - 1;
            while (cue >= 0 && negated[cue] && (SkippedInScope.Contains(u.LowerAt(cue)) || u.Tokens[cue].IsJoiner)) cue--;
            if (!PlainNoCues.Contains(u.LowerAt(cue))) continue;
            excluded[k] = mention with { Value = u.Slice(mention.First, mention.Last).ToLowerInvariant() };
        }
    }

    /// <summary>
    /// "has a console already, into gaming", "already has every lego set, loves building": the thing owned, named in other
    /// words than the theme they love, is ruled out as those words; the theme stays wanted.
    /// </summary>
    private static void OwnedKindsInsideWantedThemes(Utterance u, List<EntityMention<string>> owned, List<EntityMention<string>> wanted, List<EntityMention<string>> excluded)
    {
        foreach (var thing in owned)
        {
            var words = WordForms.Key(u.Tokens.Skip(thing.First).Take(thing.Last - thing.First + 1));
            var loved = wanted.Where(w => w.Value == thing.Value).ToList();
            if (loved.Count == 0) continue;
            // "already got 3 footballs, football crazy": the thing owned named as the thing loved is still ruled out as a
            // kind (football), the theme (sports) stays wanted; owning plenty of the theme itself ("loads of dinosaurs,
            // loves dinosaurs") rules nothing out.
            if (loved.Any(w => WordForms.Key(u.Tokens.Skip(w.First).Take(w.Last - w.First + 1)) == words) && words == WordForms.Key(thing.Value)) continue;
            var value = u.Slice(thing.First, thing.Last).ToLowerInvariant();
            if (excluded.All(e => e.Value != value)) excluded.Add(thing with { Value = value });
        }
    }

    /// <summary>
    /// "not another dinosaur book, into dinosaurs": a theme word right before another ruled-out thing only says which one
    /// (a dinosaur book); when that theme is said to be loved it stays wanted and only the thing after it is ruled out.
    /// </summary>
    private static void DescribersOfRuledOutThings(Utterance u, List<EntityMention<string>> wanted, List<EntityMention<string>> excluded)
    {
        excluded.RemoveAll(e => excluded.Any(thing => thing != e && thing.First == e.Last + 1 && thing.Value != e.Value)
            && u.PhraseCovering(e.First) is { } phrase && phrase.First == e.First && phrase.Last == e.Last
            && wanted.Any(w => w.Value == e.Value && w.First != e.First && IsLoved(u, w)));
    }

    private static readonly HashSet<string> GeneralKindNouns = ["toys", "toy", "stuff", "things", "kits", "kit", "sets", "set", "ones", "items", "gifts"];

    /// <summary>The first token of "stuffed animals" or "soft toys" when only "animals" or "toys" is a known phrase.</summary>
    private static int WithDescribingWord(Utterance u, NegationScope negated, int first) =>
        first > 0 && negated[first - 1] && u.TokenAt(first - 1) is { IsWord: true } word && word.Lower.Length > 2
            && !SkippedInScope.Contains(word.Lower) && u.PhraseCovering(first - 1) is null ? first - 1 : first;

    /// <summary>
    /// "no stuffed animals", "not plushies", "no toys that make noise": a kind of product the shopper calls by another name
    /// than the catalog does (content/language/lexicon.json productKinds), named anywhere a negation covers, is also ruled
    /// out by the catalog's word ("plush", "sound"), so products that name it that way are not shown either.
    /// </summary>
    private static void AddProductKinds(Utterance u, NegationScope negated, List<EntityMention<string>> excluded, ProductKinds productKinds)
    {
        for (var first = 0; first < u.Tokens.Count; first++)
        {
            // "grown out of baby toys and teddies": a kind joined to a ruled-out thing is ruled out with it, though no
            // theme word carried the negation over the "and".
            var joined = u.LowerAt(first - 1) is "and" or "or" or "nor" or "&" or "/" && negated[first - 2];
            for (var last = first; last < Math.Min(u.Tokens.Count, first + productKinds.LongestWords) && (negated[last] || joined); last++)
            {
                if (productKinds.Of(u.Slice(first, last)) is not { } kind) continue;
                // "no teddies" rules out the catalog's "Bunny Comforter" as well as its plush.
                foreach (var word in productKinds.CatalogWords(kind).Where(w => excluded.All(e => e.Value != w)))
                    excluded.Add(new EntityMention<string>(word, first, last));
            }
        }
    }

    // "something techy but not a drone": the thing asked for is wanted as much as a thing loved.
    // "smth else crafty": what is asked for instead. "wants cooking stuff, no recipe books": what they want.
    private static readonly HashSet<string> LovedBefore = ["love", "loves", "like", "likes", "into", "adores", "enjoys", "obsessed", "mad", "crazy", "fan", "about", "something", "smth", "sth", "else",
        "want", "wants", "wanted"];
    // "science yes, chemistry no": a yes after the thing is as good as a love.
    // "10yo science nerd": a nerd, geek or buff of the thing loves it.
    private static readonly HashSet<string> LovedAfter = ["mad", "crazy", "fan", "lover", "obsessed", "fanatic", "yes", "nerd", "geek", "buff", "enthusiast"];

    // "loves sport", "into building", "art mad": said to be loved, not merely named ("needs to get off the console").
    private static bool IsLoved(Utterance u, EntityMention<string> mention) =>
        Enumerable.Range(mention.First - 3, 3).Any(i => LovedBefore.Contains(u.LowerAt(i))) || LovedAfter.Contains(u.LowerAt(mention.Last + 1));

    /// <summary>"no rc cars, 8yo, cars, 30": a thing given alone between commas, as a form is filled in, is what they love.</summary>
    private static bool IsListedAlone(Utterance u, EntityMention<string> mention) =>
        u.LowerAt(mention.First - 1) is "" or "," && u.LowerAt(mention.Last + 1) is "" or "," or "." or "!";

    private static bool IsPictograph(string word) =>
        char.IsSurrogate(word[0]) || char.GetUnicodeCategory(word[0]) == System.Globalization.UnicodeCategory.OtherSymbol;

    private static readonly HashSet<string> ListJoiners = ["and", "&", ",", "or", "plus", "+"];

    // "got a unicorn plush from me last christmas", "has a bike already": words after the thing owned that are not part of it.
    private static readonly HashSet<string> AfterOwnedThing = ["already", "from", "for", "at", "in", "on", "by", "last", "this", "since", "when", "which", "who",
        "he", "she", "they", "now", "too", "as", "well", "lol", "yet", "i", "we", "you",
        // "has every book going", "every lego set ever made": how complete the collection is.
        "going", "ever", "imaginable", "possible", "available", "there", "known", "invented", "out",
        // "enough kits lying around": where the things are.
        "lying", "sitting", "around", "about"];

    /// <summary>
    /// The last word of the thing owned that the token at <paramref name="index"/> is part of ("head" → "torch" in "a head
    /// torch and a compass"), or null when the thing ends at a theme word or nothing plain follows.
    /// </summary>
    private static int? OwnedThingHead(Utterance u, NegationScope negated, int index)
    {
        var head = (int?)null;
        var lastIsTheme = true;
        for (var k = index + 1; k < u.Tokens.Count && negated.IsOwned(k) && !ListJoiners.Contains(u.LowerAt(k)); k++)
        {
            var token = u.Tokens[k];
            if (token.Kind != TokenKind.Word || SkippedInScope.Contains(token.Lower) || ChatFillers.Contains(token.Lower) || AfterOwnedThing.Contains(token.Lower)) break;
            // "already did candle making": doing the theme's thing is the theme, no other thing owned.
            if (token.Lower is "making" or "classes" or "class" or "course" or "lessons" or "workshop") break;
            // "sea creature figures": a theme word between describes the thing too.
            lastIsTheme = u.PhraseCovering(k)?.Of(PhraseKind.Interest) is not null;
            head = k;
        }
        return lastIsTheme ? null : head;
    }

    /// <summary>
    /// "already has a head torch and a compass", "has the whole collection of sea creature figures": each thing owned is
    /// ruled out by the word that names it, its last word (torch, compass, figures), so a second one is not shown. Theme
    /// words are read as themes (see Extract); words describing the thing ("head", "sea creature") rule nothing out.
    /// </summary>
    private static List<EntityMention<string>> AddOwnedThings(Utterance u, NegationScope negated, IReadOnlySet<string> knownWords, List<EntityMention<string>> excluded)
    {
        var things = new List<EntityMention<string>>();
        for (var k = 0; k < u.Tokens.Count; k++)
        {
            // "already has a speaker": a word read as a theme only by correcting its spelling ("sneaker") is also the thing as typed.
            if (!negated.IsOwned(k) || ListJoiners.Contains(u.LowerAt(k)) || u.PhraseCovering(k) is { } typed && (!typed.Corrected || typed.First != typed.Last)) continue;
            var token = u.Tokens[k];
            // "wayyy too many books": how far too many names no thing.
            if (token.Kind != TokenKind.Word || token.Lower.Length < 3 || SkippedInScope.Contains(token.Lower) || ChatFillers.Contains(token.Lower) || AfterOwnedThing.Contains(token.Lower)
                || NegationScope.IsWay(token.Lower) || token.Lower == "far"
                // "a library of them": the pronoun stands for a thing named before (NegationScope), no thing of its own;
                // "already has the first one", "the last one": a card pointed at by its place names no thing either.
                || token.Lower is "them" or "those" or "these" or "ones" or "one" or "last" || u.NumberStartingAt(k) is { IsOrdinal: true }) continue;
            // The last plain word names the thing ("torch"); a plain word before it says which ("head", "karaoke", "glow"),
            // and a second one of those is not wanted either. An everyday word counts only as the thing after a determiner.
            var next = k + 1;
            var ends = !negated.IsOwned(next) || ListJoiners.Contains(u.LowerAt(next)) || AfterOwnedThing.Contains(u.LowerAt(next)) || ChatFillers.Contains(u.LowerAt(next))
                || u.TokenAt(next) is not { Kind: TokenKind.Word } || SkippedInScope.Contains(u.LowerAt(next));
            // "the whole collection of X", "a set of Y": the container names no thing; what it holds does.
            if (u.LowerAt(next) == "of" || knownWords.Contains(token.Lower) && !(ends && IsNounAfterDeterminer(u, negated, k))) continue;
            if (excluded.Any(e => e.Value == token.Lower)) continue;
            excluded.Add(new EntityMention<string>(token.Lower, k, k));
            things.Add(excluded[^1]);
        }
        return things;
    }

    /// <summary>"a compass", "the rocket", "a yoga mat": an everyday word is still a thing when a determiner names it.</summary>
    private static bool IsNounAfterDeterminer(Utterance u, NegationScope negated, int k)
    {
        for (var m = k - 1; m >= Math.Max(0, k - 3) && negated.IsOwned(m); m--)
        {
            if (u.LowerAt(m) is "a" or "an" or "the" or "his" or "her" or "their") return true;
            if (ListJoiners.Contains(u.LowerAt(m))) return false;
        }
        return false;
    }

    private static void AddUnknownExclusions(Utterance u, NegationScope negated, IReadOnlySet<string> knownWords, List<EntityMention<string>> excluded)
    {
        foreach (var start in negated.Starts)
        {
            // Things owned are ruled out by their last word (AddOwnedThings), not their first.
            if (negated.IsOwned(start)) continue;
            // The first content word of each negation scope; after "don't"/"never" it must follow a liking verb ("doesn't like lego", not "don't understand").
            var j = start;
            if (u.LowerAt(start - 1) is "'t" or "never" && u.LowerAt(start) is var verb && !SkippedInScope.Contains(verb))
            {
                if (!LikingVerbs.Contains(verb)) continue;
                j++;
            }
            var kit = -1;
            while (j < u.Tokens.Count && negated[j] && (SkippedInScope.Contains(u.Tokens[j].Lower) || u.Tokens[j].IsJoiner))
            {
                if (u.LowerAt(j) is "kit" or "kits") kit = j;
                j++;
            }
            // "so no kits": the general word is the thing itself when nothing follows it.
            if (kit >= 0 && (j >= u.Tokens.Count || !negated[j]) && excluded.All(e => e.Value != "kit")) excluded.Add(new EntityMention<string>("kit", kit, kit));
            if (j >= u.Tokens.Count || !negated[j]) continue;
            var token = u.Tokens[j];
            // "no 🧸": a pictograph is a word however short its text.
            if (token.Kind != TokenKind.Word || token.Lower.Length < 3 && !IsPictograph(token.Lower)) continue;
            // "not a speaker": a word read as a theme only by correcting its spelling ("sneaker") is also the thing as typed.
            var typo = u.PhraseCovering(j) is { } typed && typed.Corrected && typed.First == typed.Last;
            if (u.PhraseCovering(j) is not null && !typo) continue;
            // "that aren't more track", "not another mug": an everyday word after "more" or "another" is a thing all the same.
            var thing = typo || u.LowerAt(j - 1) is "more" or "another";
            if (!thing && (knownWords.Contains(token.Lower) || knownWords.Contains(WordForms.Stem(token.Lower))) || ChatFillers.Contains(token.Lower) || Cues.GiftQualities.Contains(token.Lower)) continue;
            if (excluded.All(e => e.Value != token.Lower)) excluded.Add(new EntityMention<string>(token.Lower, j, j));
        }
    }
}
