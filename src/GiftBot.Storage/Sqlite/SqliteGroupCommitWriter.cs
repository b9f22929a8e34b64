using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace GiftBot.Storage.Sqlite;

/// <summary>
/// The one writer of a database file in this process (group commit): callers queue small write steps, the writer takes
/// every step waiting at that moment and runs them in ONE transaction, one fsync for the batch. Each step runs inside its
/// own savepoint, so a step that throws (an ETag conflict, a constraint) is rolled back and reported to its caller alone
/// while the others commit. A caller's task completes only after the batch is durable.
/// Acknowledgement writes (<see cref="WritePriority.Acknowledgement"/>) wait in a lane of their own that goes first: they
/// are committed in a batch of their own, and a batch of other steps is cut short as soon as one is waiting (the waiting
/// acknowledgements run right after the step in progress and are committed with the steps already run), so a webhook's
/// 200 waits for one step and one fsync, not for every turn queued before it. Their callers are then resumed on a thread
/// of their own (<see cref="AcknowledgementCompletions"/>), not queued in the thread pool behind the turns' work.
/// </summary>
internal sealed class SqliteGroupCommitWriter : IAsyncDisposable
{
    private const int MaxBatch = 256;

    // What SqliteTransaction.Save/Rollback/Release(name) run, but through the connection's kept statements: those methods
    // prepare a new command each time, twice for every step of every batch.
    private const string SaveStep = "SAVEPOINT \"step\";";
    private const string RollbackStep = "ROLLBACK TO SAVEPOINT \"step\";";
    private const string ReleaseStep = "RELEASE SAVEPOINT \"step\";";

    private readonly Channel<WriteStep> _queue = Channel.CreateUnbounded<WriteStep>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<WriteStep> _acknowledgements = Channel.CreateUnbounded<WriteStep>(new UnboundedChannelOptions { SingleReader = true });
    // Tells the loop that either lane has a step: one pending signal is enough, the loop drains both lanes after each.
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    // Steps taken from the queue but not run because an acknowledgement cut their batch short: they go first next time.
    private readonly List<WriteStep> _carriedOver = [];
    private readonly Func<CancellationToken, Task<SqliteConnection>> _openConnection;
    private readonly SemaphoreSlim _fileWriterLock;
    private readonly ILogger _logger;
    private readonly Task _loop;
    private readonly AcknowledgementCompletions _acknowledged;
    private SqliteConnection? _connection;
    private readonly Action<long>? _pagesAppended;
    private long _commits;
    private long _steps;
    private long _pagesWritten;
    private long _pagesRead;
    private long _commitTicks;
    private long _slowCommits;

