using GiftBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace GiftBot.Storage.Tests;

/// <summary>A database file in its own temp folder, removed (with its WAL files) when the test ends.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "giftbot-storage-tests", Guid.NewGuid().ToString("N"));
        DatabasePath = Path.Combine(Folder, "nested", "giftbot.db");
    }

    public string Folder { get; }

    public string DatabasePath { get; }

    /// <summary>A fresh SqliteDatabase over the same file: what a restarted process would get.</summary>
    public SqliteDatabase Open() => new(DatabasePath);

    public void Dispose()
    {
        SqliteConnection.ClearPool(new SqliteConnection(Open().ConnectionString));
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A handle still closing on a slow machine: leave the temp folder rather than fail the test.
        }
    }
}
