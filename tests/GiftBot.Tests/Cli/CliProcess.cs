using System.Diagnostics;

namespace GiftBot.Tests.Cli;

/// <summary>What the CLI printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Output, string Errors)
{
    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Errors}";
}

/// <summary>
/// Runs the real CLI (src/GiftBot.Cli, built with the tests) as its own process, in a chosen folder, with a clean set of
/// GiftBot settings in its environment (the developer's own never leak in).
/// </summary>
public static class CliProcess
{
    public static async Task<CliResult> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliAssembly());
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var name in start.Environment.Keys.Where(IsBotSetting).ToList()) start.Environment.Remove(name);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await errors);
    }

    private static bool IsBotSetting(string name) =>
        name.Contains("__", StringComparison.Ordinal) || name.StartsWith("Microsoft", StringComparison.OrdinalIgnoreCase)
        || name is "GIFTBOT_ENV_FILE" or "ASPNETCORE_ENVIRONMENT" or "DOTNET_ENVIRONMENT";

    // Built next to the tests by the project reference, in the same configuration (Debug/Release).
    private static string CliAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var path = Path.Combine(ShopCheckout.RepositoryRoot(), "src", "GiftBot.Cli", "bin", configuration, framework, "GiftBot.Cli.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the CLI first (dotnet build tests/GiftBot.Tests builds it).", path);
    }
}
