namespace GiftBot.Storage.Sqlite;

/// <summary>
/// What this process's writes to the SQLite file cost so far (cumulative counters; subtract two readings for a window):
/// transactions and the steps they carried, database pages written to the WAL, pages the writer had to read (not in its
/// page cache), how long COMMIT took, and the WAL
/// checkpoints that copied those pages back into the database file.
/// </summary>
public readonly record struct SqliteWriteStatistics(
    long Commits,
    long Steps,
    long PagesWritten,
    long PagesRead,
    double CommitMilliseconds,
    long SlowCommits,
    long Checkpoints,
    long WalFramesAtCheckpoints,
    double CheckpointMilliseconds,
    long BlockingCheckpoints,
    double BlockingCheckpointMilliseconds)
{
    /// <summary>A COMMIT at least this long counts as slow (a turn waiting on it sees it in its latency).</summary>
    public const double SlowCommitMilliseconds = 20;

    public static SqliteWriteStatistics operator -(SqliteWriteStatistics after, SqliteWriteStatistics before) => new(
        after.Commits - before.Commits, after.Steps - before.Steps, after.PagesWritten - before.PagesWritten, after.PagesRead - before.PagesRead,
        after.CommitMilliseconds - before.CommitMilliseconds, after.SlowCommits - before.SlowCommits,
        after.Checkpoints - before.Checkpoints, after.WalFramesAtCheckpoints - before.WalFramesAtCheckpoints,
        after.CheckpointMilliseconds - before.CheckpointMilliseconds, after.BlockingCheckpoints - before.BlockingCheckpoints,
        after.BlockingCheckpointMilliseconds - before.BlockingCheckpointMilliseconds);
}
