using GiftBot.Language.Analysis;
using GiftBot.Language.Entities;
using GiftBot.Language.Text;

namespace GiftBot.Language.Interests;

/// <summary>The shopper's own words for what the recipient loves ("trucks", "fly fishing", "Minecraft"), with where they start.</summary>
public sealed record Wish(string Text, int First, int Last, bool Cued);

/// <summary>
/// Finds what the recipient loves in the shopper's words, by the grammar around it rather than a list of hobbies:
/// after a liking cue ("loves", "is into", "obsessed with", "a big fan of", "is a"), before a fan word ("football-mad",
/// "a Harry Potter fan"), or, with no cue, the few words left over once recipients, ages, budgets and occasions are
/// taken out ("minecraft stuff for my 9yo"). Negated words are never a wish ("not into books").
/// </summary>
public static class WishFinder
{
    private const int MaxWords = 4;

    private static readonly HashSet<string> LikingCues =
        ["loves", "love", "loving", "luvs", "luv", "loved", "likes", "liked", "adored", "digs", "fascinated", "favourite", "favorite", "fave", "learning", "studying",
         "practising", "practicing", "wants", "dreams", "enjoys", "enjoy", "into", "adores", "adore", "collects", "collect", "plays", "obsessed", "crazy",
         "mad", "nuts", "fan", "passionate", "keen", "hooked", "addicted", "interested", "fond", "fanatic", "obsession", "hobby", "hobbies", "passion", "interests",
         // What someone does rather than likes: "just started karate", "took up knitting", "goes to swimming lessons", "makes stop motion videos", "spends all his time on roblox".
         "started", "starting", "took", "goes", "makes", "spends", "drinks", "reads", "listens", "asked"];

    private static readonly HashSet<string> FanWordsAfter = ["related", "themed", "rat", "bunny", "head", "mad", "obsessed", "crazy", "lover", "lovers", "fan", "fans", "nut", "geek", "nerd", "enthusiast", "fanatic", "junkie", "addict", "buff", "snob", "fiend", "freak", "whizz", "whiz", "aficionado", "connoisseur", "obsessive"];

    private static readonly HashSet<string> SkippedAfterCue =
        ["with", "about", "of", "on", "in", "to", "for", "by", "be", "become", ":", "-", "all", "things", "thing", "stuff", "anything", "everything", "really", "a", "an", "the", "his", "her",
         "their", "big", "huge", "massive", "total", "absolute", "so", "very", "kinds", "sorts", "types", "is", "are", "currently", "lately", "just", "also", "much",
         "up", "bit", "good", "proper", "real", "budding", "future", "aspiring", "life", "time", "days", "free", "spare", "weekends", "evenings", "hours", "doing", "learning",
         "way", "too", "lot", "lots", "loads", "tons"];

    // Grammar words that end a wish or are never one: pronouns, verbs of being, prepositions of price and time, request words, laughter ("no idea what he likes lol").
    private static readonly HashSet<string> NotWishWords =
        ["and", "or", "but", "for", "under", "below", "over", "above", "max", "maximum", "budget", "around", "about", "up", "upto", "so", "who", "which", "that",
         "please", "pls", "plz", "lol", "lmao", "haha", "hahaha", "rofl", "any", "ideas", "idea", "suggestions", "suggestion", "recommendations", "help", "gift", "gifts", "present", "presents",
         "something", "anything", "is", "was", "are", "has", "have", "had", "he", "she", "they", "i", "we", "you", "me", "my", "his", "her", "their", "our",
         "your", "him", "them", "at", "from", "within", "less", "more", "than", "no", "not", "too", "also", "lately", "recently", "these", "days", "right",
         "now", "atm", "currently", "need", "needs", "looking", "look", "want", "wants", "find", "buy", "get", "got", "getting", "a", "an", "the", "some",
         "hi", "hello", "hey", "year", "years", "old", "yo", "yr", "yrs", "age", "aged", "turning", "turns", "be", "will", "can", "could", "would", "should",
         "what", "good", "nice", "cool", "great", "best", "perfect", "cheap", "each", "both", "total", "tops", "spend", "spending", "to", "of", "in", "on",
         "with", "do", "does", "did", "it", "its", "this", "one", "someone", "somebody", "person", "guy", "lady", "man", "woman", "loves", "love", "likes",
         "like", "into", "enjoys", "thanks", "thank", "thx", "ty", "just", "really", "very", "bit", "little", "lot", "lots", "stuff", "things", "thing",
         "options", "option", "items", "item", "products", "toy", "toys", "around", "ish", "euros", "euro", "dollars", "dollar", "bucks", "pounds", "quid",
         "max.", "if", "possible", "maybe", "probably", "idk", "dunno", "know", "sure", "ok", "okay", "yes", "no", "isn't", "doesn't", "don't", "'s", "'t",
         "'re", "'m", "im", "id", "ill", "ive", "etc", "everything", "whatever", "kind", "type", "sort", "mostly", "kinda", "sorta", "pretty", "super",
         "only", "even", "still", "then", "there", "here", "when", "where", "how", "why", "as", "by", "between", "and/or", "w/", "re", "xx", "x"];

