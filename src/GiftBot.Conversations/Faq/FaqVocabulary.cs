using GiftBot.Content;
using GiftBot.Language;

namespace GiftBot.Conversations.Faq;

/// <summary>
/// The FAQ content as the recognizer's vocabulary (the host registers it as <see cref="IFaqVocabulary"/>): every entry
/// that has an answer, with its question and phrasings in every locale, so a new entry is recognised without code.
/// Entries without an answer are left out: recognising a question the bot cannot answer would only disappoint.
/// </summary>
public sealed class FaqVocabulary : IFaqVocabulary
{
    private readonly IReadOnlyList<FaqTerm> _terms;

    public FaqVocabulary(FaqCatalog catalog, IBotText text)
    {
        _terms = catalog.Entries
            .Where(entry => entry.Answer is not null)
            .Select(entry => new FaqTerm(entry.Id, entry.AllPhrasings(catalog.DefaultLocale), Answers(entry, catalog, text)))
            .Where(term => term.Phrasings.Count > 0)
            .ToList();
    }

    public IReadOnlyList<FaqTerm> GetFaqTerms() => _terms;

    // Inline answers in every language they are written in; an answer kept in the text files ("answerKey") in each
    // language the entry's question is written in.
    private static IReadOnlyList<string> Answers(FaqEntry entry, FaqCatalog catalog, IBotText text) =>
        entry.Answer!.Inline is { } inline
            ? inline.All(catalog.DefaultLocale).Select(a => a.Text).ToList()
            : entry.Question.All(catalog.DefaultLocale).Select(q => entry.Answer.Resolve(text, q.Locale, catalog.DefaultLocale)).OfType<string>().Distinct().ToList();
}
