using GiftBot.Language.Analysis;

namespace GiftBot.Language.Entities;

/// <summary>
/// Relationship words mapped to canonical recipients ("mum" → mother, "bff" → friend, "neice" → niece).
/// Negated ones are dropped ("for my brother not my sister"), a possessive defers to what it owns
/// ("my son's teacher" → teacher), and "for me"/"myself" counts only when nobody else is named.
/// </summary>
public static class RecipientExtractor
{
    public static IReadOnlyList<EntityMention<string>> Extract(Utterance u, NegationScope negated)
    {
        var found = new List<EntityMention<string>>();
        var phrases = u.Phrases.Where(p => p.Of(PhraseKind.Recipient) is not null).ToList();
        for (var k = 0; k < phrases.Count; k++)
        {
            var phrase = phrases[k];
            if (negated[phrase.First] || IsRolePlayed(u, phrase)) continue;
            var ownsNext = Owns(u, phrase) && k + 1 < phrases.Count && phrases[k + 1].First - phrase.Last <= 3
                // "my kids teacher": a plural straight before another person word owns it too (the apostrophe left out).
                || u.LowerAt(phrase.Last).EndsWith('s') && k + 1 < phrases.Count && phrases[k + 1].First == phrase.Last + 1;
            if (ownsNext) continue;
            // "a lad at work", "the guy from work", "a woman in the office": where someone is from says who they are to the shopper.
            if (k + 1 < phrases.Count && phrases[k + 1].First == phrase.Last + 1 && u.LowerAt(phrases[k + 1].First) is "at" or "from" or "in") continue;
            var value = phrase.Of(PhraseKind.Recipient)!.Value;
            if (IsAddressee(u, phrase.First) || value == "myself" && !IsGiftForMe(u, phrase) || IsGiver(u, phrase)) continue;
            if (found.All(f => f.Value != value)) found.Add(new EntityMention<string>(value, phrase.First, phrase.Last));
        }
        if (found.Count > 1) found.RemoveAll(f => f.Value == "myself");
        // "me and my brother want a gift for grandma": whoever shops with the shopper is not the one the gift is for.
        if (found.Count > 1 && found.Any(f => !IsCoShopper(u, f))) found.RemoveAll(f => IsCoShopper(u, f));
        return found;
    }

    // "me and my brother", "my sister and I"; "a gift for me and my wife" names two recipients.
    private static bool IsCoShopper(Utterance u, EntityMention<string> person)
    {
        var first = u.LowerAt(person.First) == "my" ? person.First : person.First - 1;
        if (u.LowerAt(first) != "my") return false;
        var before = u.LowerAt(first - 1) is "and" or "&" && u.LowerAt(first - 2) is "me" or "i" && u.LowerAt(first - 3) is not ("for" or "to");
        var after = u.LowerAt(person.Last + 1) is "and" or "&" && u.LowerAt(person.Last + 2) is "i" or "me" && u.LowerAt(first - 1) is not ("for" or "to");
        return before || after;
    }

    /// <summary>
    /// "wants to be a doctor", "dressing up as a nurse", "loves playing teacher": a job someone dreams of or plays is
    /// what they love, not who the gift is for.
    /// </summary>
    public static bool IsRolePlayed(Utterance u, PhraseMatch phrase)
    {
        if (u.LowerAt(phrase.Last + 1) is "gift" or "gifts" or "present" or "presents") return false;
        var i = phrase.First - 1;
        if (u.LowerAt(i) is "playing" or "play" or "plays") return true;
        if (u.LowerAt(i) is not ("a" or "an")) return false;
        return u.LowerAt(i - 1) is "be" or "as" or "become" or "becoming";
    }

    private static readonly HashSet<string> OwnerStops = ["for", "to", "and", "or", "with", "of", "from", "gift", "present", "something", "get", "buy"];

