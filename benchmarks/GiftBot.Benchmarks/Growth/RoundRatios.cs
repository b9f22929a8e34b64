using System.Globalization;

namespace GiftBot.Benchmarks.Growth;

/// <summary>
/// The empty/grown comparison round by round: each round's grown/empty ratio of throughput and p99 (both windows of a round
/// ran back to back), and the median of those ratios, printed beside the pooled figures so one noisy window can be seen and
/// cannot decide the verdict alone. Every window is printed; none is dropped.
/// </summary>
public sealed record RoundRatios(IReadOnlyList<(double Throughput, double P99)> Rounds)
{
    public static RoundRatios Of(IReadOnlyList<LoadResult> empty, IReadOnlyList<LoadResult> grown) =>
        new([.. empty.Zip(grown, (e, g) => (g.TurnsPerSecond / e.TurnsPerSecond, g.Percentile(99) / e.Percentile(99)))]);

    public double MedianThroughput => SoakVerdict.Median(Rounds.Select(r => r.Throughput));

    public double MedianP99 => SoakVerdict.Median(Rounds.Select(r => r.P99));

    public void Print(TextWriter output)
    {
        static string Change(double ratio) => (ratio - 1).ToString("+0.0 %;-0.0 %;0.0 %", CultureInfo.InvariantCulture);
        output.WriteLine("new-shopper turn, grown store against empty store, round by round (ABBA order; the pooled figures above add all windows up):");
        for (var i = 0; i < Rounds.Count; i++)
        {
            output.WriteLine($"  round {i + 1}: turns/s {Change(Rounds[i].Throughput),8}, p99 {Change(Rounds[i].P99),8}");
        }

        var within = MedianThroughput >= 0.90 && MedianP99 <= 1.10;
        output.WriteLine($"  median of {Rounds.Count} rounds: turns/s {Change(MedianThroughput)}, p99 {Change(MedianP99)} " +
            $"({(within ? "within 10 %: at most 10 % fewer turns/s and 10 % higher p99" : "NOT within 10 %")}); rounds within 10 % on both: {Rounds.Count(r => r.Throughput >= 0.9 && r.P99 <= 1.1)} of {Rounds.Count}");
    }
}
