using GiftBot.Language.Analysis;

namespace GiftBot.Language.Entities;

/// <summary>Occasions mapped to canonical names ("xmas" → christmas, "mother's day" → mothers-day, "bday" → birthday).</summary>
public static class OccasionExtractor
{
    public static IReadOnlyList<EntityMention<string>> Extract(Utterance u, NegationScope negated)
    {
        var found = new List<EntityMention<string>>();
        foreach (var phrase in u.Phrases)
        {
            if (phrase.Of(PhraseKind.Occasion) is not { } entry || negated[phrase.First]) continue;
            if (found.All(f => f.Value != entry.Value)) found.Add(new EntityMention<string>(entry.Value, phrase.First, phrase.Last));
        }
        return found;
    }
}
