using System.Text.RegularExpressions;
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
    /// <summary>A match this close is answered even with a word its entry does not use (the meaning already agrees).</summary>
    public const double CloseMatch = 0.6;

    /// <summary>A word the FAQ never uses means one of an entry's words from this cosine on ("shut" and "close" 0.5+, "cancel"
    /// and "late" 0.33, "match" and "price" 0.40; tuned on data/shop-questions.dev.jsonl).</summary>
    public const double SameMeaning = 0.5;

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
    // Group members of two words or more ("new york", "gift wrap"), read as one of their group's words.
    private readonly Regex? _groupPhrases;
    private readonly Dictionary<string, string> _wordForPhrase = new(StringComparer.OrdinalIgnoreCase);
    // Each entry's words (grouped), to see whether it covers what a question asks.
    private readonly Dictionary<string, HashSet<string>> _wordsOf = new(StringComparer.Ordinal);
    private readonly HashSet<string> _fillerWords = new(StringComparer.Ordinal);
    // Each entry's words as written (and the words grouped with them), with their vectors: a word of a question no entry
    // uses may still mean one of them ("shut" is "close", "cash" a way to pay).
    private readonly Dictionary<string, (string Word, float[] Vector)[]> _wordVectorsOf = new(StringComparer.Ordinal);
    private readonly ITextEmbedder? _embedder;
    private readonly (string TopicId, float[] Vector)[] _meanings = [];

    /// <param name="wordGroups">Words with one meaning in shop questions, each group named by one word.</param>
    /// <param name="phrasingVectors">Encodes the FAQ's phrasings (may read them from a file); null matches by words only.</param>
    /// <param name="embedder">Encodes the shopper's question.</param>
    /// <param name="fillerWords">Words a question is wrapped in that say nothing of what it asks ("quick question", "est-ce que").</param>
    public FaqMatcher(IReadOnlyList<FaqTerm> terms, IReadOnlyDictionary<string, List<string>>? wordGroups = null, ITextEmbedder? phrasingVectors = null, ITextEmbedder? embedder = null,
        IEnumerable<string>? fillerWords = null)
    {
        foreach (var word in fillerWords ?? []) _fillerWords.Add(Stem(word.ToLowerInvariant()));
        _embedder = embedder ?? phrasingVectors;
        if (phrasingVectors is not null)
        {
            var phrasings = terms.SelectMany(t => t.Phrasings.Select(p => (t.TopicId, Text: p))).ToArray();
            var vectors = phrasingVectors.EmbedAll(phrasings.Select(p => p.Text).ToArray());
            _meanings = phrasings.Select((p, i) => (p.TopicId, vectors[i])).ToArray();
        }
        foreach (var (group, words) in wordGroups ?? new Dictionary<string, List<string>>())
        {
            foreach (var word in words.Where(w => !w.Contains(' '))) _groupOf[Stem(word.ToLowerInvariant())] = group;
            if (words.FirstOrDefault(w => !w.Contains(' ')) is not { } oneWord) continue;
            foreach (var phrase in words.Where(w => w.Contains(' '))) _wordForPhrase[phrase] = oneWord;
        }
        if (_wordForPhrase.Count > 0)
            _groupPhrases = new Regex(@"\b(?:" + string.Join("|", _wordForPhrase.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape)) + @")\b",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        if (phrasingVectors is not null)
        {
            var surfaceOf = terms.GroupBy(t => t.TopicId).ToDictionary(g => g.Key, g => g.SelectMany(t => t.Phrasings).SelectMany(SurfaceWords).ToHashSet(StringComparer.Ordinal));
            foreach (var words in surfaceOf.Values)
            {
                var groups = words.Select(w => _groupOf.GetValueOrDefault(Stem(w))).OfType<string>().ToHashSet();
                foreach (var (group, members) in wordGroups ?? new Dictionary<string, List<string>>())
                    if (groups.Contains(group)) words.UnionWith(members.Select(m => m.ToLowerInvariant()));
            }
            var all = surfaceOf.Values.SelectMany(w => w).Distinct(StringComparer.Ordinal).ToArray();
            var vectors = phrasingVectors.EmbedAll(all);
            var vectorOf = all.Select((w, i) => (w, vectors[i])).ToDictionary(p => p.w, p => p.Item2, StringComparer.Ordinal);
            foreach (var (topic, words) in surfaceOf) _wordVectorsOf[topic] = words.Select(w => (w, vectorOf[w])).ToArray();
        }
        var documents = terms.SelectMany(t => t.Phrasings.Select(p => (t.TopicId, Words: ContentWords(JoinPhrases(p)).Select(Group).ToHashSet()))).ToList();
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
            CoveredBy(topic).UnionWith(words);
            if (words.Count == 0) continue;
            var weights = words.ToDictionary(w => w, w => _idf[w]);
            _phrasings.Add((topic, weights, Math.Sqrt(weights.Values.Sum(v => v * v))));
        }
        // What an answer says it covers, though no phrasing asks it; matching itself still reads only the phrasings.
        foreach (var term in terms.Where(t => t.Answers is { Count: > 0 }))
        {
            foreach (var answer in term.Answers!) CoveredBy(term.TopicId).UnionWith(ContentWords(JoinPhrases(answer)).Select(Group));
        }
    }

    /// <summary>The best topic and its similarity in [0, 1], or null when no phrasing shares a word.</summary>
    public (string TopicId, double Similarity)? BestMatch(string text)
    {
        var query = ContentWords(JoinPhrases(text)).Select(Correct).Select(Group).Distinct().ToList();
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

    /// <summary>
    /// The words carrying what <paramref name="text"/> asks that entry <paramref name="topicId"/> does not cover: Unknown,
    /// words no entry uses ("do you price <b>match</b>?", "can I <b>cancel</b>?"); OtherEntries, words only other entries use.
    /// Not counted: stop and filler words, numbers (an order number), and <paramref name="giftWords"/> (the recipient, what
    /// they love, the occasion: "the telescope I ordered for my son" asks about the order).
    /// </summary>
    public (IReadOnlyList<string> Unknown, IReadOnlyList<string> OtherEntries) Uncovered(string text, string topicId, IReadOnlySet<string>? giftWords = null)
    {
        var (_, unknown, others) = Coverage(text, topicId, giftWords);
        return (unknown, others);
    }

    private (int Covered, List<string> Unknown, List<string> OtherEntries) Coverage(string text, string topicId, IReadOnlySet<string>? giftWords)
    {
        var ofTopic = _wordsOf.GetValueOrDefault(topicId) ?? [];
        var covered = 0;
        var unknown = new List<string>();
        var others = new List<string>();
        foreach (var token in Tokenizer.Tokenize(JoinPhrases(text)))
        {
            // Two letters or fewer: "u", the "LW" of an order number, never what a question is about, unless the lexicon
            // groups it ("uk", "eu": "can I order from the UK?" is about delivering abroad).
            if (token.Kind != TokenKind.Word || (token.Lower.Length <= 2 && !IsGrouped(token.Lower)) || StopWords.Contains(token.Lower)) continue;
            // A gift word is what was bought, not what is asked; but one the lexicon groups is the shop's ("an app").
            if (giftWords?.Contains(token.Lower) == true && !IsGrouped(token.Lower)) continue;
            var stem = Stem(token.Lower);
            if (_fillerWords.Contains(token.Lower) || _fillerWords.Contains(stem)) continue;
            var word = Group(Correct(stem));
            if (ofTopic.Contains(word)) covered++;
            else (_idf.ContainsKey(word) ? others : unknown).Add(token.Lower);
        }
        return (covered, unknown, others);
    }

    /// <summary>
    /// Whether entry <paramref name="match"/> answers <paramref name="text"/>: yes when every word carrying the question is
    /// one the entry uses or means (<see cref="SameMeaning"/>), or the match is close (<see cref="CloseMatch"/>). Otherwise
    /// the FAQ has no answer: <see cref="FaqVerdict.Suggest"/> when the entry still shares a word with the question (it may
    /// be what was meant: offered, not asserted), <see cref="FaqVerdict.Unanswered"/> when it shares none. A question about a
    /// gift for someone named (<paramref name="recipients"/>, as written) may name the thing bought in words no entry uses
    /// ("the telescope I ordered for my son hasn't come"): one such word is allowed. A filler word is no one ("ma commande").
    /// </summary>
    public FaqVerdict Judge(string text, (string TopicId, double Similarity) match, IReadOnlySet<string>? giftWords = null, IEnumerable<string>? recipients = null)
    {
        var aboutAGift = recipients?.Any(r => !_fillerWords.Contains(r.ToLowerInvariant())) == true;
        var (covered, unknown, others) = Coverage(text, match.TopicId, giftWords);
        // A word the lexicon gives a meaning of its own (faqWordGroups) that no phrasing asks about ("repair", "sale"): the
        // FAQ has no answer to it, however close the rest of the question ("can you repair a broken toy?" is not the guarantee).
        var unanswerable = unknown.Any(IsGrouped);
        if (!unanswerable && match.Similarity >= CloseMatch) return FaqVerdict.Answer;
        // Not one word of the question is the entry's, only other entries' ("where do I <b>send</b> my CV?" is not order
        // tracking): the entry came nearest by words it shares with the FAQ at large, so it does not answer it.
        var elsewhere = covered == 0 && others.Count > 0;
        if (!unanswerable && !elsewhere && (unknown.Count == 0 || NotMeant(unknown, match.TopicId, SameMeaning).Count <= (aboutAGift && covered > 0 ? 1 : 0))) return FaqVerdict.Answer;
        return covered > 0 ? FaqVerdict.Suggest : FaqVerdict.Unanswered;
    }

    /// <summary>
    /// Of the words no entry uses (<see cref="Uncovered"/>), those that mean none of entry <paramref name="topicId"/>'s words
    /// either, each with the closest it comes (cosine of the word vectors): what the entry does not answer. Without a
    /// sentence model every such word counts.
    /// </summary>
    public IReadOnlyList<(string Word, double Closest, string To)> NotMeant(IEnumerable<string> unknown, string topicId, double sameMeaning)
    {
        var result = new List<(string, double, string)>();
        var words = _wordVectorsOf.GetValueOrDefault(topicId);
        foreach (var word in unknown)
        {
            if (_embedder is null || words is null) { result.Add((word, 0, "")); continue; }
            var vector = _embedder.Embed(word);
            var (closest, to) = (double.MinValue, "");
            foreach (var (candidate, candidateVector) in words)
            {
                var similarity = Vectors.Dot(vector, candidateVector);
                if (similarity > closest) (closest, to) = (similarity, candidate);
            }
            if (closest < sameMeaning) result.Add((word, closest, to));
        }
        return result;
    }

    private static IEnumerable<string> SurfaceWords(string phrasing) =>
        Tokenizer.Tokenize(phrasing).Where(t => t.Kind == TokenKind.Word && !StopWords.Contains(t.Lower) && t.Lower.Length > 1).Select(t => t.Lower);

    // The words entry topicId covers: its phrasings' and its answers'.
    private HashSet<string> CoveredBy(string topicId)
    {
        if (!_wordsOf.TryGetValue(topicId, out var words)) _wordsOf[topicId] = words = new HashSet<string>(StringComparer.Ordinal);
        return words;
    }

    private string Group(string word) => _groupOf.GetValueOrDefault(word, word);

    private bool IsGrouped(string lower) => _groupOf.ContainsKey(Stem(lower));

    // "do you ship to New York?" → "do you ship to abroad?": a place of two words is read as its group's first word.
    private string JoinPhrases(string text) =>
        _groupPhrases is null ? text : _groupPhrases.Replace(text, m => _wordForPhrase[m.Value]);

    // "shiping" → "ship" when the FAQ knows "ship" and nothing closer. A correctly spelled everyday word is left as written:
    // "change" one letter from "charge" asked "can I change my delivery address?" as the delivery charge.
    private string Correct(string word)
    {
        if (_idf.ContainsKey(word) || _groupOf.ContainsKey(word) || CommonWords.All.Contains(word) || EditDistance.AllowedTypos(word.Length + 1) == 0) return word;
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

/// <summary>What an FAQ match is worth: the entry's answer, the entry offered as a suggestion, or no answer at all.</summary>
public enum FaqVerdict { Answer, Suggest, Unanswered }
