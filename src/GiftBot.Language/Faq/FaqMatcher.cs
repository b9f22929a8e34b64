using GiftBot.Language.Text;
using GiftBot.Meaning;

namespace GiftBot.Language.Faq;

/// <summary>
/// Finds the FAQ entry whose phrasings are closest to a question. Two views are averaged: the words (cosine similarity
/// of IDF-weighted content words, light stemming, typo tolerance; words the FAQ never uses count against a match, so
/// one shared word in an everyday sentence does not reach the threshold) and, with a sentence model, the meaning
/// ("how much is shipping?" is about cost, not about going abroad). Meaning is only consulted once the words point
/// at the FAQ at all, so a gift request pays nothing for it.
/// </summary>
public sealed class FaqMatcher
{
    private static readonly HashSet<string> StopWords =
    [
        "a", "an", "the", "is", "are", "am", "be", "do", "does", "did", "you", "your", "yours", "i", "me", "my", "we", "our", "us", "it", "its",
        "to", "of", "for", "on", "in", "at", "by", "with", "and", "or", "if", "this", "that", "these", "those", "there", "any", "can", "could",
        "would", "will", "should", "please", "what", "how", "which", "who", "s", "t", "'s", "'t", "'re", "'m", "'ll", "'d", "'ve", "hi", "hey",
        "so", "just", "about", "some", "have", "has", "get", "got", "one", "they", "them", "she", "he", "her", "him", "know", "tell", "want", "need",
        "anything", "something", "here", "really", "much", "many", "also", "still", "way",
        // "I'd like to know ...", "I would like to see ...": a polite opening, not what the question is about.
        "like", "i'd", "id",
    ];

    private readonly List<(string TopicId, Dictionary<string, double> Weights, double Norm)> _phrasings = [];
    private readonly Dictionary<string, double> _idf = new(StringComparer.Ordinal);
    private readonly double _unknownIdf;

    // The FAQ's words a typo may be corrected to (four letters or more), by first letter, in the order the FAQ uses them.
    private readonly Dictionary<char, List<string>> _typoTargets = [];

    private readonly Dictionary<string, string> _groupOf = new(StringComparer.Ordinal);
    private readonly ITextEmbedder? _embedder;
    private readonly (string TopicId, float[] Vector)[] _meanings = [];

    /// <param name="wordGroups">Words with one meaning in shop questions, each group named by one word.</param>
    /// <param name="phrasingVectors">Encodes the FAQ's phrasings (may read them from a file); null matches by words only.</param>
    /// <param name="embedder">Encodes the shopper's question.</param>
    public FaqMatcher(IReadOnlyList<FaqTerm> terms, IReadOnlyDictionary<string, List<string>>? wordGroups = null, ITextEmbedder? phrasingVectors = null, ITextEmbedder? embedder = null)
    {
        _embedder = embedder ?? phrasingVectors;
        if (phrasingVectors is not null)
        {
            var phrasings = terms.SelectMany(t => t.Phrasings.Select(p => (t.TopicId, Text: p))).ToArray();
            var vectors = phrasingVectors.EmbedAll(phrasings.Select(p => p.Text).ToArray());
            _meanings = phrasings.Select((p, i) => (p.TopicId, vectors[i])).ToArray();
        }
        foreach (var (group, words) in wordGroups ?? new Dictionary<string, List<string>>())
            foreach (var word in words.Where(w => !w.Contains(' '))) _groupOf[Stem(word.ToLowerInvariant())] = group;
        var documents = terms.SelectMany(t => t.Phrasings.Select(p => (t.TopicId, Words: ContentWords(p).Select(Group).ToHashSet()))).ToList();
        foreach (var word in documents.SelectMany(d => d.Words).Distinct())
            _idf[word] = Math.Log(1.0 + documents.Count / (double)documents.Count(d => d.Words.Contains(word)));
        _unknownIdf = Math.Log(1.0 + Math.Max(1, documents.Count));
        foreach (var word in _idf.Keys.Where(k => k.Length >= 4))
        {
            if (!_typoTargets.TryGetValue(word[0], out var sameLetter)) _typoTargets[word[0]] = sameLetter = [];
            sameLetter.Add(word);
        }
        foreach (var (topic, words) in documents)
        {
            if (words.Count == 0) continue;
            var weights = words.ToDictionary(w => w, w => _idf[w]);
            _phrasings.Add((topic, weights, Math.Sqrt(weights.Values.Sum(v => v * v))));
        }
    }

