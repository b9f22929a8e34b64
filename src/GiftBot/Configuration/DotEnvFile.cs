using DotNetEnv;

namespace GiftBot.Configuration;

/// <summary>
/// Loads KEY=value lines from a .env file into the process environment before configuration is built, so they reach
/// the app exactly like environment variables (Section__Key for nested settings). The file is optional and real
/// environment variables win over it. The bot and the CLI find the same file (<see cref="Locate"/>).
/// </summary>
public static class DotEnvFile
{
    public const string DefaultPath = ".env";

    /// <summary>Names another file, relative to the working directory.</summary>
    public const string PathVariable = "GIFTBOT_ENV_FILE";

    /// <summary>Loads the .env that belongs to a host running in <paramref name="contentRoot"/>, if there is one.</summary>
    public static int LoadFor(string contentRoot) => Locate(contentRoot) is { } path ? LoadIfPresent(path) : 0;

    /// <summary>
    /// GIFTBOT_ENV_FILE if set; else .env in the working directory; else, when <paramref name="contentRoot"/> is the
    /// repository's host project (src/GiftBot), the .env in the repository root: the README's `.env` is found whether
    /// the bot or the CLI runs, from the root or from src/GiftBot, and never leaks into a test run elsewhere.
    /// </summary>
    public static string? Locate(string contentRoot)
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } named) return Path.GetFullPath(named);
        var local = Path.Combine(Directory.GetCurrentDirectory(), DefaultPath);
        if (File.Exists(local)) return local;
        var repository = HostSettings.IsHostProject(contentRoot) ? HostSettings.RepositoryRootAbove(contentRoot) : null;
        return repository is not null && File.Exists(Path.Combine(repository, DefaultPath)) ? Path.Combine(repository, DefaultPath) : null;
    }

    /// <summary>Loads <paramref name="path"/> (relative to the working directory) if it exists; returns how many keys it set.</summary>
    public static int LoadIfPresent(string path)
    {
        if (!File.Exists(path)) return 0;
        var before = Environment.GetEnvironmentVariables().Count;
        Env.NoClobber().Load(path);
        return Environment.GetEnvironmentVariables().Count - before;
    }
}
