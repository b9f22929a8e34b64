using GiftBot.Language.Analysis;
using GiftBot.Language.Classification;
using GiftBot.Language.Embedded;
using GiftBot.Language.Entities;
using GiftBot.Language.Faq;
using GiftBot.Language.Training;

namespace GiftBot.Language.Benchmarks;

/// <summary>
/// 5-fold cross-validation on the TRAINING utterances only, to choose the None threshold without looking at the held-out set.
///   dotnet run -c Release --project benchmarks/GiftBot.Language.Benchmarks -- --cross-validate
/// </summary>
internal static class CrossValidation
{
    private const int Folds = 5;
    private static readonly double[] Thresholds = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5];

    public static void Run(LanguageModelSources sources, double faqMinSimilarity, TextWriter output)
    {
        var knownWords = LanguageModelBuilder.KnownWords(sources);
        var extractor = new EntityExtractor(new UtteranceAnalyzer(sources.Lexicon, sources.Interests, knownWords), knownWords);
        var faq = new FaqMatcher(sources.Faqs, sources.Lexicon.FaqWordGroups);
        var all = sources.Utterances.Utterances;
        var correct = new int[Thresholds.Length];
        for (var fold = 0; fold < Folds; fold++)
        {
            var training = all.Where((_, i) => i % Folds != fold).ToList();
            var testing = all.Where((_, i) => i % Folds == fold).ToList();
            var foldSources = sources with { Utterances = new UtteranceFile { Version = 0, Utterances = training, ContentHash = "" } };
            var classifier = IntentClassifier.Train(LanguageModelBuilder.TrainingExamples(foldSources, extractor));
            foreach (var u in testing)
            {
                var (utterance, entities) = extractor.Extract(u.Text);
                var predicted = classifier.Predict(ClassifierText.Build(utterance, entities));
                var match = faq.BestMatch(u.Text);
                for (var t = 0; t < Thresholds.Length; t++)
                    if (new IntentResolver(Thresholds[t], faqMinSimilarity).Resolve(predicted, entities, match).TopIntent == u.Intent) correct[t]++;
            }
        }
        output.WriteLine($"{Folds}-fold cross-validation on {all.Count} training utterances (held-out set not used)");
        for (var t = 0; t < Thresholds.Length; t++)
            output.WriteLine($"  None threshold {Thresholds[t]:0.00}: intent accuracy {100.0 * correct[t] / all.Count:0.0} %");
    }
}