    /// <param name="pagesAppended">Told the pages each commit appended to the WAL (the checkpointer's cue).</param>
    public SqliteGroupCommitWriter(Func<CancellationToken, Task<SqliteConnection>> openConnection, SemaphoreSlim fileWriterLock, ILogger logger, Action<long>? pagesAppended = null)
    {
        (_openConnection, _fileWriterLock, _logger, _pagesAppended) = (openConnection, fileWriterLock, logger, pagesAppended);
        _acknowledged = new AcknowledgementCompletions(logger);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Database pages the commits wrote to the WAL.</summary>
    public long PagesWritten => Interlocked.Read(ref _pagesWritten);

    /// <summary>Pages the writer's steps read because its page cache did not hold them.</summary>
    public long PagesRead => Interlocked.Read(ref _pagesRead);

    /// <summary>Time spent in COMMIT (the WAL append and its fsync), summed.</summary>
    public double CommitMilliseconds => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _commitTicks)).TotalMilliseconds;

    /// <summary>Commits that took at least <see cref="SqliteWriteStatistics.SlowCommitMilliseconds"/>.</summary>
    public long SlowCommits => Interlocked.Read(ref _slowCommits);

    /// <summary>Transactions committed (each one fsync at Synchronous=Full).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Write steps committed or failed.</summary>
    public long Steps => Interlocked.Read(ref _steps);

    public Task<T> ExecuteAsync<T>(
        Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken, WritePriority priority = WritePriority.Normal)
    {
        var step = new WriteStep<T>(work, cancellationToken, priority == WritePriority.Acknowledgement);
        var lane = priority == WritePriority.Acknowledgement ? _acknowledgements : _queue;
        if (!lane.Writer.TryWrite(step))
        {
            throw new ObjectDisposedException(nameof(SqliteGroupCommitWriter));
        }

        _wake.Writer.TryWrite(true);
        return step.Task;
    }

    public Task ExecuteAsync(
        Func<SqliteConnection, SqliteTransaction, CancellationToken, Task> work, CancellationToken cancellationToken, WritePriority priority = WritePriority.Normal) =>
        ExecuteAsync<bool>(async (connection, transaction, token) =>
        {
            await work(connection, transaction, token).ConfigureAwait(false);
            return true;
        }, cancellationToken, priority);

    private bool AcknowledgementWaiting => _acknowledgements.Reader.TryPeek(out _);

    private async Task RunAsync()
    {
        var batch = new List<WriteStep>(MaxBatch);
        while (true)
        {
            batch.Clear();
            // Acknowledgements first and alone; then what an acknowledgement cut short; then the queue in arrival order.
            Take(_acknowledgements.Reader, batch);
            var cutShortAllowed = batch.Count == 0;
            if (cutShortAllowed)
            {
                foreach (var step in _carriedOver) Add(step, batch);
                _carriedOver.Clear();
                Take(_queue.Reader, batch);
            }

            if (batch.Count > 0)
            {
                await CommitBatchAsync(batch, cutShortAllowed).ConfigureAwait(false);
                continue;
            }

            if (_queue.Reader.Completion.IsCompleted && _acknowledgements.Reader.Completion.IsCompleted)
            {
                return;
            }

            await _wake.Reader.ReadAsync().ConfigureAwait(false);
        }
    }

    private void Take(ChannelReader<WriteStep> lane, List<WriteStep> batch)
    {
        while (batch.Count < MaxBatch && lane.TryRead(out var step))
        {
            Add(step, batch);
        }
    }

    private void Add(WriteStep step, List<WriteStep> batch)
    {
        if (step.CancellationToken.IsCancellationRequested)
        {
            step.Failure = new OperationCanceledException(step.CancellationToken);
            Report(step);
            return;
        }

        batch.Add(step);
    }

    private async Task CommitBatchAsync(List<WriteStep> batch, bool cutShortAllowed)
    {
        await _fileWriterLock.WaitAsync().ConfigureAwait(false);
        try
        {
            _connection ??= await _openConnection(CancellationToken.None).ConfigureAwait(false);
            await using var transaction = _connection.BeginWrite();
            for (var index = 0; index < batch.Count; index++)
            {
                if (cutShortAllowed && index > 0 && AcknowledgementWaiting)
                {
                    // The waiting acknowledgements run next in this transaction and share its commit: one fsync before
                    // their 200 instead of this batch's and then their own. The steps not yet run wait for the next
                    // batch, still first in line.
                    _carriedOver.AddRange(batch.Skip(index));
                    batch.RemoveRange(index, batch.Count - index);
                    Take(_acknowledgements.Reader, batch);
                    cutShortAllowed = false;
                    if (index == batch.Count) break; // the acknowledgements were all cancelled
                }

                var step = batch[index];
                await _connection.ExecuteAsync(SaveStep, CancellationToken.None, transaction).ConfigureAwait(false);
                try
                {
                    await step.RunAsync(_connection, transaction).ConfigureAwait(false);
                    await _connection.ExecuteAsync(ReleaseStep, CancellationToken.None, transaction).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not SqliteException { SqliteErrorCode: 10 or 11 or 13 or 14 })
                {
                    // Only this step is undone; I/O errors, a corrupt or full disk (codes 10, 11, 13, 14) fail the whole batch below.
                    await _connection.ExecuteAsync(RollbackStep, CancellationToken.None, transaction).ConfigureAwait(false);
                    await _connection.ExecuteAsync(ReleaseStep, CancellationToken.None, transaction).ConfigureAwait(false);
                    step.Failure = ex;
                }
            }

            var committing = Stopwatch.GetTimestamp();
            await transaction.CommitAsync().ConfigureAwait(false);
            var commitTicks = Stopwatch.GetTimestamp() - committing;
            Interlocked.Add(ref _commitTicks, commitTicks);
            if (Stopwatch.GetElapsedTime(0, commitTicks).TotalMilliseconds >= SqliteWriteStatistics.SlowCommitMilliseconds)
            {
                Interlocked.Increment(ref _slowCommits);
            }

            var pages = TakeStatus(_connection, SQLitePCL.raw.SQLITE_DBSTATUS_CACHE_WRITE);
            Interlocked.Add(ref _pagesRead, TakeStatus(_connection, SQLitePCL.raw.SQLITE_DBSTATUS_CACHE_MISS));
            Interlocked.Add(ref _pagesWritten, pages);
            _pagesAppended?.Invoke(pages);
            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _steps, batch.Count);
            foreach (var step in batch)
            {
                Report(step);
            }
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "A batch of {Count} storage writes could not be committed; each caller gets the error", batch.Count);
            foreach (var step in batch)
            {
                step.Failure = ex;
                Report(step);
            }

            // A connection that failed mid-transaction is not trusted again.
            if (_connection is not null)
            {
                await _connection.DisposeAsync().ConfigureAwait(false);
                _connection = null;
            }
        }
        finally
        {
            _fileWriterLock.Release();
        }
    }

    // Tells a step's caller its outcome: an acknowledgement's on the acknowledgements' own thread, the others' in the pool.
    private void Report(WriteStep step)
    {
        if (step.IsAcknowledgement)
        {
            _acknowledged.Post(step);
        }
        else
        {
            step.Finish();
        }
    }

    // One of SQLite's per-connection page counters, read and reset: CACHE_WRITE, dirty pages written out (to the WAL, in WAL
    // mode); CACHE_MISS, pages the connection's cache did not hold and read from the file or the WAL.
    private static long TakeStatus(SqliteConnection connection, int counter)
    {
        var handle = connection.Handle;
        return handle is not null && SQLitePCL.raw.sqlite3_db_status(handle, counter, out var current, out _, 1) == SQLitePCL.raw.SQLITE_OK
            ? current
            : 0;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        _acknowledgements.Writer.TryComplete();
        _wake.Writer.TryWrite(true);
        await _loop.ConfigureAwait(false);
        _acknowledged.Dispose();
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private abstract class WriteStep(CancellationToken cancellationToken, bool isAcknowledgement)
    {
        public CancellationToken CancellationToken { get; } = cancellationToken;

        public bool IsAcknowledgement { get; } = isAcknowledgement;

        public Exception? Failure { get; set; }

        public abstract Task RunAsync(SqliteConnection connection, SqliteTransaction transaction);

        /// <summary>Reports the step's own outcome once the batch is durable.</summary>
        public abstract void Finish();

        public abstract void Fail(Exception exception);
    }

    /// <summary>
    /// One thread that resumes the callers of committed acknowledgement writes, their continuations inline: the rest of a
    /// webhook request (its 200) is a few tens of microseconds of work, and in the thread pool it waited behind every turn
    /// continuation queued before it (under a burst, that wait was a large part of the acknowledgement's time). The thread
    /// sleeps between commits, so the OS runs it promptly when it is woken even with both cores busy.
    /// </summary>
    private sealed class AcknowledgementCompletions(ILogger logger) : IDisposable
    {
        private readonly BlockingCollection<WriteStep> _committed = new();
        private Thread? _thread;

        // Called by the writer loop alone, which has ended before Dispose: the thread is started once, on first use (most
        // databases never take an acknowledgement), and adding never finds the collection closed.
        public void Post(WriteStep step)
        {
            if (_thread is null)
            {
                _thread = new Thread(Run) { IsBackground = true, Name = "SQLite acknowledgements" };
                _thread.Start();
            }

            _committed.Add(step);
        }

        private void Run()
        {
            foreach (var step in _committed.GetConsumingEnumerable())
            {
                try
                {
                    step.Finish();
                }
                catch (Exception ex)
                {
                    // Async continuations keep their exceptions in their own tasks; anything else must not end this thread
                    // (and the process with it) or leave the next acknowledgements unanswered.
                    logger.LogError(ex, "A continuation of an acknowledged write threw on the acknowledgements' thread");
                }
            }
        }

        // The collection is not disposed: a caller resumed on this thread may be the one disposing the database, and the
        // loop above still reads it after that caller returns. Nor does that caller wait for its own thread.
        public void Dispose()
        {
            _committed.CompleteAdding();
            if (_thread is not null && _thread != Thread.CurrentThread)
            {
                _thread.Join();
            }
        }
    }

    private sealed class WriteStep<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken, bool isAcknowledgement)
        : WriteStep(cancellationToken, isAcknowledgement)
    {
        // Continuations never run on the writer loop: an acknowledgement's run inline on the acknowledgements' thread
        // (that is what it is for); the others' are queued to the thread pool.
        private readonly TaskCompletionSource<T> _completion = new(isAcknowledgement ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _completion.Task;

        public override async Task RunAsync(SqliteConnection connection, SqliteTransaction transaction) =>
            _result = await work(connection, transaction, CancellationToken).ConfigureAwait(false);

        public override void Finish()
        {
            if (Failure is not null)
            {
                Fail(Failure);
            }
            else
            {
                _completion.TrySetResult(_result!);
            }
        }

        public override void Fail(Exception exception)
        {
            if (exception is OperationCanceledException canceled)
            {
                _completion.TrySetCanceled(canceled.CancellationToken);
            }
            else
            {
                _completion.TrySetException(exception);
            }
        }
    }
}
