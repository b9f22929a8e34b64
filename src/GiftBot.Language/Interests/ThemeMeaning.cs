using GiftBot.Meaning;

namespace GiftBot.Language.Interests;

/// <summary>
/// Maps a wish to the catalog's themes by meaning: each theme is known by its name, display name and the marketer's
/// synonyms, and a wish belongs to the themes whose closest word is near enough ("trucks" → cars, "gamer" → gaming,
/// "photography" → tech via "cameras"). A wish the shopper introduced ("loves ...") needs less evidence than
/// words merely left over in the sentence.
/// </summary>
public sealed class ThemeMeaning
{
    /// <summary>Similarity (cosine) a cued wish needs to count as a theme; measured on the dev set, see the README.</summary>
    public const float CuedThreshold = 0.42f;
    /// <summary>Leftover words ("minecraft stuff for my 9yo") are more often not an interest at all.</summary>
    public const float LeftOverThreshold = 0.5f;
    /// <summary>A ruled-out word ("no makeup") rules out a whole theme only when it is this close to it.</summary>
    public const float ExclusionThreshold = 0.55f;
    /// <summary>Themes this close to the best one also count ("board games" is gaming and puzzles).</summary>
    public const float SecondThemeMargin = 0.04f;

    private readonly ITextEmbedder _embedder;
    private readonly (string Theme, float[] Vector)[] _anchors;
    private readonly HashSet<string> _themes;

    /// <param name="anchors">Encodes the theme words (may read them from a file).</param>
    /// <param name="embedder">Encodes what shoppers write.</param>
    public ThemeMeaning(ITextEmbedder anchors, IReadOnlyList<InterestTerm> terms, ITextEmbedder embedder)
    {
        _embedder = embedder;
        var words = terms.SelectMany(t => t.Synonyms.Append(t.Theme).Select(w => (t.Theme, Word: w.Replace('-', ' ').Trim())))
            .Where(x => x.Word.Length > 0).DistinctBy(x => (x.Theme, x.Word.ToLowerInvariant())).ToArray();
        var vectors = anchors.EmbedAll(words.Select(w => w.Word).ToArray());
        _anchors = words.Select((w, i) => (w.Theme, vectors[i])).ToArray();
        _themes = terms.Select(t => t.Theme).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    public bool IsTheme(string name) => _themes.Contains(name);

    /// <summary>The themes the wish means, best first, with the best similarity; empty when none is near enough.</summary>
    public (IReadOnlyList<string> Themes, float Best) Match(Wish wish)
    {
        if (_anchors.Length == 0) return ([], 0);
        var vector = _embedder.Embed(wish.Text);
        var byTheme = _anchors.GroupBy(a => a.Theme)
            .Select(g => (Theme: g.Key, Score: g.Max(a => Vectors.Dot(vector, a.Vector))))
            .OrderByDescending(x => x.Score).ToArray();
        var best = byTheme[0].Score;
        var threshold = wish.Cued ? CuedThreshold : LeftOverThreshold;
        if (best < threshold) return ([], best);
        return (byTheme.Where(x => x.Score >= threshold && x.Score >= best - SecondThemeMargin).Select(x => x.Theme).Take(2).ToArray(), best);
    }
}
