using GiftBot.Catalog;
using GiftBot.Language;

namespace GiftBot.Vocabulary;

/// <summary>
/// The catalog's interest themes (name, display name, the marketer's synonyms) as the recognizer's interest vocabulary,
/// so a theme added to the feed is understood without code. The recognizer asks synchronously, at most once a minute;
/// the catalog answers from its in-memory snapshot, so this rarely waits.
/// </summary>
internal sealed class CatalogInterestVocabulary(IProductCatalog catalog) : IInterestVocabulary
{
    private (IReadOnlyList<InterestTheme> Themes, IReadOnlyList<InterestTerm> Terms) _last = ([], []);

    public IReadOnlyList<InterestTerm> GetInterestTerms()
    {
        var themes = catalog.GetThemesAsync().GetAwaiter().GetResult();
        var last = _last;
        if (ReferenceEquals(themes, last.Themes)) return last.Terms;
        var terms = themes
            .Select(t => new InterestTerm(t.Name, t.Synonyms.Append(t.DisplayName).Distinct(StringComparer.OrdinalIgnoreCase).ToList()))
            .ToList();
        _last = (themes, terms);
        return terms;
    }
}
