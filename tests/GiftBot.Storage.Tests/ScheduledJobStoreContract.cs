
using GiftBot.Storage.Tests.Contracts;
using GiftBot.Testing.Postgres;

namespace GiftBot.Storage.Tests;

public abstract class ScheduledJobStoreContract : IAsyncLifetime
{
    private const string FollowUp = "gift-finder-follow-up";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private StoreBackend _backend = null!;
    private IScheduledJobStore _jobs = null!;

    protected abstract StoreBackend CreateBackend();

    public async Task InitializeAsync()
    {
        _backend = CreateBackend();
        await _backend.InitializeAsync();
        _jobs = _backend.CreateJobStore();
    }

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    [StoreFact]
    public async Task Rescheduling_ReplacesDueTimeAndPayload_NeverDuplicates()
    {
        await _jobs.ScheduleAsync("follow-up:psid-1", FollowUp, "{\"step\":\"age\"}", Now.AddHours(3));
        await _jobs.ScheduleAsync("follow-up:psid-1", FollowUp, "{\"step\":\"budget\"}", Now.AddHours(4));

        Assert.Empty(await _jobs.LeaseDueAsync(Now.AddHours(3), 10, Lease));
        var due = Assert.Single(await _jobs.LeaseDueAsync(Now.AddHours(4), 10, Lease));
        Assert.Equal(("{\"step\":\"budget\"}", Now.AddHours(4)), (due.Payload, due.DueAt));
    }

    [StoreFact]
    public async Task Cancel_RemovesTheJob_SoItIsNeverLeased()
    {
        await _jobs.ScheduleAsync("follow-up:psid-1", FollowUp, "{}", Now);

        Assert.True(await _jobs.CancelAsync("follow-up:psid-1"));
        Assert.False(await _jobs.CancelAsync("follow-up:psid-1"));
        Assert.Empty(await _jobs.LeaseDueAsync(Now.AddDays(1), 10, Lease));
    }

    [StoreFact]
    public async Task LeaseDue_ReturnsOnlyDueJobs_EarliestFirst_UpToMax_AndNotTwiceWhileLeased()
    {
        await _jobs.ScheduleAsync("c", FollowUp, "c", Now.AddMinutes(3));
        await _jobs.ScheduleAsync("a", FollowUp, "a", Now.AddMinutes(1));
        await _jobs.ScheduleAsync("b", FollowUp, "b", Now.AddMinutes(2));
        await _jobs.ScheduleAsync("later", FollowUp, "later", Now.AddHours(1));

        var firstBatch = await _jobs.LeaseDueAsync(Now.AddMinutes(5), 2, Lease);
        var secondBatch = await _jobs.LeaseDueAsync(Now.AddMinutes(5), 10, Lease);

        Assert.Equal(["a", "b"], firstBatch.Select(j => j.JobKey));
        Assert.Equal(["c"], secondBatch.Select(j => j.JobKey));
        Assert.Empty(await _jobs.LeaseDueAsync(Now.AddMinutes(6), 10, Lease));
    }

    [StoreFact]
    public async Task Restart_NeitherLosesNorDuplicatesJobs()
    {
        await _jobs.ScheduleAsync("follow-up:psid-1", FollowUp, "one", Now.AddHours(3));
        await _jobs.ScheduleAsync("follow-up:psid-2", FollowUp, "two", Now.AddHours(3));
        var crashedWorkerLease = await _jobs.LeaseDueAsync(Now.AddHours(3), 1, Lease);

        var restarted = _backend.CreateJobStore();
        await restarted.ScheduleAsync("follow-up:psid-2", FollowUp, "two", Now.AddHours(3)); // the conversation re-schedules on replay

        var afterRestart = await restarted.LeaseDueAsync(Now.AddHours(3), 10, Lease);
        foreach (var job in afterRestart)
        {
            await restarted.CompleteAsync(job);
        }

        var afterLeaseExpiry = await restarted.LeaseDueAsync(Now.AddHours(3) + Lease, 10, Lease);

        Assert.Equal("follow-up:psid-1", Assert.Single(crashedWorkerLease).JobKey);
        Assert.Equal(["follow-up:psid-2"], afterRestart.Select(j => j.JobKey));
        Assert.Equal(["follow-up:psid-1"], afterLeaseExpiry.Select(j => j.JobKey));
        await restarted.CompleteAsync(afterLeaseExpiry[0]);

        Assert.Empty(await restarted.LeaseDueAsync(Now.AddDays(2), 10, Lease));
    }

    [StoreFact]
    public async Task CompletingAnOldLease_KeepsTheJobRescheduledMeanwhile()
    {
        await _jobs.ScheduleAsync("follow-up:psid-1", FollowUp, "old", Now);
        var leased = Assert.Single(await _jobs.LeaseDueAsync(Now, 10, Lease));

        await _jobs.ScheduleAsync("follow-up:psid-1", FollowUp, "new", Now.AddHours(2));
        await _jobs.CompleteAsync(leased);
        await _jobs.FailAsync(leased, "late failure of the old run", Now, 1, TimeSpan.Zero);

        var kept = await _jobs.GetAsync("follow-up:psid-1");
        Assert.Equal(("new", Now.AddHours(2), 0), (kept!.Payload, kept.DueAt, kept.Attempts));
        Assert.Empty(await _jobs.ListFailedAsync());
    }

    [StoreFact]
    public async Task FailedJob_IsRetriedAfterTheDelay_ThenKeptAsFailedWithItsError()
    {
        await _jobs.ScheduleAsync("follow-up:psid-1", FollowUp, "{}", Now);

        var first = Assert.Single(await _jobs.LeaseDueAsync(Now, 10, Lease));
        await _jobs.FailAsync(first, "outside the 24-hour window", Now, maxAttempts: 2, TimeSpan.FromMinutes(10));
        Assert.Empty(await _jobs.LeaseDueAsync(Now.AddMinutes(9), 10, Lease));
        var second = Assert.Single(await _jobs.LeaseDueAsync(Now.AddMinutes(10), 10, Lease));
        await _jobs.FailAsync(second, "still outside", Now.AddMinutes(10), maxAttempts: 2, TimeSpan.FromMinutes(10));

        Assert.Empty(await _jobs.LeaseDueAsync(Now.AddDays(1), 10, Lease));
        var failed = Assert.Single(await _jobs.ListFailedAsync());
        Assert.Equal((2, "still outside"), (failed.Attempts, failed.LastError));
    }

    [StoreFact]
    public async Task TwoInstancesLeasingAtOnce_GetEachDueJobOnce()
    {
        var now = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 30; i++)
        {
            await _jobs.ScheduleAsync($"follow-up/{i}", "follow-up", "{}", now.AddSeconds(-i));
        }

        var instances = new[] { _jobs, _backend.CreateJobStore() };
        var leased = await Task.WhenAll(Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            var mine = new List<string>();
            for (var round = 0; round < 5; round++)
            {
                mine.AddRange((await instances[w % 2].LeaseDueAsync(now, 3, TimeSpan.FromMinutes(5))).Select(j => j.JobKey));
            }

            return mine;
        })));

        var all = leased.SelectMany(keys => keys).ToList();
        Assert.Equal(30, all.Count);
        Assert.Equal(30, all.Distinct().Count());
    }
}

public sealed class SqliteScheduledJobStoreTests : ScheduledJobStoreContract
{
    protected override StoreBackend CreateBackend() => new SqliteBackend();
}

[RequiresPostgres]
public sealed class PostgresScheduledJobStoreTests : ScheduledJobStoreContract
{
    protected override StoreBackend CreateBackend() => new PostgresBackend();
}
