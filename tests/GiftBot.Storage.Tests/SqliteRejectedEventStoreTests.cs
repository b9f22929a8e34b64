using GiftBot.Storage.Sqlite;

namespace GiftBot.Storage.Tests;

public sealed class SqliteRejectedEventStoreTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _db = new();
    private readonly SqliteRejectedEventStore _store;

    public SqliteRejectedEventStoreTests() => _store = new SqliteRejectedEventStore(_db.Open());

    public void Dispose() => _db.Dispose();

    private static RejectedEvent Rejected(string location, string reason, string hash, DateTimeOffset at) => new()
    {
        Source = "facebook", Location = location, Reason = reason, BodyHash = hash, ReceivedAt = at,
    };

    [Fact]
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

    [Fact]
    public async Task ARedeliveredBody_IsCountedOnce_PerLocation()
    {
        var first = Rejected("entry[0].messaging[0]", "timestamp: missing", "cc", Noon);

        await _store.RecordAsync([first]);
        await _store.RecordAsync([first with { ReceivedAt = Noon.AddSeconds(20) }]);

        Assert.Equal(1, (await _store.SummarizeAsync()).Count);
        Assert.Equal(Noon, Assert.Single(await _store.ListRecentAsync()).ReceivedAt);
    }

    [Fact]
    public async Task LongReasons_AreCut_AndTheListIsNewestFirst()
    {
        await _store.RecordAsync([Rejected("body", new string('r', 5000), "dd", Noon)]);
        await _store.RecordAsync([Rejected("body", "second", "ee", Noon.AddHours(1))]);

        var recent = await _store.ListRecentAsync();

        Assert.Equal(["second", new string('r', 500)], recent.Select(r => r.Reason));
    }
}
