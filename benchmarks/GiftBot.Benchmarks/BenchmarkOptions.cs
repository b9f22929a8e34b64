namespace GiftBot.Benchmarks;

/// <summary>
/// Command line: [--connections 16] [--seconds 10] [--warmup 5] [--scenario echo|giftfinder|both]
/// [--provider sqlite|postgres] [--instances 1]. PostgreSQL reads ConnectionStrings__GiftBot from the environment.
/// </summary>
public sealed record BenchmarkOptions(int Connections, int Seconds, int WarmupSeconds, string Scenario, string Provider = "sqlite", int Instances = 1)
{
    public static readonly string[] Scenarios = ["echo", "giftfinder", "both"];
    public static readonly string[] Providers = ["sqlite", "postgres"];

    public bool RunsEcho => Scenario is "echo" or "both";
    public bool RunsGiftFinder => Scenario is "giftfinder" or "both";

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions(16, 10, 5, "both");
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--connections" => options with { Connections = PositiveInt(args[i], value, 1024) },
                "--seconds" => options with { Seconds = PositiveInt(args[i], value, 3600) },
                "--warmup" => options with { WarmupSeconds = PositiveInt(args[i], value, 600) },
                "--scenario" when Scenarios.Contains(value) => options with { Scenario = value },
                "--scenario" => throw new ArgumentException($"--scenario must be one of {string.Join(", ", Scenarios)}."),
                "--provider" when Providers.Contains(value) => options with { Provider = value },
                "--provider" => throw new ArgumentException($"--provider must be one of {string.Join(", ", Providers)}."),
                "--instances" => options with { Instances = PositiveInt(args[i], value, 8) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
            i++;
        }
        if (options.Provider == "postgres" && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("ConnectionStrings__GiftBot")))
            throw new ArgumentException("--provider postgres needs ConnectionStrings__GiftBot (an Npgsql connection string) in the environment.");
        return options;
    }

    private static int PositiveInt(string name, string value, int max) =>
        int.TryParse(value, out var number) && number >= 1 && number <= max
            ? number
            : throw new ArgumentException($"{name} must be a whole number from 1 to {max}.");
}
