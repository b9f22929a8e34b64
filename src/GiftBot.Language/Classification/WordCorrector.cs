using GiftBot.Language.Text;

namespace GiftBot.Language.Classification;

/// <summary>
/// Spells unknown words the way the training utterances do before classification ("actualy" → "actually",
/// "chekout" → "checkout"), within the same typo bounds as vocabulary matching.
/// </summary>
public sealed class WordCorrector
{
    private readonly HashSet<string> _words;
    private readonly Dictionary<char, List<string>> _byFirstLetter;

    public WordCorrector(IEnumerable<string> trainingWords)
    {
        _words = trainingWords.Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);
        _byFirstLetter = _words.Where(w => w.Length >= 4).GroupBy(w => w[0]).ToDictionary(g => g.Key, g => g.ToList());
    }

    public string Correct(string lower)
    {
        var allowed = EditDistance.AllowedTypos(lower.Length);
        if (allowed == 0 || _words.Contains(lower) || !_byFirstLetter.TryGetValue(lower[0], out var candidates)) return lower;
        string? best = null;
        var bestDistance = allowed + 1;
        foreach (var candidate in candidates)
        {
            var distance = EditDistance.Bounded(lower, candidate, allowed);
            if (distance < bestDistance) (best, bestDistance) = (candidate, distance);
        }
        return best ?? lower;
    }
}
