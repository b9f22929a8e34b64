using GiftBot.Language.Entities;

namespace GiftBot.Language.Embedded;

/// <summary>
/// Combines the classifier's scores with entity and FAQ evidence:
/// <list type="bullet">
/// <item>Faq needs an FAQ entry that matches well; a question the FAQ cannot answer is not Faq. A very close match
/// overrides None or an unsure classifier (below 0.5: "I'd like to see what info you have on me" is not "show more"); the
/// similarity already penalises words the FAQ never uses.</item>
/// <item>A close FAQ match whose only gift slot is an interest is Faq: the interest word belongs to the question.</item>
/// <item>A sentence full of gift slots that the classifier is unsure about is FindGift.</item>
/// <item>Below the None threshold the answer is None, so the bot asks instead of guessing.</item>
/// </list>
/// </summary>
public sealed class IntentResolver(double noneThreshold, double faqMinSimilarity)
{
    private const double StrongFaqSimilarity = 0.6;

    // Below this the classifier is guessing ("hrs" a greeting at 0.34, "I'd like to see what info you have on me" "show
    // more" at 0.31): a close FAQ match, always above it, is the better reading.
    private const double UnsureClassifier = 0.5;

    // How sure the classifier must be that a question no entry is near is still asked of the shop.
    private const double SureClassifier = 0.6;

    public (Dictionary<string, double> Scores, string TopIntent, double TopScore) Resolve(
        IReadOnlyList<(string Intent, float Score)> predicted, ExtractedEntities entities, (string TopicId, double Similarity)? faq)
    {
        var scores = UtteranceFileIntents().ToDictionary(i => i, _ => 0.0);
        foreach (var (intent, score) in predicted) scores[intent] = score;

        var faqSimilarity = faq?.Similarity ?? 0;
        if (faqSimilarity < faqMinSimilarity && !AsksTheShopWhatNoEntryCovers(predicted, entities, faq))
        {
            scores[GiftIntents.Faq] = Math.Min(scores[GiftIntents.Faq], faqSimilarity);
        }
        else if (faqSimilarity >= StrongFaqSimilarity && InterestsAlone(entities))
        {
            // A question that closely matches the FAQ with nothing of a gift in it but an interest word ("when are you open?"
            // → outdoors, "are you a bot?" → robots) is asked of the shop, whatever the classifier made of the word.
            scores[GiftIntents.Faq] = Math.Min(1, Math.Max(faqSimilarity, Top(scores).Score + 0.01));
        }
        else if (faqSimilarity >= StrongFaqSimilarity && !entities.HasStrongGiftSlots && (Top(scores).Score < UnsureClassifier || Top(scores).Intent == GiftIntents.None))
        {
            scores[GiftIntents.Faq] = Math.Max(scores[GiftIntents.Faq], faqSimilarity);
        }

        var (top, topScore) = Top(scores);
        if (topScore < noneThreshold && entities.HasStrongGiftSlots && top != GiftIntents.Faq)
        {
            scores[GiftIntents.FindGift] = Math.Max(scores[GiftIntents.FindGift], noneThreshold);
            (top, topScore) = (GiftIntents.FindGift, scores[GiftIntents.FindGift]);
        }
        if (topScore < noneThreshold && top != GiftIntents.None)
        {
            // GetTopScoringIntent() must now return None.
            scores[GiftIntents.None] = Math.Max(scores[GiftIntents.None], Math.Max(1 - topScore, topScore + 0.01));
            (top, topScore) = (GiftIntents.None, scores[GiftIntents.None]);
        }
        return (scores, top, topScore);
    }

    /// <summary>
    /// A question about the shop no entry is near ("are you hiring?"): the classifier is sure it is asked of the shop and
    /// nothing of a gift is in it. It stays Faq and is told "I don't know" with a person, never sent to the gift finder.
    /// </summary>
    public bool AsksTheShopWhatNoEntryCovers(IReadOnlyList<(string Intent, float Score)> predicted, ExtractedEntities entities, (string TopicId, double Similarity)? faq) =>
        (faq?.Similarity ?? 0) < faqMinSimilarity && !entities.HasStrongGiftSlots
        && predicted.Any(p => p.Intent == GiftIntents.Faq && p.Score >= SureClassifier);

    private static bool InterestsAlone(ExtractedEntities entities) =>
        entities.Interests.Count > 0 && entities.Age is null && entities.Budget is null && entities.ExcludedInterests.Count == 0
        && entities.Occasions.Count == 0 && entities.Recipients.Count == 0;

    private static (string Intent, double Score) Top(Dictionary<string, double> scores)
    {
        var best = scores.MaxBy(p => p.Value);
        return (best.Key, best.Value);
    }

    private static IEnumerable<string> UtteranceFileIntents() => Training.UtteranceFile.KnownIntents;
}
