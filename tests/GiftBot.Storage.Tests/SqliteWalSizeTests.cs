using GiftBot.Storage.Sqlite;

namespace GiftBot.Storage.Tests;

/// <summary>The WAL file of the bot's SQLite store after a burst of writes: cut back once it starts over, not left at the burst's size.</summary>
public sealed class SqliteWalSizeTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task TheWal_ShrinksBackToTheLimit_AfterOneLargeWrite()
    {
        await using var database = _db.Open();
        var burstBytes = SqliteDatabase.WalSizeLimitBytes + 16L * 1024 * 1024;
        await database.WriteAsync(async (connection, transaction, token) =>
        {
            await connection.ExecuteAsync("CREATE TABLE burst (b BLOB NOT NULL);", token, transaction);
            await connection.ExecuteAsync("WITH n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count) INSERT INTO burst (b) SELECT zeroblob(1048576) FROM n;",
                token, transaction, ("$count", burstBytes / 1048576));
        });
        var afterBurst = new FileInfo(database.DatabasePath + "-wal").Length;

        // The burst's commit copied the WAL into the database; the next transaction starts the WAL over.
        await database.WriteAsync((connection, transaction, token) => connection.ExecuteAsync("DELETE FROM burst;", token, transaction));

        Assert.True(afterBurst > burstBytes, $"the burst should have passed through the WAL ({afterBurst} bytes)");
        Assert.InRange(new FileInfo(database.DatabasePath + "-wal").Length, 0, SqliteDatabase.WalSizeLimitBytes);
    }
}
