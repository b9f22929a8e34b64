namespace GiftBot.Language;

/// <summary>Interest themes the recognizer should understand; supplied by the host from the catalog so new themes need no code.</summary>
public interface IInterestVocabulary
{
    IReadOnlyList<InterestTerm> GetInterestTerms();
}

public sealed record InterestTerm(string Theme, IReadOnlyList<string> Synonyms);

/// <summary>FAQ topics and their phrasings; supplied by the host from the FAQ content file so a new entry needs no code.</summary>
public interface IFaqVocabulary
{
    IReadOnlyList<FaqTerm> GetFaqTerms();
}

/// <param name="Answers">The entry's answer in each language: a question whose words the answer uses is one the entry
/// covers ("is there a shop in Cork?" when the answer names Cork), though no phrasing says them.</param>
public sealed record FaqTerm(string TopicId, IReadOnlyList<string> Phrasings, IReadOnlyList<string>? Answers = null);
