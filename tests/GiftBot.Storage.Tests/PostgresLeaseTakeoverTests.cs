using GiftBot.Storage.Postgres;
using GiftBot.Testing.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GiftBot.Storage.Tests;

/// <summary>On PostgreSQL too, an instance takes over a crashed one's inbox leases within seconds, while a live owner keeps its lease.</summary>
[RequiresPostgres]
public sealed class PostgresLeaseTakeoverTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
    private readonly IOptions<StorageOptions> _options = Options.Create(new StorageOptions { InstanceHeartbeatInterval = TimeSpan.FromSeconds(2) });
    private readonly List<PostgresDatabase> _instances = [];
    private PostgresTestSchema _schema = null!;

    public async Task InitializeAsync() => _schema = await PostgresTestServer.CreateSchemaAsync();

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances) await instance.DisposeAsync();
        await _schema.DisposeAsync();
    }

    private PostgresDatabase NewInstance()
    {
        var instance = new PostgresDatabase(_schema.ConnectionString);
        _instances.Add(instance);
        return instance;
    }

    private PostgresInstanceHeartbeat Heartbeat(PostgresDatabase instance) => new(instance, _options, _clock, NullLogger<PostgresInstanceHeartbeat>.Instance);

    private PostgresDurableInbox Inbox(PostgresDatabase instance) => new(instance, _clock, ownerStaleAfter: _options.Value.InstanceStaleAfter);

    [StoreFact]
    public async Task ACrashedInstancesLease_IsTakenOver_AfterThreeMissedHeartbeats_NotAfterTheLease()
    {
        var crashed = NewInstance();
        await Heartbeat(crashed).BeatAsync(default);
        await Inbox(crashed).EnqueueAsync("psid-1", "m1", "hello", _clock.GetUtcNow());
        Assert.Single(await Inbox(crashed).LeaseAsync(10, Lease));

        // kill -9: no more heartbeats, no completion. Another instance is running.
        var survivor = NewInstance();
        await Heartbeat(survivor).BeatAsync(default);
        Assert.Empty(await Inbox(survivor).LeaseAsync(10, Lease));

        _clock.Advance(TimeSpan.FromSeconds(7));
        var taken = Assert.Single(await Inbox(survivor).LeaseAsync(10, Lease));
        Assert.Equal("hello", taken.Payload);
    }

    // Two beats of one process can reach the database out of order (the timer's and a manual one, a busy machine): the
    // late one must not make a live owner look three beats old, or its work would be taken from it.
    [StoreFact]
    public async Task ABeatWrittenLate_NeverMovesTheHeartbeatBack()
    {
        var owner = NewInstance();
        var lateBeat = new PostgresInstanceHeartbeat(owner, _options, new FakeTimeProvider(_clock.GetUtcNow()), NullLogger<PostgresInstanceHeartbeat>.Instance);
        await Inbox(owner).EnqueueAsync("psid-1", "m1", "hello", _clock.GetUtcNow());
        Assert.Single(await Inbox(owner).LeaseAsync(10, Lease));

        _clock.Advance(TimeSpan.FromSeconds(10));
        await Heartbeat(owner).BeatAsync(default);
        await lateBeat.BeatAsync(default);

        Assert.Empty(await Inbox(NewInstance()).LeaseAsync(10, Lease));
    }

    [StoreFact]
    public async Task ALiveInstancesLease_IsHonoured_UntilItStopsCleanly()
    {
        var owner = NewInstance();
        var ownerBeat = Heartbeat(owner);
        await ownerBeat.StartAsync(default);
        await Inbox(owner).EnqueueAsync("psid-1", "m1", "hello", _clock.GetUtcNow());
        Assert.Single(await Inbox(owner).LeaseAsync(10, Lease));
        var other = Inbox(NewInstance());

        for (var second = 0; second < 60; second += 2)
        {
            _clock.Advance(TimeSpan.FromSeconds(2));
            await ownerBeat.BeatAsync(default);
            Assert.Empty(await other.LeaseAsync(10, Lease));
        }

        // A clean stop hands the work over at once.
        await ownerBeat.StopAsync(default);
        Assert.Single(await other.LeaseAsync(10, Lease));
    }
}
