namespace GiftBot.Language.Benchmarks;

/// <summary>Counts for precision, recall and F1.</summary>
internal sealed class Counts
{
    public int TruePositives;
    public int FalsePositives;
    public int FalseNegatives;

    public double Precision => TruePositives + FalsePositives == 0 ? 1 : TruePositives / (double)(TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : TruePositives / (double)(TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Multiset comparison of expected and recognized values of one entity type in one utterance.</summary>
    public void Add(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var remaining = expected.ToList();
        foreach (var value in actual)
        {
            if (remaining.Remove(value)) TruePositives++;
            else FalsePositives++;
        }
        FalseNegatives += remaining.Count;
    }
}

internal static class Percentiles
{
    public static double Of(List<double> sorted, double percentile) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
