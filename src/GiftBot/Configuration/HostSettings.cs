using Microsoft.Extensions.Hosting;

namespace GiftBot.Configuration;

/// <summary>
/// The bot's settings as one place to find them, shared by the host and the CLI so both read the same configuration
/// (the host's appsettings.json and appsettings.{Environment}.json, the .env file, environment variables) and resolve
/// relative paths against the same folder: the host's content root, src/GiftBot under `dotnet run`.
/// </summary>
public static class HostSettings
{
    public const string SolutionFile = "GiftBot.sln";
    private static readonly string HostProjectFolder = Path.Combine("src", "GiftBot");

    /// <summary>
    /// The folder the bot runs in, found from <paramref name="workingDirectory"/>: the host project (src/GiftBot) of the
    /// repository it is in, the working directory itself when it holds the bot's appsettings.json (a published bot),
    /// otherwise the working directory.
    /// </summary>
    public static string LocateContentRoot(string workingDirectory)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(workingDirectory)); folder is not null; folder = folder.Parent)
        {
            if (IsHostProject(folder.FullName)) return folder.FullName;
            var nested = Path.Combine(folder.FullName, HostProjectFolder);
            if (IsHostProject(nested)) return nested;
        }
        return Path.GetFullPath(workingDirectory);
    }

    /// <summary>The repository root (the folder with GiftBot.sln) at or above <paramref name="folder"/>, or null.</summary>
    public static string? RepositoryRootAbove(string folder)
    {
        for (var current = new DirectoryInfo(Path.GetFullPath(folder)); current is not null; current = current.Parent)
            if (File.Exists(Path.Combine(current.FullName, SolutionFile))) return current.FullName;
        return null;
    }

    /// <summary>
    /// A host builder over the bot's configuration for tools that run outside the bot (the CLI): the .env file loaded
    /// as the bot loads it, the environment named by ASPNETCORE_ENVIRONMENT or DOTNET_ENVIRONMENT, no logging to the console.
    /// </summary>
    public static HostApplicationBuilder CreateToolBuilder(string contentRoot)
    {
        DotEnvFile.LoadFor(contentRoot);
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environments.Production;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = contentRoot,
            EnvironmentName = environment,
        });
        builder.Logging.ClearProviders();
        return builder;
    }

    /// <summary>True for the bot's project folder in a source checkout (src/GiftBot).</summary>
    public static bool IsHostProject(string folder) =>
        File.Exists(Path.Combine(folder, "appsettings.json")) && File.Exists(Path.Combine(folder, "GiftBot.csproj"));
}