    public static Wish? Find(Utterance u, ExtractedEntities entities, NegationScope negated)
    {
        for (var i = 0; i < u.Tokens.Count; i++)
        {
            if (negated[i] || !IsCue(u, i)) continue;
            var start = i + 1;
            while (start < u.Tokens.Count && SkippedAfterCue.Contains(u.LowerAt(start))) start++;
            if (Span(u, entities, negated, start, forward: true) is { } after) return after;
        }
        for (var i = 1; i < u.Tokens.Count; i++)
        {
            if (!FanWordsAfter.Contains(u.LowerAt(i))) continue;
            var end = u.LowerAt(i - 1) == "-" ? i - 2 : i - 1;
            if (end >= 0 && !negated[end] && Span(u, entities, negated, end, forward: false) is { } before) return before;
        }
        // "she's really sporty", "he is very creative": a description after "is" may mean a theme; like left-over words it
        // counts only when it does (Cued: false).
        for (var i = 0; i < u.Tokens.Count; i++)
        {
            if (negated[i] || u.LowerAt(i) is not ("is" or "'s" or "are" or "'re")) continue;
            // Only a person is described so ("the weather on mars is purple" is no wish).
            if (!(u.LowerAt(i - 1) is "he" or "she" or "they" or "who" || u.IsRecipientAt(i - 1))) continue;
            var start = i + 1;
            while (u.LowerAt(start) is "really" or "very" or "so" or "super" or "quite" or "pretty" or "extremely" or "incredibly" or "totally") start++;
            if (start == i + 1 && u.LowerAt(start) is not { Length: > 0 }) continue;
            if (u.TokenAt(start) is { IsWord: true } && CanBeWish(u, entities, negated, start) && !CanBeWish(u, entities, negated, start + 1))
                return new Wish(u.Slice(start, start), start, start, Cued: false);
        }
        return LeftOver(u, entities, negated);
    }

    /// <summary>"is a gamer", "she's a foodie": a person described by a noun.</summary>
    private static bool IsCue(Utterance u, int i)
    {
        // "he like football", "she play piano", "who does ballet": the verb without its -s, as non-native speakers write it.
        if (u.LowerAt(i) is "like" or "play" or "does" or "do" && u.LowerAt(i - 1) is "he" or "she" or "who" or "they" && u.TokenAt(i + 1) is { IsWord: true } next
            && !NotWishWords.Contains(next.Lower)) return true;
        // "she's all about horses", "big on football".
        if (u.LowerAt(i) is "about" or "on" && u.LowerAt(i - 1) is "all" or "big") return true;
        // "lives on his skateboard", "lives for football", "practically lives in the pool": what someone is never without.
        if (u.LowerAt(i) is "lives" or "live" && u.LowerAt(i + 1) is "for" || u.LowerAt(i) is "lives" or "live" && u.LowerAt(i + 1) is "on" or "in"
            && u.LowerAt(i + 2) is "his" or "her" or "their" or "the") return true;
        // "always doing cartwheels", "forever drawing", "constantly up a tree": what someone keeps doing.
        if (u.LowerAt(i) is "always" or "forever" or "constantly" && u.TokenAt(i + 1) is { IsWord: true } doing
            && (doing.Lower.EndsWith("ing", StringComparison.Ordinal) && doing.Lower.Length > 4 || doing.Lower is "up" or "on" or "in" or "outside" or "out")) return true;
        // "something he can push along", "a toy she can stack": what the gift should let them do.
        if (u.LowerAt(i) == "can" && u.LowerAt(i - 1) is "he" or "she" or "they" && u.LowerAt(i - 2) is "something" or "toy" or "thing" or "anything") return true;
        if (LikingCues.Contains(u.LowerAt(i)))
            return !(u.LowerAt(i) == "into" && u.LowerAt(i - 1) is "turn" or "turns" or "put" or "get" or "go" or "look" or "looking");
        // "is a gamer" describes a person; "this is a load of rubbish", "you're a great bot" describe the bot or the chat.
        return u.LowerAt(i) is "a" or "an" && u.LowerAt(i - 1) is "is" or "'s" or "s" or "being" && u.TokenAt(i + 1) is { IsWord: true }
            && !Cues.ConversationWords.Contains(u.LowerAt(i - 2));
    }

