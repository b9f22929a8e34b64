using DotNetEnv;

namespace GiftBot.Configuration;

/// <summary>
/// Loads KEY=value lines from a .env file into the process environment before configuration is built, so they reach
/// the app exactly like environment variables (Section__Key for nested settings). The file is optional and real
/// environment variables win over it.
/// </summary>
public static class DotEnvFile
{
    public const string DefaultPath = ".env";

    /// <summary>Names another file; `dotnet run` sets it (launchSettings) to the repository root's .env, since it runs the app in src/GiftBot.</summary>
    public const string PathVariable = "GIFTBOT_ENV_FILE";

    /// <summary>Loads the file named by GIFTBOT_ENV_FILE, else .env in the working directory, if it exists.</summary>
    public static int LoadIfPresent() =>
        LoadIfPresent(Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : DefaultPath);

    /// <summary>Loads <paramref name="path"/> (relative to the working directory) if it exists; returns how many keys it set.</summary>
    public static int LoadIfPresent(string path)
    {
        if (!File.Exists(path)) return 0;
        var before = Environment.GetEnvironmentVariables().Count;
        Env.NoClobber().Load(path);
        return Environment.GetEnvironmentVariables().Count - before;
    }
}
