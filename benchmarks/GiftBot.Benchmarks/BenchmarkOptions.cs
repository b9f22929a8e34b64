namespace GiftBot.Benchmarks;

/// <summary>Command line: see <see cref="LoadBenchmark"/>.</summary>
public sealed record BenchmarkOptions(int Connections, int[] ConnectionCounts, int Seconds, int WarmupSeconds, string Scenario, string Synchronous, int EventsPerSecond, int BurstSeconds, string Provider = "sqlite", int Instances = 1)
{
    public static readonly string[] Scenarios = ["all", "turns", "messenger"];
    public static readonly string[] Providers = ["sqlite", "postgres"];

    /// <summary>The PostgreSQL connection string when <c>--provider postgres</c>: read from ConnectionStrings__GiftBot, as the host reads it.</summary>
    public string? PostgresConnectionString => Provider == "postgres" ? Environment.GetEnvironmentVariable("ConnectionStrings__GiftBot") : null;

    public bool RunsTurns => Scenario is "all" or "turns";
    public bool RunsMessenger => Scenario is "all" or "messenger";

    /// <summary>The host settings that choose the store: SQLite's durability, or every store in PostgreSQL.</summary>
    public Dictionary<string, string?> StorageSettings()
    {
        var settings = new Dictionary<string, string?> { ["Storage:Synchronous"] = Synchronous };
        if (PostgresConnectionString is { } connectionString)
        {
            settings["Storage:Provider"] = "Postgres";
            settings["ConnectionStrings:GiftBot"] = connectionString;
        }
        return settings;
    }

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions(16, [16, 64], 10, 5, "all", "Full", 500, 10);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--connections" => options with { ConnectionCounts = value.Split(',').Select(v => PositiveInt(args[i], v, 1024)).ToArray() },
                "--seconds" => options with { Seconds = PositiveInt(args[i], value, 3600) },
                "--warmup" => options with { WarmupSeconds = PositiveInt(args[i], value, 600) },
                "--scenario" when Scenarios.Contains(value) => options with { Scenario = value },
                "--scenario" => throw new ArgumentException($"--scenario must be one of {string.Join(", ", Scenarios)}."),
                "--synchronous" when value is "Full" or "Normal" => options with { Synchronous = value },
                "--synchronous" => throw new ArgumentException("--synchronous must be Full or Normal."),
                "--rate" => options with { EventsPerSecond = PositiveInt(args[i], value, 100_000) },
                "--burst-seconds" => options with { BurstSeconds = PositiveInt(args[i], value, 3600) },
                "--provider" when Providers.Contains(value) => options with { Provider = value },
                "--provider" => throw new ArgumentException($"--provider must be one of {string.Join(", ", Providers)}."),
                "--instances" => options with { Instances = PositiveInt(args[i], value, 8) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
            i++;
        }
        if (options.Provider == "postgres" && string.IsNullOrWhiteSpace(options.PostgresConnectionString))
            throw new ArgumentException("--provider postgres needs ConnectionStrings__GiftBot (an Npgsql connection string) in the environment.");
        return options;
    }

    private static int PositiveInt(string name, string value, int max) =>
        int.TryParse(value, out var number) && number >= 1 && number <= max
            ? number
            : throw new ArgumentException($"{name} must be a whole number from 1 to {max}.");
}
