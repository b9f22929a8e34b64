namespace GiftBot.Tests.Cli;

/// <summary>
/// A throw-away copy of the repository's layout as a shop owner has it: GiftBot.sln at the root, the bot's project folder
/// src/GiftBot with its real appsettings.json, an optional .env at the root. The CLI and the bot run against it.
/// </summary>
public sealed class ShopCheckout : IDisposable
{
    public ShopCheckout()
    {
        Root = Path.Combine(Path.GetTempPath(), "giftbot-tests", "shop-" + Guid.NewGuid().ToString("N"));
        BotFolder = Path.Combine(Root, "src", "GiftBot");
        Directory.CreateDirectory(BotFolder);
        File.WriteAllText(Path.Combine(Root, "GiftBot.sln"), "");
        File.WriteAllText(Path.Combine(BotFolder, "GiftBot.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />");
        File.Copy(Path.Combine(RepositoryRoot(), "src", "GiftBot", "appsettings.json"), Path.Combine(BotFolder, "appsettings.json"));
    }

    public string Root { get; }

    /// <summary>src/GiftBot: the bot's content root under `dotnet run`.</summary>
    public string BotFolder { get; }

    /// <summary>Where the bot keeps its catalog by default (Catalog:DatabasePath = data/catalog.db under the content root).</summary>
    public string BotCatalog => Path.Combine(BotFolder, "data", "catalog.db");

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "GiftBot.sln"))) return directory.FullName;
        throw new DirectoryNotFoundException("GiftBot.sln not found above the test output.");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Root, recursive: true); }
        catch (DirectoryNotFoundException) { }
    }
}
