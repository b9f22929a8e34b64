using System.Diagnostics;
using GiftBot.Language.Analysis;
using GiftBot.Language.Classification;
using GiftBot.Language.Entities;
using GiftBot.Language.Faq;
using GiftBot.Language.Interests;
using GiftBot.Language.Text;
using GiftBot.Meaning;
using Microsoft.Extensions.Logging;

namespace GiftBot.Language.Embedded;

/// <summary>
/// Builds a <see cref="LanguageModel"/>: loads the intent classifier from the cache directory when a model for exactly
/// these sources exists, otherwise trains it and writes it there (atomically, so a crash never leaves half a file).
/// </summary>
public static class LanguageModelBuilder
{
    private const string FilePrefix = "intent-model-";
    private const string PhraseVectorsFile = "phrase-vectors.bin";

    /// <param name="embedder">The sentence model for interests and FAQ by meaning; null builds a rules-and-words-only model.</param>
    public static LanguageModel Build(LanguageModelSources sources, string cacheDirectory, double noneThreshold, double faqMinSimilarity, ILogger logger,
        ITextEmbedder? embedder = null)
    {
        var watch = Stopwatch.StartNew();
        var knownWords = KnownWords(sources);
        var extractor = new EntityExtractor(new UtteranceAnalyzer(sources.Lexicon, sources.Interests, knownWords), knownWords);
        var key = sources.CacheKey();
        var path = Path.Combine(cacheDirectory, FilePrefix + key[..24] + ".zip");

        var classifier = TryLoad(path, logger);
        var fromCache = classifier is not null;
        if (classifier is null)
        {
            logger.LogInformation("Training the intent model from {UtteranceCount} utterances (version {Version})", sources.Utterances.Utterances.Count, sources.Utterances.Version);
            classifier = IntentClassifier.Train(TrainingExamples(sources, extractor));
            TrySave(classifier, path, logger);
        }
        // Theme words and FAQ phrasings are encoded once and read back from the cache folder on later starts.
        var stored = embedder is null ? null : StoredEmbeddings.Open(embedder, Path.Combine(cacheDirectory, PhraseVectorsFile));
        var meaning = new GiftMeaning(sources.RecipientAges, stored is null ? null : new ThemeMeaning(stored, sources.Interests, embedder!), extractor.Analyzer.KindsWithinThemes);
        var faq = new FaqMatcher(sources.Faqs, sources.Lexicon.FaqWordGroups, stored, embedder, sources.Lexicon.FaqFillerWords);
        stored?.Save();
        var model = new LanguageModel(extractor, classifier, faq, new IntentResolver(noneThreshold, faqMinSimilarity),
            new WordCorrector(sources.Utterances.AllWords()), meaning, fromCache, watch.Elapsed, sources.Lexicon.EmojiMessages);
        logger.LogInformation("Language model ready in {ElapsedMs} ms (from cache: {FromCache})", (long)watch.Elapsed.TotalMilliseconds, fromCache);
        return model;
    }

    public static IEnumerable<(string Text, string Intent)> TrainingExamples(LanguageModelSources sources, EntityExtractor extractor)
    {
        foreach (var utterance in sources.Utterances.Utterances)
        {
            var (u, entities) = extractor.Extract(utterance.Text);
            yield return (ClassifierText.Build(u, entities), utterance.Intent);
        }
        // The shop's own FAQ phrasings teach the classifier what its questions look like.
        foreach (var phrasing in sources.Faqs.SelectMany(f => f.Phrasings))
        {
            var (u, entities) = extractor.Extract(phrasing);
            yield return (ClassifierText.Build(u, entities), GiftIntents.Faq);
        }
    }

    public static IReadOnlySet<string> KnownWords(LanguageModelSources sources)
    {
        var words = new HashSet<string>(CommonWords.All, StringComparer.Ordinal);
        words.UnionWith(sources.Utterances.PlainWords());
        foreach (var token in sources.Faqs.SelectMany(f => f.Phrasings).SelectMany(Tokenizer.Tokenize).Where(t => t.IsWord))
        {
            words.Add(token.Lower);
            words.Add(WordForms.Stem(token.Lower));
        }
        return words;
    }

    private static IntentClassifier? TryLoad(string path, ILogger logger)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return IntentClassifier.Load(path);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or FormatException or InvalidDataException or ArgumentException)
        {
            logger.LogWarning(e, "The cached intent model {Path} could not be read; retraining", path);
            return null;
        }
    }

    private static void TrySave(IntentClassifier classifier, string path, ILogger logger)
    {
        try
        {
            var directory = Path.GetDirectoryName(path)!;
            Directory.CreateDirectory(directory);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            classifier.Save(temporary);
            File.Move(temporary, path, overwrite: true);
            foreach (var stale in Directory.EnumerateFiles(directory, FilePrefix + "*.zip").Where(f => f != path)) File.Delete(stale);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not fatal: the model works from memory; the next start trains again.
            logger.LogWarning(e, "The intent model could not be cached at {Path}", path);
        }
    }
}
