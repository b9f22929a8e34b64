namespace GiftBot.Language.Benchmarks.GiftRequests;

/// <summary>Prints the gift-finder evaluation: the issue's targets first, then the failure classes and the misses.</summary>
internal static class Report
{
    public static readonly string[] FailureClasses = ["ages", "adult recipients", "budgets", "interests", "re-asking"];

    public static void Print(TextWriter output, string file, IReadOnlyList<Judged> results, List<double> turns, List<double> recognition, TimeSpan hostReady, bool showErrors)
    {
        output.WriteLine($"# GiftBot gift-finder evaluation on {file} ({results.Count} requests, each a new shopper's first message through the real host)");
        var withCarousel = results.Where(r => r.Carousel).ToList();
        var allThree = results.Where(r => r.Request.StatesAgeBudgetAndInterest).ToList();
        var interestCases = results.Where(r => r.Request.Interest is not null && r.CatalogHasInterest).ToList();
        var noneFits = results.Where(r => r.Request.Themes.Count > 0 && !r.CatalogHasInterest && r.Carousel).ToList();
        output.WriteLine($"carousel in the first reply: {Share(withCarousel.Count, results.Count)}");
        output.WriteLine($"carousel in the first reply, age + budget + interest stated: {Share(allThree.Count(r => r.Carousel), allThree.Count)}   (target >= 95 %)");
        output.WriteLine($"replies whose every product is within age, budget, stock and exclusions: {Share(withCarousel.Count(r => r.Outside.Count == 0), withCarousel.Count)}   (target 100 %)");
        output.WriteLine($"products outside the limits: {withCarousel.Sum(r => r.Outside.Count)} of {withCarousel.Sum(r => r.Shown.Count)} shown");
        output.WriteLine("  outside by limit (counts only): " + string.Join(", ", new[] { "age", "budget", "stock", "exclusion" }
            .Select(s => $"{s} {results.Sum(r => r.OutsideReasons.Count(x => x == s))}")));
        output.WriteLine($"stated interest matched where the catalog has one: {Share(interestCases.Count(r => r.InterestMatched), interestCases.Count)}   (target >= 90 %; carousel shown in {interestCases.Count(r => r.Carousel)})");
        output.WriteLine($"labelled themes the catalog cannot serve within the limits, carousel shown anyway: {noneFits.Count}; bot said what it relaxed: {Share(noneFits.Count(r => r.SaidRelaxed), noneFits.Count)}");
        output.WriteLine("failures per class (a request can fall in several):");
        foreach (var failure in FailureClasses)
            output.WriteLine($"  {failure,-18} {results.Count(r => r.Failures.Contains(failure)),4}");
        // Which question was asked again (counts only), so a class can be worked on without reading the sentences.
        output.WriteLine("  re-asked question: " + string.Join(", ", new[] { "recipient", "age", "interests", "budget" }
            .Select(s => $"{s} {results.Count(r => r.ReaskedSlots.Contains(s))}")));
        recognition.Sort();
        turns.Sort();
        output.WriteLine($"recognizer (sentence model on): p50 {Percentiles.Of(recognition, 50):0.0} ms, p99 {Percentiles.Of(recognition, 99):0.0} ms   (target p99 < 15 ms)");
        output.WriteLine($"first turn through /api/messages: p50 {Percentiles.Of(turns, 50):0.0} ms, p99 {Percentiles.Of(turns, 99):0.0} ms");
        output.WriteLine($"host start until the recognizer answered (this process, model load included): {hostReady.TotalMilliseconds:0} ms");
        if (!showErrors) return;
        output.WriteLine();
        output.WriteLine("## misses");
        foreach (var r in results.Where(r => r.Failures.Count > 0 || r.Outside.Count > 0 || r.Request.StatesAgeBudgetAndInterest && !r.Carousel))
        {
            output.WriteLine($"{r.Request.Id} [{string.Join(", ", r.Failures)}{(r.Outside.Count > 0 ? "; outside: " + string.Join(",", r.Outside) : "")}] {r.Request.Text}");
            output.WriteLine($"    shown: {string.Join(", ", r.Shown.Select(p => $"{p.Id} {p.Price} {p.MinAge}-{p.MaxAge} {string.Join('|', p.Interests)}"))}");
            output.WriteLine($"    said: {r.Replies}");
        }
    }

    private static string Share(int count, int total) => total == 0 ? "n/a (0 cases)" : $"{100.0 * count / total:0.0} % ({count}/{total})";
}
