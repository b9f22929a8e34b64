namespace GiftBot.Messenger.Tests.Support;

/// <summary>A SQLite file in its own temp folder, deleted with the folder at the end of the test.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "giftbot-messenger-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }
    public string Path => System.IO.Path.Combine(Folder, "bot.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a file still open on some platforms; the temp folder is cleaned by the OS */ }
    }
}
