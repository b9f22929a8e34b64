using GiftBot.Language.Analysis;
using GiftBot.Language.Entities;

namespace GiftBot.Language.Interests;

/// <summary>
/// What the rules alone cannot read: the wish in the shopper's words and the themes it means (by the sentence model),
/// and the age band a recipient implies when no age was given. Runs after the rule-based extractors.
/// </summary>
public sealed class GiftMeaning(RecipientAges recipientAges, ThemeMeaning? themes)
{
    public ExtractedEntities Enrich(Utterance u, ExtractedEntities entities)
    {
        var negated = NegationScope.Compute(u);
        var wish = WishFinder.Find(u, entities, negated);
        var interests = entities.Interests;
        if (wish is not null && themes is not null && NeedsMeaning(u, entities, wish))
        {
            var (matched, _) = themes.Match(wish);
            var added = matched
                .Where(t => interests.All(i => i.Value != t) && entities.ExcludedInterests.All(e => e.Value != t))
                .Select(t => new EntityMention<string>(t, wish.First, wish.Last));
            interests = [.. interests, .. added];
        }
        return entities with { Wish = wish, Interests = interests, ImpliedAge = entities.Age is null ? BandOf(u, entities) : null };
    }

    // A wish the theme words already cover ("loves dinosaurs") needs no model; a leftover word only counts in a gift request.
    private static bool NeedsMeaning(Utterance u, ExtractedEntities entities, Wish wish)
    {
        var covered = Enumerable.Range(wish.First, wish.Last - wish.First + 1)
            .All(i => u.PhraseCovering(i)?.Of(PhraseKind.Interest) is not null || !u.Tokens[i].IsWord);
        return !covered && (wish.Cued || entities.HasGiftSlots);
    }

    private AgeBand? BandOf(Utterance u, ExtractedEntities entities)
    {
        if (entities.Recipients.Count == 0) return null;
        var first = entities.Recipients[0];
        var band = recipientAges.For(u.Slice(first.First, first.Last), first.Value);
        return band is null ? null : new AgeBand(band.Name, band.Min, band.Max);
    }
}
