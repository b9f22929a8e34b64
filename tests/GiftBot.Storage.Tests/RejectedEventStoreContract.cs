using GiftBot.Storage.Tests.Contracts;
using GiftBot.Testing.Postgres;

namespace GiftBot.Storage.Tests;

public abstract class RejectedEventStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private StoreBackend _backend = null!;
    private IRejectedEventStore _store = null!;

    protected abstract StoreBackend CreateBackend();

    public async Task InitializeAsync()
    {
        _backend = CreateBackend();
        await _backend.InitializeAsync();
        _store = _backend.CreateRejectedEventStore();
    }

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    private static RejectedEvent Rejected(string location, string reason, string hash, DateTimeOffset at) => new()
    {
        Source = "facebook", Location = location, Reason = reason, BodyHash = hash, ReceivedAt = at,
    };

    [StoreFact]
    public async Task Summary_CountsEveryRejection_AndNamesTheLatest()
    {
        Assert.Equal(new RejectedEventSummary(0, null), await _store.SummarizeAsync());

        await _store.RecordAsync([Rejected("entry[0].messaging[0]", "sender.id: expected a string id, got a number", "aa", Noon)]);
        await _store.RecordAsync([Rejected("body", "body is not strict JSON", "bb", Noon.AddMinutes(1)), Rejected("entry[1]", "entry[1].id: missing", "bb", Noon.AddMinutes(1))]);

        var summary = await _store.SummarizeAsync();
        Assert.Equal(3, summary.Count);
        Assert.Equal("bb", summary.Latest!.BodyHash);
        Assert.Equal(Noon.AddMinutes(1), summary.Latest.ReceivedAt);
    }

    [StoreFact]
    public async Task ARedeliveredBody_IsCountedOnce_PerLocation()
    {
        var first = Rejected("entry[0].messaging[0]", "timestamp: missing", "cc", Noon);

        await _store.RecordAsync([first]);
        await _store.RecordAsync([first with { ReceivedAt = Noon.AddSeconds(20) }]);

        Assert.Equal(1, (await _store.SummarizeAsync()).Count);
        Assert.Equal(Noon, Assert.Single(await _store.ListRecentAsync()).ReceivedAt);
    }

    [StoreFact]
    public async Task LongReasons_AreCut_AndTheListIsNewestFirst()
    {
        await _store.RecordAsync([Rejected("body", new string('r', 5000), "dd", Noon)]);
        await _store.RecordAsync([Rejected("body", "second", "ee", Noon.AddHours(1))]);

        var recent = await _store.ListRecentAsync();

        Assert.Equal(["second", new string('r', 500)], recent.Select(r => r.Reason));
    }
}

public sealed class SqliteRejectedEventStoreTests : RejectedEventStoreContract
{
    protected override StoreBackend CreateBackend() => new SqliteBackend();
}

[RequiresPostgres]
public sealed class PostgresRejectedEventStoreTests : RejectedEventStoreContract
{
    protected override StoreBackend CreateBackend() => new PostgresBackend();
}