    /// <summary>
    /// Whose relation the recipient is, as the shopper wrote it: "his" of "his sister", "my friend's" of "my friend's
    /// daughter", "a colleague's" of "a colleague's little boy"; null when they are the shopper's own ("my sister").
    /// </summary>
    public static string? OwnerOf(Utterance u, EntityMention<string> recipient)
    {
        var before = recipient.First - 1;
        if (u.LowerAt(before) is "his" or "her" or "their") return u.Slice(before, before);
        if (u.LowerAt(before) is not ("'s" or "'") || before < 1) return null;
        // Back over the owner's own words ("best friend") to the word that says whose they are ("my", "a", "the").
        var first = before - 1;
        for (var words = 1; words < 3 && first > 0 && u.Tokens[first - 1].IsWord && !OwnerStops.Contains(u.LowerAt(first - 1)); words++)
        {
            first--;
            if (u.LowerAt(first) is "my" or "our" or "a" or "an" or "the" or "his" or "her" or "their" or "your") break;
        }
        return u.Tokens[before - 1].IsWord ? u.Slice(first, before) : null;
    }

    // "my son's coach", "my kids' teacher": the possessive of a plural is a bare apostrophe.
    private static bool Owns(Utterance u, PhraseMatch phrase) =>
        u.LowerAt(phrase.Last + 1) == "'s" || u.LowerAt(phrase.Last + 1) == "'" && u.LowerAt(phrase.Last).EndsWith('s');

    private static readonly HashSet<string> GiftWords = ["gift", "gifts", "present", "presents", "something", "anything", "treat", "buy", "get", "shopping", "shop", "looking", "want"];

    private static readonly HashSet<string> SeekingVerbs = ["wants", "wanted", "needs", "needed", "asked", "asks", "looking", "searching", "after", "like"];

    /// <summary>
    /// "Granny wants gifts for Mabel 6 and Sid 9", "my mum is looking for a present for her grandson": the one who wants a
    /// gift for someone else, named after "for", is the giver, not the recipient. "my son wants something for his room"
    /// names nobody after "for".
    /// </summary>
    private static bool IsGiver(Utterance u, PhraseMatch phrase)
    {
        if (u.LowerAt(phrase.First - 1) is "for" or "to" || u.LowerAt(phrase.First - 2) is "for" or "to" && u.LowerAt(phrase.First - 1) is "my" or "our" or "the" or "a") return false;
        var k = phrase.Last + 1;
        // "grandma once gave her a glockenspiel": whoever gave the recipient something before.
        if (u.LowerAt(k) is "once" or "already" or "just" or "also") k++;
        if (u.LowerAt(k) is "gave" or "bought" && u.LowerAt(k + 1) is "her" or "him" or "them" && u.LowerAt(k + 2) is "a" or "an" or "the" or "some") return true;
        if (u.LowerAt(k) is "is" or "'s" or "was" or "has" or "would" or "'d") k++;
        if (!SeekingVerbs.Contains(u.LowerAt(k))) return false;
        for (var f = k + 1; f <= k + 8 && f + 1 < u.Tokens.Count && u.LowerAt(f) is not ("." or "!" or "?" or ";" or ","); f++)
        {
            if (u.LowerAt(f) != "for" || f == k + 1 && u.LowerAt(k) is "looking" or "searching") continue;
            var who = u.LowerAt(f + 1) is "his" or "her" or "their" or "my" or "our" or "the" or "both" ? f + 2 : f + 1;
            if (u.IsRecipientAt(who)) return true;
            // A name: a capital letter away from the start of the message.
            var text = u.Slice(who, who);
            if (who > 0 && text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]) && u.Tokens[who].IsWord) return true;
        }
        return false;
    }

    // "speak to manager", "talk to my boss": the person to talk to, not the one the gift is for.
    private static bool IsAddressee(Utterance u, int first)
    {
        var i = first - 1;
        if (u.LowerAt(i) is "my" or "a" or "the" or "your") i--;
        return u.LowerAt(i) is "to" or "with" && u.LowerAt(i - 1) is "speak" or "talk" or "chat" or "connect" or "transfer";
    }

    // "a gift for me" is for myself; "too pricey for me" is not about the recipient.
    private static bool IsGiftForMe(Utterance u, PhraseMatch phrase)
    {
        if (u.LowerAt(phrase.First) != "for") return true;
        for (var i = phrase.First - 1; i >= Math.Max(0, phrase.First - 4); i--)
            if (GiftWords.Contains(u.LowerAt(i))) return true;
        return false;
    }
}
