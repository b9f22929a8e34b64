using GiftBot.Storage.Sqlite;

namespace GiftBot.Storage.Tests;

/// <summary>
/// The group-commit writer's acknowledgement lane: a webhook's write is committed ahead of the turns queued before it, so
/// Meta's 200 does not wait for them; the turns still commit, in their order, right after.
/// </summary>
public sealed class GroupCommitLaneTests : IAsyncDisposable
{
    private readonly TempDatabase _db = new();
    private readonly SqliteDatabase _database;
    private readonly List<string> _ran = [];

    public GroupCommitLaneTests() => _database = _db.Open();

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task AWebhookEvent_IsStoredAheadOfTheTurnWritesQueuedBeforeIt()
    {
        var inbox = new SqliteDurableInbox(_database, TimeProvider.System);
        var (holding, release) = await HoldTheWriterAsync("turn 0");
        // Turn 1 does not finish until the webhook's event is stored: behind it, the event would never be.
        var turn1Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var turn1 = _database.WriteAsync(async (_, _, _) =>
        {
            Record("turn 1");
            await turn1Gate.Task;
        });
        var turns = Enumerable.Range(2, 4).Select(i => Step($"turn {i}")).ToList();
        var acknowledged = inbox.EnqueueAllAsync([new InboxEntry("facebook/1", "mid.1", "{}", DateTimeOffset.UtcNow)]);
        await WaitUntilQueuedAsync();

        release();
        try
        {
            Assert.Equal([true], await acknowledged.WaitAsync(TimeSpan.FromSeconds(20)));
            lock (_ran) Assert.DoesNotContain("turn 2", _ran);
        }
        finally
        {
            turn1Gate.TrySetResult();
        }

        await Task.WhenAll(turns.Append(turn1).Append(holding));
        // The turns kept their order, and the event is in the inbox.
        Assert.Equal(["turn 0", "turn 1", "turn 2", "turn 3", "turn 4", "turn 5"], _ran);
        Assert.Single(await inbox.LeaseAsync(10, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task ABatchOfTurns_IsCommittedEarly_WhenAnAcknowledgementArrivesWhileItRuns()
    {
        var (holding, release) = await HoldTheWriterAsync("turn 0");
        // Turns 1-4 queue up behind the held batch, so the next batch takes all of them; turn 1 waits on a gate of its own.
        var turn1Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var turn1Started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var turn1 = _database.WriteAsync(async (_, _, _) =>
        {
            Record("turn 1");
            turn1Started.SetResult();
            await turn1Gate.Task;
        });
        // Turn 2 holds the batch after the acknowledgement's open until the commits have been counted.
        var turn2Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var turn2 = _database.WriteAsync(async (_, _, _) =>
        {
            Record("turn 2");
            await turn2Gate.Task;
        });
        var later = Enumerable.Range(3, 2).Select(i => Step($"turn {i}")).Append(turn2).ToList();
        await WaitUntilQueuedAsync();
        release();
        await turn1Started.Task;

        var commitsBefore = _database.Commits;
        var acknowledgement = _database.WriteAsync((_, _, _) => { Record("acknowledgement"); return Task.CompletedTask; }, default, WritePriority.Acknowledgement);
        turn1Gate.SetResult();
        await acknowledgement;
        var commitsForTheAcknowledgement = _database.Commits - commitsBefore;
        turn2Gate.SetResult();
        await Task.WhenAll(later.Append(turn1).Append(holding));

        // Turn 1 was committed with the batch cut short; the acknowledgement went next; turns 2-4 after it, in order.
        Assert.Equal(["turn 0", "turn 1", "acknowledgement", "turn 2", "turn 3", "turn 4"], _ran);
        // The acknowledgement ran right after turn 1 and shared its commit: one fsync before the 200, not two.
        Assert.Equal(1, commitsForTheAcknowledgement);
    }

    [Fact]
    public async Task AnAcknowledgementsCaller_IsResumedOutsideTheThreadPool_WhereTurnWorkQueues()
    {
        Assert.False(await ResumesOnThePoolAsync(WritePriority.Acknowledgement));
        Assert.True(await ResumesOnThePoolAsync(WritePriority.Normal));
    }

    // Where an awaiter with no context of its own (as in ASP.NET Core) is resumed. The write is held until the caller
    // awaits it: a write already done when awaited would go on synchronously on the caller's own thread.
    private async Task<bool> ResumesOnThePoolAsync(WritePriority priority)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var write = _database.WriteAsync(async (_, _, _) => await gate.Task, default, priority);
        var resumed = AwaitAsync(write);
        gate.SetResult();
        return await resumed;

        static async Task<bool> AwaitAsync(Task write)
        {
            await write.ConfigureAwait(false);
            return Thread.CurrentThread.IsThreadPoolThread;
        }
    }

    [Fact]
    public async Task ACancelledAcknowledgement_DoesNotHoldBackTheTurns()
    {
        var (holding, release) = await HoldTheWriterAsync("turn 0");
        using var cancelled = new CancellationTokenSource();
        var acknowledgement = _database.WriteAsync((_, _, _) => { Record("acknowledgement"); return Task.CompletedTask; }, cancelled.Token, WritePriority.Acknowledgement);
        var turn = Step("turn 1");
        await WaitUntilQueuedAsync();
        await cancelled.CancelAsync();

        release();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => acknowledgement);
        await Task.WhenAll(turn, holding);
        Assert.Equal(["turn 0", "turn 1"], _ran);
    }

    // A first write that holds the writer inside its batch until released, so what follows queues up behind it.
    private async Task<(Task Holding, Action Release)> HoldTheWriterAsync(string name)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = _database.WriteAsync(async (_, _, _) =>
        {
            Record(name);
            started.SetResult();
            await gate.Task;
        });
        await started.Task;
        return (holding, gate.SetResult);
    }

    private Task Step(string name) => _database.WriteAsync((_, _, _) => { Record(name); return Task.CompletedTask; });

    private void Record(string name)
    {
        lock (_ran) _ran.Add(name);
    }

    // Writes are queued synchronously by the calls above, except for the first-use check each WriteAsync awaits; a short
    // pause lets those continuations reach the writer's queue before the held batch is released.
    private static Task WaitUntilQueuedAsync() => Task.Delay(100);
}
