using GiftBot.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GiftBot.Storage.Tests;

/// <summary>A restarted process takes over a crashed one's inbox leases within seconds, while a live owner keeps its lease.</summary>
public sealed class LeaseTakeoverTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
    private readonly IOptions<StorageOptions> _options = Options.Create(new StorageOptions { InstanceHeartbeatInterval = TimeSpan.FromSeconds(2) });

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task ACrashedInstancesLease_IsTakenOver_AfterThreeMissedHeartbeats_NotAfterTheLease()
    {
        var crashed = _db.Open();
        // Its last heartbeat, as written before the crash (a running heartbeat service would keep beating on the fake clock).
        await crashed.WriteAsync((connection, transaction, token) => connection.ExecuteAsync(
            "INSERT INTO store_instances (instance_id, started_at, heartbeat_at) VALUES ($id, $now, $now);", token, transaction,
            ("$id", crashed.InstanceId), ("$now", _clock.GetUtcNow().ToUnixMs())));
        var crashedInbox = new SqliteDurableInbox(crashed, _clock, ownerStaleAfter: _options.Value.InstanceStaleAfter);
        await crashedInbox.EnqueueAsync("psid-1", "m1", "hello", _clock.GetUtcNow());
        Assert.Single(await crashedInbox.LeaseAsync(10, Lease));

        // kill -9: no more heartbeats, no completion. The new process registers itself.
        var restarted = _db.Open();
        await new StoreInstanceHeartbeat(restarted, _options, _clock, NullLogger<StoreInstanceHeartbeat>.Instance).StartAsync(default);
        var inbox = new SqliteDurableInbox(restarted, _clock, ownerStaleAfter: _options.Value.InstanceStaleAfter);
        Assert.Empty(await inbox.LeaseAsync(10, Lease));

        _clock.Advance(TimeSpan.FromSeconds(7));
        var taken = Assert.Single(await inbox.LeaseAsync(10, Lease));
        Assert.Equal("hello", taken.Payload);
    }

    [Fact]
    public async Task StoppingWhenTheShutdownTimeHasRunOut_DoesNotFail()
    {
        var database = _db.Open();
        var heartbeat = new StoreInstanceHeartbeat(database, _options, _clock, NullLogger<StoreInstanceHeartbeat>.Instance);
        await heartbeat.StartAsync(default);

        // A host that took too long to stop hands StopAsync a token that has already fired.
        await heartbeat.StopAsync(new CancellationToken(canceled: true));

        // Not marked stopped, so its work is taken over once its heartbeat is stale, as after a crash.
        var stoppedAt = await database.WriteAsync((connection, transaction, token) => connection.ScalarAsync<long?>(
            "SELECT stopped_at FROM store_instances WHERE instance_id = $id;", token, transaction, ("$id", database.InstanceId)));
        Assert.Null(stoppedAt);
    }

    // Two beats of one process can reach the database out of order (the timer's and a manual one, a busy machine): the
    // late one must not make a live owner look three beats old, or its work would be taken from it.
    [Fact]
    public async Task ABeatWrittenLate_NeverMovesTheHeartbeatBack()
    {
        var owner = _db.Open();
        var earlier = new FakeTimeProvider(_clock.GetUtcNow());
        var lateBeat = new StoreInstanceHeartbeat(owner, _options, earlier, NullLogger<StoreInstanceHeartbeat>.Instance);
        var ownerInbox = new SqliteDurableInbox(owner, _clock, ownerStaleAfter: _options.Value.InstanceStaleAfter);
        await ownerInbox.EnqueueAsync("psid-1", "m1", "hello", _clock.GetUtcNow());
        Assert.Single(await ownerInbox.LeaseAsync(10, Lease));

        _clock.Advance(TimeSpan.FromSeconds(10));
        await new StoreInstanceHeartbeat(owner, _options, _clock, NullLogger<StoreInstanceHeartbeat>.Instance).BeatAsync(default);
        await lateBeat.BeatAsync(default);

        var other = new SqliteDurableInbox(_db.Open(), _clock, ownerStaleAfter: _options.Value.InstanceStaleAfter);
        Assert.Empty(await other.LeaseAsync(10, Lease));
    }

    [Fact]
    public async Task ALiveInstancesLease_IsHonoured_UntilItRunsOut()
    {
        var owner = _db.Open();
        var ownerBeat = new StoreInstanceHeartbeat(owner, _options, _clock, NullLogger<StoreInstanceHeartbeat>.Instance);
        await ownerBeat.StartAsync(default);
        var ownerInbox = new SqliteDurableInbox(owner, _clock, ownerStaleAfter: _options.Value.InstanceStaleAfter);
        await ownerInbox.EnqueueAsync("psid-1", "m1", "hello", _clock.GetUtcNow());
        Assert.Single(await ownerInbox.LeaseAsync(10, Lease));
        var other = new SqliteDurableInbox(_db.Open(), _clock, ownerStaleAfter: _options.Value.InstanceStaleAfter);

        for (var second = 0; second < 60; second += 2)
        {
            _clock.Advance(TimeSpan.FromSeconds(2));
            await owner.WriteAsync((connection, transaction, token) => connection.ExecuteAsync(
                "UPDATE store_instances SET heartbeat_at = $now WHERE instance_id = $id;", token, transaction,
                ("$now", _clock.GetUtcNow().ToUnixMs()), ("$id", owner.InstanceId)));
            Assert.Empty(await other.LeaseAsync(10, Lease));
        }

        // A clean stop hands the work over at once.
        await ownerBeat.StopAsync(default);
        Assert.Single(await other.LeaseAsync(10, Lease));
    }
}
