using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace GiftBot.Storage.Sqlite;

/// <summary>
/// Copies the WAL back into the database file on its own connection, off the turn path. SQLite's automatic checkpoint
/// runs inside the COMMIT that crosses 1,000 WAL pages, so one batch of turns waited for the whole copy (scattered page
/// writes plus an fsync of the database file): the tail of the turn latency, worse the larger the file. Here the writer's
/// automatic checkpoint is off and this loop runs a PASSIVE checkpoint (it never blocks the writer or readers) whenever
/// the writer has appended about as many pages, or once a second. Under constant load a passive checkpoint never quite
/// catches up with the writer, so the WAL would not start over; once it holds more than the size limit, the loop takes
/// this process's writer lock for a moment and runs a RESTART checkpoint, which only has the last few frames left to copy.
/// </summary>
internal sealed class SqliteWalCheckpointer : IAsyncDisposable
{
    /// <summary>WAL pages appended before a checkpoint is due (SQLite's own automatic-checkpoint threshold).</summary>
    internal const int PagesPerCheckpoint = 1000;

    private static readonly TimeSpan IdleInterval = TimeSpan.FromSeconds(1);

    // A RESTART waits for readers still reading old frames; this process's writers wait meanwhile, so not for long: it is
    // tried again on the next round.
    private const int RestartBusyTimeoutMilliseconds = 200;

    private readonly Func<CancellationToken, Task<SqliteConnection>> _openConnection;
    private readonly SemaphoreSlim _fileWriterLock;
    private readonly long _restartAtFrames;
    private readonly int _busyTimeoutMilliseconds;
    private readonly ILogger _logger;
    private readonly Channel<bool> _due = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private long _pagesSinceSignal;
    // Total pages the writer has appended to the WAL; the loop skips rounds with nothing new.
    private long _pagesWritten;
    private long _pagesWrittenAtLastRun;
    private long _checkpoints;
    private long _walFramesAtCheckpoints;
    private long _checkpointTicks;
    private long _blockingCheckpoints;
    private long _blockingTicks;

    public SqliteWalCheckpointer(
        Func<CancellationToken, Task<SqliteConnection>> openConnection, SemaphoreSlim fileWriterLock, long restartAtFrames, int busyTimeoutMilliseconds, ILogger logger)
    {
        (_openConnection, _fileWriterLock, _restartAtFrames, _busyTimeoutMilliseconds, _logger) = (openConnection, fileWriterLock, restartAtFrames, busyTimeoutMilliseconds, logger);
        _loop = Task.Run(RunAsync);
    }

    public long Checkpoints => Interlocked.Read(ref _checkpoints);

    public long WalFramesAtCheckpoints => Interlocked.Read(ref _walFramesAtCheckpoints);

    public double CheckpointMilliseconds => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _checkpointTicks)).TotalMilliseconds;

    public long BlockingCheckpoints => Interlocked.Read(ref _blockingCheckpoints);

    public double BlockingCheckpointMilliseconds => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _blockingTicks)).TotalMilliseconds;

    /// <summary>Called by the writer after each commit with the pages it appended to the WAL.</summary>
    public void PagesAppended(long pages)
    {
        Interlocked.Add(ref _pagesWritten, pages);
        if (Interlocked.Add(ref _pagesSinceSignal, pages) >= PagesPerCheckpoint)
        {
            Interlocked.Exchange(ref _pagesSinceSignal, 0);
            _due.Writer.TryWrite(true);
        }
    }

    private async Task RunAsync()
    {
        SqliteConnection? connection = null;
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                await WaitUntilDueAsync().ConfigureAwait(false);
                var written = Interlocked.Read(ref _pagesWritten);
                if (written == _pagesWrittenAtLastRun)
                {
                    continue;
                }

                _pagesWrittenAtLastRun = written;
                try
                {
                    connection ??= await _openConnection(_stopping.Token).ConfigureAwait(false);
                    var walFrames = await CheckpointAsync(connection, "PASSIVE", blocking: false).ConfigureAwait(false);
                    if (walFrames >= _restartAtFrames)
                    {
                        await RestartAsync(connection).ConfigureAwait(false);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The next round tries again; the WAL only grows meanwhile (readers and writers are unaffected).
                    _logger.LogWarning(ex, "A WAL checkpoint failed; it is retried on the next round");
                    if (connection is not null)
                    {
                        await connection.DisposeAsync().ConfigureAwait(false);
                        connection = null;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task WaitUntilDueAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(IdleInterval);
        try
        {
            await _due.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
        {
        }
    }

    private async Task RestartAsync(SqliteConnection connection)
    {
        await _fileWriterLock.WaitAsync(_stopping.Token).ConfigureAwait(false);
        try
        {
            await connection.ExecuteAsync($"PRAGMA busy_timeout = {RestartBusyTimeoutMilliseconds};", _stopping.Token).ConfigureAwait(false);
            await CheckpointAsync(connection, "RESTART", blocking: true).ConfigureAwait(false);
        }
        finally
        {
            _fileWriterLock.Release();
            await connection.ExecuteAsync($"PRAGMA busy_timeout = {_busyTimeoutMilliseconds};", CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Runs one checkpoint and returns the frames the WAL held when it ran.</summary>
    private async Task<long> CheckpointAsync(SqliteConnection connection, string mode, bool blocking)
    {
        var started = Stopwatch.GetTimestamp();
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        long walFrames = 0;
        await using (var reader = await command.ExecuteReaderAsync(_stopping.Token).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(_stopping.Token).ConfigureAwait(false))
            {
                // The WAL's size in frames (-1 when the database is not in WAL mode).
                walFrames = Math.Max(0, reader.GetInt64(1));
            }
        }

        var elapsed = Stopwatch.GetTimestamp() - started;
        Interlocked.Increment(ref _checkpoints);
        Interlocked.Add(ref _checkpointTicks, elapsed);
        Interlocked.Add(ref _walFramesAtCheckpoints, walFrames);
        if (blocking)
        {
            Interlocked.Increment(ref _blockingCheckpoints);
            Interlocked.Add(ref _blockingTicks, elapsed);
        }

        return walFrames;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stopping.Dispose();
    }
}
