namespace GiftBot.Messenger.Tests.Support;

/// <summary>The repository's real content/ folder, so tests check the files a marketer ships.</summary>
public static class RepositoryContent
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "content");
            if (File.Exists(Path.Combine(candidate, "entry-points.json"))) return candidate;
        }
        throw new DirectoryNotFoundException("content/ with entry-points.json not found above the test binaries.");
    }
}
