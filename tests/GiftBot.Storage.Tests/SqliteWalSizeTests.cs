using GiftBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace GiftBot.Storage.Tests;

/// <summary>
/// The WAL of the bot's SQLite store: copied back into the database file by the background checkpointer (not inside a turn's
/// commit), and cut back to the size limit once it starts over, not left at a burst's size.
/// </summary>
public sealed class SqliteWalSizeTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
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

        // The checkpointer copies the burst into the database file in the background and, the WAL being past the limit, finishes with a
        // RESTART checkpoint; the first transaction after that starts the WAL over.
        await WaitUntilAsync(() => database.WriteStatistics.BlockingCheckpoints >= 1, "the checkpointer to copy the burst and restart the WAL");
        await database.WriteAsync((connection, transaction, token) => connection.ExecuteAsync("DELETE FROM burst;", token, transaction));

        Assert.True(afterBurst > burstBytes, $"the burst should have passed through the WAL ({afterBurst} bytes)");
        Assert.InRange(new FileInfo(database.DatabasePath + "-wal").Length, 0, SqliteDatabase.WalSizeLimitBytes);
    }

    [Fact]
    public async Task Commits_LeaveTheCheckpointToTheBackground_WhichCopiesEveryPageIntoTheFile()
    {
        await using var database = _db.Open();
        await database.WriteAsync((connection, transaction, token) => connection.ExecuteAsync("CREATE TABLE rows (id INTEGER PRIMARY KEY, body BLOB NOT NULL);", token, transaction));

        // 600 commits of one 8 KB row each: about 2,400 WAL pages, past SQLite's 1,000-page automatic checkpoint twice over.
        var autoCheckpoint = -1L;
        for (var i = 0; i < 600; i++)
        {
            autoCheckpoint = await database.WriteAsync((connection, transaction, token) =>
                connection.ScalarAsync<long>("INSERT INTO rows (body) VALUES (zeroblob(8192)); PRAGMA wal_autocheckpoint;", token, transaction));
        }

        // Once a checkpoint has run after the last commit (the idle round, within a second), the database file alone holds every row.
        var checkpointsAfterWrites = database.WriteStatistics.Checkpoints;
        await WaitUntilAsync(() => database.WriteStatistics.Checkpoints > checkpointsAfterWrites, "a checkpoint after the last commit");
        var statistics = database.WriteStatistics;
        var fileAlone = Path.Combine(_db.Folder, "file-alone.db");
        File.Copy(database.DatabasePath, fileAlone);
        await using var reader = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = fileAlone, Pooling = false }.ToString());
        await reader.OpenAsync();

        Assert.Equal(0, autoCheckpoint);
        Assert.Equal(600L, await reader.ScalarAsync<long>("SELECT count(*) FROM rows;", CancellationToken.None));
        Assert.Equal(600 + 1, statistics.Commits);
        Assert.True(statistics.PagesWritten >= 600 * 2, $"each 8 KB row is at least two 4 KB pages in the WAL ({statistics.PagesWritten} pages)");
        Assert.True(statistics.Checkpoints >= 2, $"the writer's pages should have cued checkpoints along the way ({statistics.Checkpoints})");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(50);
        }
    }
}
