using Microsoft.Extensions.Time.Testing;

using GiftBot.Storage.Tests.Contracts;
using GiftBot.Testing.Postgres;

namespace GiftBot.Storage.Tests;

public abstract class DurableInboxContract : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private StoreBackend _backend = null!;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private IDurableInbox _inbox = null!;

    protected abstract StoreBackend CreateBackend();

    public async Task InitializeAsync()
    {
        _backend = CreateBackend();
        await _backend.InitializeAsync();
        _inbox = _backend.CreateInbox(_clock);
    }

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    private DateTimeOffset At(int seconds) => _clock.GetUtcNow().AddSeconds(seconds);

    [StoreFact]
    public async Task Enqueue_RejectsADuplicateDedupKey_EvenAfterTheFirstWasCompleted()
    {
        Assert.True(await _inbox.EnqueueAsync("psid-1", "mid.1", "{}", At(0)));
        Assert.False(await _inbox.EnqueueAsync("psid-1", "mid.1", "{\"again\":true}", At(0)));

        var item = Assert.Single(await _inbox.LeaseAsync(10, Lease));
        await _inbox.CompleteAsync(item.Id);

        Assert.False(await _inbox.EnqueueAsync("psid-1", "mid.1", "{}", At(5)));
        Assert.False(await _backend.CreateInbox(_clock).EnqueueAsync("psid-1", "mid.1", "{}", At(5)));
        Assert.Equal(0, await _inbox.CountPendingAsync());
    }

    [StoreFact]
    public async Task EnqueueAll_StoresADeliveryInOneGo_SkippingKnownAndRepeatedKeys()
    {
        Assert.True(await _inbox.EnqueueAsync("psid-1", "mid.1", "earlier", At(0)));

        var stored = await _inbox.EnqueueAllAsync(
        [
            new InboxEntry("psid-1", "mid.1", "redelivered", At(0)),
            new InboxEntry("psid-1", "mid.2", "second", At(1)),
            new InboxEntry("psid-2", "mid.3", "other person", At(1)),
            new InboxEntry("psid-1", "mid.2", "repeated in the same POST", At(1)),
        ]);

        Assert.Equal([false, true, true, false], stored);
        Assert.Equal(3, await _inbox.CountPendingAsync());
        var processed = new List<string>();
        while (await _inbox.LeaseAsync(10, Lease) is { Count: > 0 } leased)
        {
            foreach (var item in leased)
            {
                processed.Add(item.Payload);
                await _inbox.CompleteAsync(item.Id);
            }
        }

        Assert.Equal(["earlier", "other person", "second"], processed.Order(StringComparer.Ordinal));
        Assert.True(processed.IndexOf("earlier") < processed.IndexOf("second"));
        Assert.Equal([false], await _inbox.EnqueueAllAsync([new InboxEntry("psid-2", "mid.3", "again", At(9))]));
    }

    [StoreFact]
    public async Task EnqueueAll_KeepsArrivalOrder_WithinAPartition()
    {
        await _inbox.EnqueueAllAsync([new InboxEntry("psid-1", "a", "first", At(0)), new InboxEntry("psid-1", "b", "second", At(0))]);

        var first = Assert.Single(await _inbox.LeaseAsync(10, Lease));
        await _inbox.CompleteAsync(first.Id);
        var second = Assert.Single(await _inbox.LeaseAsync(10, Lease));

        Assert.Equal(("first", "second"), (first.Payload, second.Payload));
        Assert.Empty(await _inbox.EnqueueAllAsync([]));
    }

    [StoreFact]
    public async Task Partition_IsServedInOccurredAtOrder_OneItemInFlightAtATime()
    {
        await _inbox.EnqueueAsync("psid-1", "m3", "third", At(3));
        await _inbox.EnqueueAsync("psid-1", "m1", "first", At(1));
        await _inbox.EnqueueAsync("psid-1", "m2", "second", At(2));

        var processed = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var leased = Assert.Single(await _inbox.LeaseAsync(10, Lease));
            Assert.Empty(await _inbox.LeaseAsync(10, Lease));
            processed.Add(leased.Payload);
            await _inbox.CompleteAsync(leased.Id);
        }

        Assert.Equal(["first", "second", "third"], processed);
    }

    [StoreFact]
    public async Task SameOccurredAt_IsServedInArrivalOrder()
    {
        await _inbox.EnqueueAsync("psid-1", "a", "first", At(0));
        await _inbox.EnqueueAsync("psid-1", "b", "second", At(0));

        var first = Assert.Single(await _inbox.LeaseAsync(10, Lease));
        await _inbox.CompleteAsync(first.Id);
        var second = Assert.Single(await _inbox.LeaseAsync(10, Lease));

        Assert.Equal(("first", "second"), (first.Payload, second.Payload));
    }

    [StoreFact]
    public async Task DifferentPartitions_AreLeasedTogether_HeadOfEachOnly()
    {
        await _inbox.EnqueueAsync("psid-1", "1a", "1a", At(1));
        await _inbox.EnqueueAsync("psid-1", "1b", "1b", At(2));
        await _inbox.EnqueueAsync("psid-2", "2a", "2a", At(3));
        await _inbox.EnqueueAsync("psid-3", "3a", "3a", At(4));

        var leased = await _inbox.LeaseAsync(10, Lease);

        Assert.Equal(["1a", "2a", "3a"], leased.Select(i => i.Payload));
        Assert.Empty(await _inbox.LeaseAsync(10, Lease)); // every partition has its head in flight
        Assert.Equal(4, await _inbox.CountPendingAsync());
    }

    [StoreFact]
    public async Task ConcurrentWorkers_NeverHoldTwoItemsOfOnePartition()
    {
        for (var p = 0; p < 4; p++)
        {
            for (var i = 0; i < 5; i++)
            {
                await _inbox.EnqueueAsync($"psid-{p}", $"{p}-{i}", $"{p}-{i}", At(i));
            }
        }

        var order = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var inFlight = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        var overlaps = 0;
        // Four workers, each with its own inbox over the same database: four instances behind a load balancer.
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var inbox = _backend.CreateInbox(_clock);
            while (await inbox.CountPendingAsync() > 0)
            {
                foreach (var item in await inbox.LeaseAsync(2, Lease))
                {
                    if (!inFlight.TryAdd(item.PartitionKey, item.Id))
                    {
                        Interlocked.Increment(ref overlaps);
                    }

                    order.Enqueue(item.Payload);
                    await Task.Yield();
                    inFlight.TryRemove(item.PartitionKey, out long _);
                    await inbox.CompleteAsync(item.Id);
                }
            }
        }));
        await Task.WhenAll(workers);

        Assert.Equal(0, overlaps);
        Assert.Equal(20, order.Count);
        for (var p = 0; p < 4; p++)
        {
            Assert.Equal(Enumerable.Range(0, 5).Select(i => $"{p}-{i}"), order.Where(x => x.StartsWith($"{p}-", StringComparison.Ordinal)));
        }
    }

    [StoreFact]
    public async Task SameEventDeliveredToTwoInstancesAtOnce_IsStoredOnce()
    {
        var other = _backend.CreateInbox(_clock);
        var attempts = Enumerable.Range(0, 20).SelectMany(i => new[]
        {
            Task.Run(() => _inbox.EnqueueAsync($"psid-{i % 3}", $"mid.{i}", "first copy", At(i))),
            Task.Run(() => other.EnqueueAsync($"psid-{i % 3}", $"mid.{i}", "second copy", At(i))),
        });

        var accepted = await Task.WhenAll(attempts);

        Assert.Equal(20, accepted.Count(a => a));
        Assert.Equal(20, await _inbox.CountPendingAsync());
    }

    [StoreFact]
    public async Task ExpiredLease_MakesTheItemLeasableAgain_AfterACrash()
    {
        await _inbox.EnqueueAsync("psid-1", "m1", "hello", At(0));
        var first = Assert.Single(await _inbox.LeaseAsync(10, Lease));

        // The worker "crashes": no Complete. A restarted process sees nothing until the lease runs out.
        var restarted = _backend.CreateInbox(_clock);
        _clock.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.Empty(await restarted.LeaseAsync(10, Lease));
        _clock.Advance(TimeSpan.FromSeconds(1));

        var again = Assert.Single(await restarted.LeaseAsync(10, Lease));
        Assert.Equal((first.Id, "hello"), (again.Id, again.Payload));
    }

    [StoreFact]
    public async Task FailedItem_IsRetriedAfterTheDelay_ThenParkedWithItsError_AndStopsBlockingItsPartition()
    {
        var retryDelay = TimeSpan.FromSeconds(30);
        await _inbox.EnqueueAsync("psid-1", "poison", "bad", At(0));
        await _inbox.EnqueueAsync("psid-1", "next", "good", At(1));

        var attempt1 = Assert.Single(await _inbox.LeaseAsync(10, Lease));
        await _inbox.FailAsync(attempt1.Id, "Send API said 500", maxAttempts: 2, retryDelay);
        Assert.Empty(await _inbox.LeaseAsync(10, Lease)); // waiting for its retry; "next" must not overtake it

        _clock.Advance(retryDelay);
        var attempt2 = Assert.Single(await _inbox.LeaseAsync(10, Lease));
        Assert.Equal(("bad", 1, "Send API said 500"), (attempt2.Payload, attempt2.Attempts, attempt2.LastError));
        await _inbox.FailAsync(attempt2.Id, "Send API said 500 again", maxAttempts: 2, retryDelay);

        var parked = Assert.Single(await _inbox.ListParkedAsync());
        Assert.Equal(("poison", 2, "Send API said 500 again"), (parked.DedupKey, parked.Attempts, parked.LastError));
        Assert.Equal(1, await _inbox.CountPendingAsync());
        Assert.Equal("good", Assert.Single(await _inbox.LeaseAsync(10, Lease)).Payload);
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.DoesNotContain(await _inbox.LeaseAsync(10, Lease), i => i.DedupKey == "poison");
    }

    [StoreFact]
    public async Task PendingItems_SurviveARestart_AndAreProcessedOnce()
    {
        await _inbox.EnqueueAsync("psid-1", "m1", "one", At(0));
        await _inbox.EnqueueAsync("psid-2", "m2", "two", At(0));

        var restarted = _backend.CreateInbox(_clock);

        Assert.Equal(2, await restarted.CountPendingAsync());
        var leased = await restarted.LeaseAsync(10, Lease);
        Assert.Equal(["one", "two"], leased.Select(i => i.Payload).Order());
        foreach (var item in leased)
        {
            await restarted.CompleteAsync(item.Id);
        }

        Assert.Empty(await restarted.LeaseAsync(10, Lease));
        Assert.Equal(0, await restarted.CountPendingAsync());
    }
}

public sealed class SqliteDurableInboxTests : DurableInboxContract
{
    protected override StoreBackend CreateBackend() => new SqliteBackend();
}

[RequiresPostgres]
public sealed class PostgresDurableInboxTests : DurableInboxContract
{
    protected override StoreBackend CreateBackend() => new PostgresBackend();
}
