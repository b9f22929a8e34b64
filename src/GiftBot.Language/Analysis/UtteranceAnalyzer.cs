using GiftBot.Language.Text;

namespace GiftBot.Language.Analysis;

/// <summary>Builds <see cref="Utterance"/>s against the lexicon and the catalog's interest themes.</summary>
public sealed class UtteranceAnalyzer
{
    private readonly PhraseIndex _index;
    private readonly Dictionary<string, string> _productKinds = [];
    private readonly int _longestProductKind;
    private readonly IReadOnlySet<string> _knownWords;

    /// <param name="knownWords">Correctly spelled words that must never be "corrected" into a vocabulary word.</param>
    public UtteranceAnalyzer(Lexicon lexicon, IReadOnlyList<InterestTerm> interests, IReadOnlySet<string> knownWords)
    {
        _index = new PhraseIndex(knownWords);
        _knownWords = knownWords;
        foreach (var (canonical, words) in lexicon.Recipients)
            foreach (var word in words.Append(canonical)) _index.Add(word, new PhraseEntry(PhraseKind.Recipient, canonical));
        foreach (var (canonical, words) in lexicon.Occasions)
            foreach (var word in words) _index.Add(word, new PhraseEntry(PhraseKind.Occasion, canonical));
        foreach (var group in lexicon.AgeWords)
            foreach (var word in group.Words) _index.Add(word, new PhraseEntry(PhraseKind.AgeWord, word, group.Min, group.Max));
        foreach (var phrase in lexicon.NoLimitPhrases) _index.Add(phrase, new PhraseEntry(PhraseKind.NoLimit, "noLimit"));
        foreach (var phrase in lexicon.UnsurePhrases) _index.Add(phrase, new PhraseEntry(PhraseKind.Unsure, "unsure"));
        foreach (var phrase in lexicon.PopularPhrases) _index.Add(phrase, new PhraseEntry(PhraseKind.Popular, "popular"));
        foreach (var phrase in lexicon.HardToBuyForPhrases) _index.Add(phrase, new PhraseEntry(PhraseKind.HardToBuyFor, "hardToBuyFor"));
        foreach (var phrase in lexicon.TroublePhrases) _index.Add(phrase, new PhraseEntry(PhraseKind.Trouble, "trouble"));
        foreach (var (kind, words) in lexicon.ProductKinds)
            foreach (var word in words.Append(kind))
            {
                var tokens = Tokenizer.Tokenize(word);
                _productKinds[WordForms.Key(tokens)] = kind;
                _longestProductKind = Math.Max(_longestProductKind, tokens.Count);
            }
        var catalogWords = lexicon.ProductKinds.Keys.ToDictionary(
            kind => kind, kind => (IReadOnlyList<string>)[kind, .. lexicon.ProductKindCatalogWords.GetValueOrDefault(kind) ?? []]);
        ProductKinds = new ProductKinds(ProductKindOf, _longestProductKind, kind => catalogWords.GetValueOrDefault(kind) ?? [kind]);
        KindsWithinThemes = lexicon.KindsWithinThemes.Select(w => WordForms.Key(Tokenizer.Tokenize(w))).ToHashSet();
        foreach (var term in interests)
        {
            var theme = term.Theme.Trim();
            foreach (var word in term.Synonyms.Append(term.Theme)) _index.Add(word, new PhraseEntry(PhraseKind.Interest, theme));
        }
    }

    /// <summary>The catalog's word for a kind of product the shopper named in their own words ("stuffed animals" → "plush"), or null.</summary>
    private string? ProductKindOf(string words) => _productKinds.GetValueOrDefault(WordForms.Key(Tokenizer.Tokenize(words)));

    /// <summary>The lexicon's product kinds, with the length of their longest phrase to bound a search for them.</summary>
    public ProductKinds ProductKinds { get; }

    /// <summary>The lexicon's kinds within themes, as <see cref="WordForms.Key(IEnumerable{Token})"/> keys.</summary>
    public IReadOnlySet<string> KindsWithinThemes { get; }

    public Utterance Analyze(string text)
    {
        var tokens = NumberWordTypos.Correct(Tokenizer.Tokenize(text), _knownWords);
        return new Utterance
        {
            Text = text,
            Tokens = tokens,
            Numbers = NumberFinder.Find(tokens),
            Phrases = _index.Match(tokens),
        };
    }
}

/// <summary>Looks up the catalog's word for a kind of product; <paramref name="LongestWords"/> is the longest phrase in tokens;
/// <paramref name="CatalogWords"/> every word the catalog names that kind by, the kind's own first.</summary>
public sealed record ProductKinds(Func<string, string?> Of, int LongestWords, Func<string, IReadOnlyList<string>> CatalogWords);
