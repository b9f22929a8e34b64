using System.Diagnostics;
using GiftBot.Language;
using GiftBot.Language.Analysis;
using GiftBot.Language.Benchmarks;
using GiftBot.Language.Embedded;
using GiftBot.Language.Training;
using GiftBot.Language.Vocabulary;
using Microsoft.Extensions.Logging.Abstractions;

// Language-understanding benchmark on a held-out set never used for training (data/heldout.jsonl).
//   dotnet run -c Release --project benchmarks/GiftBot.Language.Benchmarks [-- --errors]
// "--measure-load <dir>" is the child mode that times a cached model load in a fresh process.
var dataDirectory = Path.Combine(AppContext.BaseDirectory, "data");
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
    var cached = LanguageModelBuilder.Build(sources, cachedDirectory, options.NoneThreshold, options.FaqMinSimilarity, NullLogger.Instance);
    // CPU time is less distorted than wall time when other processes compete for the cores.
    Console.WriteLine($"{cached.LoadTime.TotalMilliseconds:0} {cached.LoadedFromCache} {Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:0}");
    return;
}

if (args.Contains("--cross-validate"))
{
    CrossValidation.Run(sources, options.FaqMinSimilarity, Console.Out);
    return;
}

var cacheDirectory = Path.Combine(Path.GetTempPath(), "giftbot-language-benchmark-" + Guid.NewGuid().ToString("N"));
try
{
    var model = LanguageModelBuilder.Build(sources, cacheDirectory, options.NoneThreshold, options.FaqMinSimilarity, NullLogger.Instance);
    Console.WriteLine("# GiftBot language benchmark");
    Console.WriteLine($"training utterances: {sources.Utterances.Utterances.Count} (file version {sources.Utterances.Version}), FAQ phrasings: {sources.Faqs.Sum(f => f.Phrasings.Count)}, themes: {sources.Interests.Count}");
    Console.WriteLine($"model load, cold (train + save, first in this process): {model.LoadTime.TotalMilliseconds:0} ms");
    Console.WriteLine($"model load, cached (fresh process): {MeasureCachedLoadInChildProcess(cacheDirectory, themesPath)}");

    var heldOut = HeldOutSet.Load(Path.Combine(dataDirectory, "heldout.jsonl"));
    var trainingTexts = sources.Utterances.Utterances.Select(u => Surface(u.Text)).ToHashSet();
    var evaluation = Evaluation.Run(model, heldOut, u => trainingTexts.Contains(Surface(u.Text)));
    evaluation.Print(Console.Out, showErrors: args.Contains("--errors"));
}
finally
{
    try { Directory.Delete(cacheDirectory, recursive: true); } catch (IOException) { }
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
