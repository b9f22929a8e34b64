using System.Diagnostics;
using GiftBot.Language.Embedded;
using Microsoft.Bot.Builder;

namespace GiftBot.Language.Benchmarks;

/// <summary>Recognizes every held-out utterance and prints accuracy, confusions, entity scores and latency.</summary>
internal sealed class Evaluation
{
    private const int LatencyRounds = 5;
    private readonly List<(LabelledUtterance Expected, string Actual, bool SeenInTraining)> _intents = [];
    private readonly SortedDictionary<string, Counts> _entities = new(StringComparer.Ordinal);
    private readonly List<double> _latencies = [];
    private readonly List<double> _bestOfRounds = [];
    private readonly List<string> _entityErrors = [];

    public static Evaluation Run(LanguageModel model, List<LabelledUtterance> heldOut, Func<LabelledUtterance, bool> seenInTraining)
    {
        var evaluation = new Evaluation();
        foreach (var u in heldOut) model.Recognize(u.Text); // warm-up
        foreach (var u in heldOut)
        {
            var result = model.Recognize(u.Text);
            evaluation._intents.Add((u, result.GetTopScoringIntent().intent, seenInTraining(u)));
            var actual = HeldOutSet.Normalize(result.Entities);
            foreach (var name in u.Entities.Keys.Union(actual.Keys))
            {
                var expected = u.Entities.GetValueOrDefault(name) ?? [];
                var found = actual.GetValueOrDefault(name) ?? [];
                if (!evaluation._entities.TryGetValue(name, out var counts)) evaluation._entities[name] = counts = new Counts();
                counts.Add(expected, found);
                if (!expected.Order().SequenceEqual(found.Order()))
                    evaluation._entityErrors.Add($"  {name}: expected [{string.Join(", ", expected)}] got [{string.Join(", ", found)}]  \"{u.Text}\"");
            }
        }
        var best = heldOut.Select(_ => double.MaxValue).ToArray();
        for (var round = 0; round < LatencyRounds; round++)
        {
            for (var k = 0; k < heldOut.Count; k++)
            {
                var start = Stopwatch.GetTimestamp();
                model.Recognize(heldOut[k].Text);
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                evaluation._latencies.Add(elapsed);
                best[k] = Math.Min(best[k], elapsed);
            }
        }
        evaluation._bestOfRounds.AddRange(best);
        return evaluation;
    }

    public void Print(TextWriter output, bool showErrors)
    {
        var correct = _intents.Count(i => i.Expected.Intent == i.Actual);
        var unseen = _intents.Where(i => !i.SeenInTraining).ToList();
        output.WriteLine($"held-out utterances: {_intents.Count} ({_intents.Count - unseen.Count} also appear verbatim in training, e.g. \"help\")");
        output.WriteLine($"intent accuracy: {Percent(correct, _intents.Count)} ({correct}/{_intents.Count}); on the {unseen.Count} unseen: {Percent(unseen.Count(i => i.Expected.Intent == i.Actual), unseen.Count)}");
        output.WriteLine();
        output.WriteLine($"{"intent",-16} {"precision",9} {"recall",7} {"support",8}");
        foreach (var intent in _intents.Select(i => i.Expected.Intent).Distinct().Order())
        {
            var counts = new Counts
            {
                TruePositives = _intents.Count(i => i.Expected.Intent == intent && i.Actual == intent),
                FalsePositives = _intents.Count(i => i.Expected.Intent != intent && i.Actual == intent),
                FalseNegatives = _intents.Count(i => i.Expected.Intent == intent && i.Actual != intent),
            };
            output.WriteLine($"{intent,-16} {counts.Precision,9:P1} {counts.Recall,7:P1} {counts.TruePositives + counts.FalseNegatives,8}");
        }
        output.WriteLine();
        output.WriteLine("top confusions (expected -> recognized: count)");
        foreach (var group in _intents.Where(i => i.Expected.Intent != i.Actual).GroupBy(i => $"{i.Expected.Intent} -> {i.Actual}").OrderByDescending(g => g.Count()).Take(10))
            output.WriteLine($"  {group.Key}: {group.Count()}");
        output.WriteLine();
        output.WriteLine($"{"entity",-17} {"precision",9} {"recall",7} {"F1",6} {"expected",9}");
        var total = new Counts();
        foreach (var (name, c) in _entities)
        {
            output.WriteLine($"{name,-17} {c.Precision,9:P1} {c.Recall,7:P1} {c.F1,6:0.000} {c.TruePositives + c.FalseNegatives,9}");
            (total.TruePositives, total.FalsePositives, total.FalseNegatives) = (total.TruePositives + c.TruePositives, total.FalsePositives + c.FalsePositives, total.FalseNegatives + c.FalseNegatives);
        }
        output.WriteLine($"{"all (micro)",-17} {total.Precision,9:P1} {total.Recall,7:P1} {total.F1,6:0.000} {total.TruePositives + total.FalseNegatives,9}");
        output.WriteLine();
        var sorted = _latencies.Order().ToList();
        output.WriteLine($"latency per utterance after warm-up ({sorted.Count} recognitions): p50 {Percentiles.Of(sorted, 50):0.000} ms, p99 {Percentiles.Of(sorted, 99):0.000} ms, max {sorted[^1]:0.000} ms");
        // On a shared machine the raw p99 is mostly time the thread spent descheduled; the best of 5 per utterance shows the recognizer's own cost.
        var best = _bestOfRounds.Order().ToList();
        output.WriteLine($"latency, best of {LatencyRounds} per utterance: p50 {Percentiles.Of(best, 50):0.000} ms, p99 {Percentiles.Of(best, 99):0.000} ms, max {best[^1]:0.000} ms");
        if (File.Exists("/proc/loadavg")) output.WriteLine($"machine load average while measuring: {File.ReadAllText("/proc/loadavg").Trim()} ({Environment.ProcessorCount} cores)");
        if (!showErrors) return;
        output.WriteLine();
        output.WriteLine("intent errors:");
        foreach (var (expected, actual, _) in _intents.Where(i => i.Expected.Intent != i.Actual))
            output.WriteLine($"  {expected.Intent} -> {actual}: \"{expected.Text}\"");
        output.WriteLine("entity errors:");
        foreach (var line in _entityErrors) output.WriteLine(line);
    }

    private static string Percent(int part, int whole) => whole == 0 ? "n/a" : $"{100.0 * part / whole:0.0} %";
}
