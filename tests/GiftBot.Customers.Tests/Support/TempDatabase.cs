using GiftBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace GiftBot.Customers.Tests.Support;

/// <summary>A SQLite store in its own temp folder, removed when the test ends.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "giftbot-customers-tests", Guid.NewGuid().ToString("N"));

    public async Task<SqliteStorage> OpenStorageAsync()
    {
        var database = new SqliteDatabase(Path.Combine(_folder, "giftbot.db"));
        await database.EnsureCreatedAsync();
        return new SqliteStorage(database);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A handle still closing on a slow machine: leave the temp folder rather than fail the test.
        }
    }
}
