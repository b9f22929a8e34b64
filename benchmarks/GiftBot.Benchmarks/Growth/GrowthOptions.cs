namespace GiftBot.Benchmarks.Growth;

public enum GrowthProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Command line of the growth benchmark and the soak: see <see cref="GrowthBenchmark"/> and <see cref="SoakBenchmark"/>.</summary>
public sealed record GrowthOptions(GrowthProvider Provider, int Scale, int Connections, int Seconds, int WarmupSeconds, int Minutes, int Queries, int Rounds)
{
    /// <summary>--only recommend: the recommend probe alone, on the grown host with the same catalog (minutes less; see GrowthBenchmark).</summary>
    public bool OnlyRecommend { get; init; }

    public const string Usage =
        "usage: GiftBot.Benchmarks growth [--provider sqlite|postgres] [--scale 100000] [--connections 16] [--seconds 15] [--warmup 5] [--rounds 6] [--queries 2000] [--only recommend]\n" +
        "       GiftBot.Benchmarks soak [--provider sqlite|postgres] [--minutes 30] [--scale 0] [--connections 16]\n" +
        "--provider postgres reads the server from the ConnectionStrings__GiftBot environment variable (a login that may create databases).";

    /// <summary>Customers and products seeded; funnel events and dedup keys are ten times as many.</summary>
    public int Customers => Scale;

    public int Products => Scale;

    public long FunnelEvents => 10L * Scale;

    public long DedupKeys => 10L * Scale;

    public static GrowthOptions Parse(string[] args, int defaultScale)
    {
        // Six alternating rounds (ABBA order): on a shared machine one 15-s window can be 20 % off its neighbour, so no single window may decide.
        var options = new GrowthOptions(GrowthProvider.Sqlite, defaultScale, 16, 15, 5, 30, 2000, 6);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--provider" => options with
                {
                    Provider = value.ToLowerInvariant() switch
                    {
                        "sqlite" => GrowthProvider.Sqlite,
                        "postgres" or "postgresql" => GrowthProvider.Postgres,
                        _ => throw new ArgumentException("--provider must be sqlite or postgres."),
                    },
                },
                "--scale" => options with { Scale = WholeNumber(args[i], value, 0, 10_000_000) },
                "--connections" => options with { Connections = WholeNumber(args[i], value, 1, 1024) },
                "--seconds" => options with { Seconds = WholeNumber(args[i], value, 1, 3600) },
                "--warmup" => options with { WarmupSeconds = WholeNumber(args[i], value, 0, 600) },
                "--minutes" => options with { Minutes = WholeNumber(args[i], value, 1, 24 * 60) },
                "--rounds" => options with { Rounds = WholeNumber(args[i], value, 1, 20) },
                "--queries" => options with { Queries = WholeNumber(args[i], value, 10, 1_000_000) },
                "--only" => value == "recommend" ? options with { OnlyRecommend = true } : throw new ArgumentException("--only takes recommend."),
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
            i++;
        }

        return options;
    }

    private static int WholeNumber(string name, string value, int min, int max) =>
        int.TryParse(value, out var number) && number >= min && number <= max
            ? number
            : throw new ArgumentException($"{name} must be a whole number from {min} to {max}.");
}
