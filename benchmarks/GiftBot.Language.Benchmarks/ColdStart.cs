using System.Diagnostics;
using GiftBot.Language.Analysis;
using GiftBot.Language.Embedded;
using GiftBot.Language.Training;
using GiftBot.Language.Vocabulary;
using GiftBot.Meaning;
using Microsoft.Extensions.Logging.Abstractions;

namespace GiftBot.Language.Benchmarks;

/// <summary>
/// The language parts' cold start in a fresh process, as a restarted bot pays it: the sentence model, the intent model
/// (from the cache the parent process left), the theme and FAQ vectors, and the first recognition.
/// </summary>
internal static class ColdStart
{
    public static void Measure(string cacheDirectory, TextWriter output)
    {
        var total = Stopwatch.StartNew();
        var embedder = new MiniLmEmbedder();
        embedder.Embed("gift");
        var sentenceModel = total.Elapsed;
        var data = Path.Combine(AppContext.BaseDirectory, "data");
        var sources = new LanguageModelSources(UtteranceFile.Load(), Lexicon.Load(),
            StaticInterestVocabulary.FromThemesCsv(Path.Combine(data, "themes.csv")).GetInterestTerms(),
            StaticFaqVocabulary.FromJson(File.ReadAllText(Path.Combine(data, "faq.json"))).GetFaqTerms());
        var options = new LanguageOptions();
        var model = LanguageModelBuilder.Build(sources, cacheDirectory, options.NoneThreshold, options.FaqMinSimilarity, NullLogger.Instance, embedder);
        var built = total.Elapsed;
        model.Recognize("my grandad (72) loves fishing, budget 50");
        output.Write($"{total.Elapsed.TotalMilliseconds:0} ms in all: sentence model {sentenceModel.TotalMilliseconds:0} ms, " +
            $"intent model (from cache: {model.LoadedFromCache}) with theme and FAQ vectors {(built - sentenceModel).TotalMilliseconds:0} ms, " +
            $"first answer {(total.Elapsed - built).TotalMilliseconds:0} ms");
    }
}
