using GiftBot.Content;
using GiftBot.Language;

namespace GiftBot.Vocabulary;

/// <summary>The FAQ file's questions and phrasings (every locale) as the recognizer's FAQ vocabulary: a new entry needs no code.</summary>
internal sealed class FaqContentVocabulary(FaqCatalog faq) : IFaqVocabulary
{
    private readonly IReadOnlyList<FaqTerm> _terms =
        faq.Entries.Select(entry => new FaqTerm(entry.Id, entry.AllPhrasings(faq.DefaultLocale))).ToList();

    public IReadOnlyList<FaqTerm> GetFaqTerms() => _terms;
}