    private static Wish? Span(Utterance u, ExtractedEntities entities, NegationScope negated, int from, bool forward)
    {
        var first = from;
        var last = from - (forward ? 1 : -1);
        var step = forward ? 1 : -1;
        var count = 0;
        for (var i = from; i >= 0 && i < u.Tokens.Count && count < MaxWords; i += step)
        {
            if (!CanBeWish(u, entities, negated, i))
            {
                // "arts and crafts", "board games and puzzles": "and" joins two wish words, nothing else.
                if (u.LowerAt(i) == "and" && count > 0 && CanBeWish(u, entities, negated, i + step)) { count--; }
                else break;
            }
            if (forward) last = i; else first = i;
            count++;
        }
        if (forward ? last < first : first > last) return null;
        return new Wish(u.Slice(first, last), first, last, Cued: true);
    }

    private static Wish? LeftOver(Utterance u, ExtractedEntities entities, NegationScope negated)
    {
        // "great bot", "what a clever little bot", "are you hiring?": with no liking cue, words said beside the assistant,
        // or of "you", describe the bot or the shop.
        if (u.Tokens.Any(t => Cues.AssistantWords.Contains(t.Lower))) return null;
        for (var i = 0; i + 1 < u.Tokens.Count; i++)
            if (u.LowerAt(i) is "are" or "r" or "were" && u.LowerAt(i + 1) is "you" or "u" or "ya" || u.LowerAt(i) is "you" && u.LowerAt(i + 1) is "'re") return null;
        var runs = new List<(int First, int Last)>();
        for (var i = 0; i < u.Tokens.Count; i++)
        {
            if (!CanBeWish(u, entities, negated, i)) continue;
            if (runs.Count > 0 && runs[^1].Last == i - 1) runs[^1] = (runs[^1].First, i);
            else runs.Add((i, i));
        }
        // One short run of leftover words is a topic; several scattered words are just a sentence.
        if (runs.Count != 1 || runs[0].Last - runs[0].First >= MaxWords - 1) return null;
        return new Wish(u.Slice(runs[0].First, runs[0].Last), runs[0].First, runs[0].Last, Cued: false);
    }

    private static bool CanBeWish(Utterance u, ExtractedEntities entities, NegationScope negated, int i)
    {
        if (u.TokenAt(i) is not { } token || negated[i] || negated.IsIdiom(i)) return false;
        if (token.Kind != TokenKind.Word && !(token.IsJoiner && i > 0 && u.TokenAt(i + 1) is { IsWord: true })) return false;
        // "K-pop", "T-rex": a one-letter word glued to the next by a hyphen is part of a word.
        var prefix = token.Lower.Length == 1 && u.TokenAt(i + 1) is { Lower: "-" } hyphen && hyphen.Start == token.End;
        var hyphenInWord = token.Lower == "-" && u.TokenAt(i - 1) is { IsWord: true } left && left.End == token.Start
            && u.TokenAt(i + 1) is { IsWord: true } right && right.Start == token.End;
        if (token.Lower.Length < 2 && !prefix && !hyphenInWord || NotWishWords.Contains(token.Lower) || Cues.GiftQualities.Contains(token.Lower) || NegationScope.IsNoEmoji(token) || LikingCues.Contains(token.Lower) || FanWordsAfter.Contains(token.Lower)) return false;
        if (u.Numbers.Any(n => i >= n.First && i <= n.Last)) return false;
        if (u.PhraseCovering(i) is { } phrase && phrase.Of(PhraseKind.Interest) is null
            && !(phrase.Of(PhraseKind.Recipient) is not null && RecipientExtractor.IsRolePlayed(u, phrase))) return false;
        var w = token.Lower;
        // "make it 30", "can we make that 25": settling an amount, not making things (it was read as crafts).
        if (w is "make" or "makes" && u.LowerAt(i + 1) is "it" or "that" or "this") return false;
        if (Cues.Currencies.ContainsKey(w) || Cues.AgeUnitsAfter.Contains(w) || Cues.MonthUnitsAfter.Contains(w) || Cues.BudgetKeywords.Contains(w)
            || Cues.MaxBefore.Contains(w) || Cues.MinBefore.Contains(w) || Cues.AroundBefore.Contains(w) || Cues.MaxAfter.Contains(w)
            || Cues.PeopleWords.Contains(w) || Cues.CountedNouns.Contains(w) || Cues.AgeWordsBefore.Contains(w)) return false;
        return true;
    }
}
