namespace GiftBot.Conversations.Tests.Infrastructure;

/// <summary>Finds the repository's own files (content, catalog feed) from the test binaries.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GiftBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("GiftBot.sln not found above " + AppContext.BaseDirectory);
    }
}
