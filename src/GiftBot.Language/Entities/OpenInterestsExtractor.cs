using GiftBot.Language.Analysis;

namespace GiftBot.Language.Entities;

/// <summary>
/// The shopper leaves what the recipient loves to the shop: the shop's popular products asked for ("your best sellers for
/// a 7 year old"), not knowing what the person likes ("no idea what my boss likes", "not sure what she's into"), or a
/// person hard to buy for ("my dad has everything").
/// Asking "what do they love?" after that would only ask what was already said.
/// </summary>
internal static class OpenInterestsExtractor
{
    private static readonly HashSet<string> LikeWords = ["like", "likes", "liked", "love", "loves", "into", "want", "wants", "enjoy", "enjoys",
        "interested", "fancy", "fancies", "prefer", "prefers", "collects", "hobbies", "interests", "taste", "tastes"];
    private static readonly HashSet<string> ClauseEnds = [",", ".", "!", "?", ";", ":", "but", "so"];

    public static EntityMention<bool>? Extract(Utterance u, NegationScope negated)
    {
        foreach (var phrase in u.Phrases)
        {
            if ((phrase.Of(PhraseKind.Popular) ?? phrase.Of(PhraseKind.HardToBuyFor)) is not null && !negated[phrase.First]) return new(true, phrase.First, phrase.Last);
            if (phrase.Of(PhraseKind.Unsure) is not null && AboutWhatTheyLike(u, phrase.Last + 1) is { } last) return new(true, phrase.First, last);
        }
        return null;
    }

    // "what my boss likes", "what she's into", "what he'd like", "about her hobbies", "of his taste": within a few words and
    // the same clause. "what to get him" is about the gift, not about what they like.
    private static int? AboutWhatTheyLike(Utterance u, int from)
    {
        if (u.LowerAt(from) is not ("what" or "which" or "about" or "of") || u.LowerAt(from + 1) == "to") return null;
        for (var k = from + 1; k <= from + 6 && k < u.Tokens.Count && !ClauseEnds.Contains(u.LowerAt(k)); k++)
            if (LikeWords.Contains(u.LowerAt(k))) return k;
        return null;
    }
}
