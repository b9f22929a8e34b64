using GiftBot.Language.Analysis;

namespace GiftBot.Language.Entities;

/// <summary>Runs every extractor over one analysed utterance.</summary>
public sealed class EntityExtractor(UtteranceAnalyzer analyzer, IReadOnlySet<string> knownWords)
{
    public UtteranceAnalyzer Analyzer => analyzer;

    public (Utterance Utterance, ExtractedEntities Entities) Extract(string text)
    {
        var u = analyzer.Analyze(text);
        return (u, Extract(u));
    }

    public ExtractedEntities Extract(Utterance u)
    {
        var negated = NegationScope.Compute(u);
        var numbers = NumberRoles.Classify(u);
        var (wanted, excluded, ownedThings) = InterestExtractor.Extract(u, negated, knownWords, analyzer.ProductKinds, analyzer.KindsWithinThemes);
        return new ExtractedEntities
        {
            Age = AgeExtractor.Extract(u, numbers, negated),
            Budget = BudgetExtractor.Extract(u, numbers),
            Recipients = RecipientExtractor.Extract(u, negated),
            Interests = wanted,
            ExcludedInterests = excluded,
            OwnedThings = ownedThings,
            Occasions = OccasionExtractor.Extract(u, negated),
            InterestsOpen = OpenInterestsExtractor.Extract(u, negated),
            Numbers = numbers,
        };
    }
}