    /// <summary>The best topic and its similarity in [0, 1], or null when no phrasing shares a word.</summary>
    public (string TopicId, double Similarity)? BestMatch(string text)
    {
        var query = ContentWords(text).Select(Correct).Select(Group).Distinct().ToList();
        if (query.Count == 0 || _phrasings.Count == 0) return null;
        var queryNorm = Math.Sqrt(query.Sum(w => Math.Pow(_idf.GetValueOrDefault(w, _unknownIdf), 2)));
        var byWords = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (topic, weights, norm) in _phrasings)
        {
            // A plain loop: this runs for every phrasing on every message (a LINQ Sum allocated a closure and an enumerator each time).
            var dot = 0d;
            foreach (var word in query)
            {
                if (weights.TryGetValue(word, out var weight)) dot += weight * weight;
            }
            if (dot <= 0) continue;
            var similarity = dot / (norm * queryNorm);
            if (similarity > byWords.GetValueOrDefault(topic)) byWords[topic] = similarity;
        }
        if (byWords.Count == 0) return null;
        if (_embedder is null || _meanings.Length == 0)
        {
            var top = byWords.MaxBy(p => p.Value);
            return (top.Key, top.Value);
        }
        var vector = _embedder.Embed(text);
        var byMeaning = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (topic, phrasing) in _meanings)
        {
            var similarity = Vectors.Dot(vector, phrasing);
            if (similarity > byMeaning.GetValueOrDefault(topic)) byMeaning[topic] = similarity;
        }
        var best = byMeaning.Select(p => (Topic: p.Key, Score: (byWords.GetValueOrDefault(p.Key) + Math.Max(0, p.Value)) / 2)).MaxBy(p => p.Score);
        return (best.Topic, best.Score);
    }

    private string Group(string word) => _groupOf.GetValueOrDefault(word, word);

    // "shiping" → "ship" when the FAQ knows "ship" and nothing closer.
    private string Correct(string word)
    {
        if (_idf.ContainsKey(word) || _groupOf.ContainsKey(word) || EditDistance.AllowedTypos(word.Length + 1) == 0) return word;
        if (!_typoTargets.TryGetValue(word[0], out var candidates)) return word;
        // The closest, and of equally close ones the first the FAQ uses; a plain loop over the words with this first letter
        // (most words of a gift request are not FAQ words, and each came here to be compared with the whole vocabulary).
        string? best = null;
        var bestDistance = 2;
        foreach (var candidate in candidates)
        {
            var distance = EditDistance.Bounded(word, candidate, 1);
            if (distance < bestDistance) (best, bestDistance) = (candidate, distance);
        }
        return best ?? word;
    }

    // "the US" is a country, not the pronoun "us".
    internal static IEnumerable<string> ContentWords(string text) =>
        Tokenizer.Tokenize(text).Select(t => t.Text == "US" ? t with { Lower = "usa" } : t)
            .Where(t => t.Kind is TokenKind.Word or TokenKind.Number && !StopWords.Contains(t.Lower)).Select(t => Stem(t.Lower));

    internal static string Stem(string lower)
    {
        var word = WordForms.Stem(lower);
        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal)) word = word[..^3];
        else if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal)) word = word[..^2];
        else if (word.Length > 6 && word.EndsWith("ment", StringComparison.Ordinal)) word = word[..^4];
        else if (word.Length > 5 && word.EndsWith("ery", StringComparison.Ordinal)) word = word[..^1];
        if (word.Length > 3 && word[^1] == word[^2] && !"aeiouls".Contains(word[^1])) word = word[..^1];
        return word;
    }
}
