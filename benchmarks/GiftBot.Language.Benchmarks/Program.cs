using GiftBot.Language.Faq;
using System.Diagnostics;
using GiftBot.Language;
using GiftBot.Language.Analysis;
using GiftBot.Language.Benchmarks.GiftRequests;
using GiftBot.Language.Embedded;
using GiftBot.Language.Training;
using GiftBot.Language.Vocabulary;
using GiftBot.Meaning;
using Microsoft.Extensions.Logging.Abstractions;

namespace GiftBot.Language.Benchmarks;

/// <summary>The language benchmarks' entry point. (An explicit class: the host's own top-level Program is the one WebApplicationFactory starts.)</summary>
public static class LanguageBenchmark
{
    public static async Task<int> Main(string[] args)
    {

        // Language-understanding benchmark on a held-out set never used for training (data/heldout.jsonl).
        //   dotnet run -c Release --project benchmarks/GiftBot.Language.Benchmarks [-- --errors]
        // Gift-finder evaluation through the real host on labelled one-sentence requests (see README):
        //   ... -- --gift-requests [data/gift-requests.eval.jsonl] [--errors]      (data/gift-requests.dev.jsonl is the tuning set;
        //       --errors prints misses for it, and for the evaluation set only with --show-eval-sentences as well)
        // Questions to the shop through the real host: ... -- --shop-questions [data/shop-questions.dev.jsonl] [--errors]
        // Catalog at scale: ... -- --catalog-scale [100000]
        // "--measure-load <dir>" is the child mode that times a cached model load in a fresh process.
        var dataDirectory = Path.Combine(AppContext.BaseDirectory, "data");
        if (args is ["--gift-requests", ..])
        {
            var file = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? Path.Combine(dataDirectory, "gift-requests.eval.jsonl");
            // The evaluation set is only a measure: its sentences are printed only when asked for by name, never with --errors alone.
            var isEvaluationSet = Path.GetFileName(file).Contains(".eval.", StringComparison.OrdinalIgnoreCase);
            var showErrors = args.Contains("--errors") && (!isEvaluationSet || args.Contains("--show-eval-sentences"));
            if (args.Contains("--errors") && !showErrors)
                Console.WriteLine("(--errors ignored for the evaluation set: it is only a measure; misses are printed for the dev set)");
            return await GiftFinderEvaluation.RunAsync(Path.GetFullPath(file), Console.Out, showErrors);
        }
        if (args is ["--shop-questions", ..])
        {
            // Questions to the shop through the real host: right answer, honest "don't know", wrong answer (dev/tuning set).
            var file = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? Path.Combine(dataDirectory, "shop-questions.dev.jsonl");
            return await ShopQuestionsEvaluation.RunAsync(Path.GetFullPath(file), Console.Out, args.Contains("--errors"));
        }
        if (args is ["--catalog-scale", ..])
        {
            var count = args.Length > 1 && int.TryParse(args[1], out var n) ? n : 100_000;
            return await CatalogAtScale.RunAsync(count, Console.Out);
        }
        if (args is ["--recognize", .. var texts])
        {
            // Prints what the embedded recognizer (sentence model on) makes of each text: for looking into a miss.
            var debugModel = LanguageModelBuilder.Build(new LanguageModelSources(UtteranceFile.Load(), Lexicon.Load(),
                StaticInterestVocabulary.FromThemesCsv(Path.Combine(AppContext.BaseDirectory, "content", "catalog", "themes.csv")).GetInterestTerms(),
                ContentFaq()),
                Path.Combine(Path.GetTempPath(), "giftbot-language-recognize"), 0.25, 0.35, NullLogger.Instance, new MiniLmEmbedder());
            foreach (var text in texts)
            {
                var result = debugModel.Recognize(text);
                Console.WriteLine($"{text}\n  {string.Join(" ", result.Intents.Take(3).Select(i => $"{i.Key} {i.Value.Score:0.00}"))} {Newtonsoft.Json.JsonConvert.SerializeObject(result.Entities)}");
            }
            return 0;
        }
        if (args is ["--faq", .. var questions])
        {
            // Prints the FAQ entry each question matches, by words alone and by words and meaning: for looking into a wrong answer.
            var lexicon = Lexicon.Load();
            var byWords = new FaqMatcher(ContentFaq(), lexicon.FaqWordGroups);
            var byMeaning = new FaqMatcher(ContentFaq(), lexicon.FaqWordGroups, new MiniLmEmbedder(), fillerWords: lexicon.FaqFillerWords);
            foreach (var question in questions)
            {
                var best = byMeaning.BestMatch(question);
                IReadOnlyList<string> unknown = [], others = [];
                if (best is { } b) (unknown, others) = byMeaning.Uncovered(question, b.TopicId);
                var meant = best is { } m ? byMeaning.NotMeant(unknown, m.TopicId, 2) : [];
                Console.WriteLine($"{question}\n  words {Describe(byWords.BestMatch(question))}  words+meaning {Describe(best)}  not covered: unknown [{string.Join(" ", meant.Select(w => $"{w.Word}~{w.To} {w.Closest:0.00}"))}] other entries' [{string.Join(" ", others)}]");
            }
            return 0;

            static string Describe((string TopicId, double Similarity)? match) => match is { } m ? $"{m.TopicId} {m.Similarity:0.00}" : "none";
        }
        if (args is ["--measure-cold-start", var coldCache, ..])
        {
            ColdStart.Measure(coldCache, Console.Out);
            return 0;
        }
        // "--themes <csv>" tries another themes file (e.g. the catalog's); the held-out interest labels follow data/themes.csv.
        var themesPath = args.SkipWhile(a => a != "--themes").Skip(1).FirstOrDefault() ?? Path.Combine(dataDirectory, "themes.csv");
        var sources = new LanguageModelSources(
            UtteranceFile.Load(),
            Lexicon.Load(),
            StaticInterestVocabulary.FromThemesCsv(themesPath).GetInterestTerms(),
            StaticFaqVocabulary.FromJson(File.ReadAllText(Path.Combine(dataDirectory, "faq.json"))).GetFaqTerms());
        var options = new LanguageOptions();

        if (args is ["--measure-load", var cachedDirectory, ..])
        {
            var cached = LanguageModelBuilder.Build(sources, cachedDirectory, options.NoneThreshold, options.FaqMinSimilarity, NullLogger.Instance, new MiniLmEmbedder());
            // CPU time is less distorted than wall time when other processes compete for the cores.
            Console.WriteLine($"{cached.LoadTime.TotalMilliseconds:0} {cached.LoadedFromCache} {Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:0}");
            return 0;
        }

        if (args.Contains("--cross-validate"))
        {
            CrossValidation.Run(sources, options.FaqMinSimilarity, Console.Out);
            return 0;
        }

        var cacheDirectory = Path.Combine(Path.GetTempPath(), "giftbot-language-benchmark-" + Guid.NewGuid().ToString("N"));
        try
        {
            var model = LanguageModelBuilder.Build(sources, cacheDirectory, options.NoneThreshold, options.FaqMinSimilarity, NullLogger.Instance, new MiniLmEmbedder());
            Console.WriteLine("# GiftBot language benchmark");
            Console.WriteLine($"training utterances: {sources.Utterances.Utterances.Count} (file version {sources.Utterances.Version}), FAQ phrasings: {sources.Faqs.Sum(f => f.Phrasings.Count)}, themes: {sources.Interests.Count}");
            Console.WriteLine($"model load, cold (train + save, first in this process): {model.LoadTime.TotalMilliseconds:0} ms");
            Console.WriteLine($"model load, cached (fresh process): {MeasureCachedLoadInChildProcess(cacheDirectory, themesPath)}");
            Console.WriteLine($"cold start of the language parts (fresh process: sentence model, intent model from cache, theme and FAQ vectors, first answer): {MeasureInChildProcess("--measure-cold-start", cacheDirectory)}");

            var heldOut = HeldOutSet.Load(Path.Combine(dataDirectory, "heldout.jsonl"));
            var trainingTexts = sources.Utterances.Utterances.Select(u => Surface(u.Text)).ToHashSet();
            var evaluation = Evaluation.Run(model, heldOut, u => trainingTexts.Contains(Surface(u.Text)));
            evaluation.Print(Console.Out, showErrors: args.Contains("--errors"));
        }
        finally
        {
            try { Directory.Delete(cacheDirectory, recursive: true); } catch (IOException) { }
        }
        return 0;

        // The shop's FAQ as the host reads it (every locale's question and phrasings).
        static IReadOnlyList<FaqTerm> ContentFaq()
        {
            // The vocabulary the bot ships with (phrasings and answers), so these tools match as the bot does.
            var content = GiftBot.Content.BotContent.Load(Path.Combine(AppContext.BaseDirectory, "content"));
            return new GiftBot.Conversations.Faq.FaqVocabulary(content.Faq, content.Text).GetFaqTerms();
        }

        static string MeasureInChildProcess(string mode, string argument)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(typeof(Evaluation).Assembly.Location);
            start.ArgumentList.Add(mode);
            start.ArgumentList.Add(argument);
            using var child = Process.Start(start)!;
            var output = child.StandardOutput.ReadToEnd().Trim();
            child.WaitForExit();
            return output.Length > 0 ? output : "could not be measured";
        }

        static string Surface(string text) => string.Concat(text.ToLowerInvariant().Where(char.IsLetterOrDigit));

        static string MeasureCachedLoadInChildProcess(string cacheDirectory, string themes)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(typeof(Evaluation).Assembly.Location);
            start.ArgumentList.Add("--measure-load");
            start.ArgumentList.Add(cacheDirectory);
            start.ArgumentList.Add("--themes");
            start.ArgumentList.Add(themes);
            var watch = Stopwatch.StartNew();
            using var child = Process.Start(start)!;
            var output = child.StandardOutput.ReadToEnd().Trim().Split(' ');
            child.WaitForExit();
            return output is [var ms, var fromCache, var cpu]
                ? $"{ms} ms inside the process (loaded from cache: {fromCache}); {watch.ElapsedMilliseconds} ms including process start; CPU time of the whole child process {cpu} ms"
                : "could not be measured";
        }
    }
}
