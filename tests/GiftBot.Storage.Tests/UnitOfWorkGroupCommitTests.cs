using GiftBot.Storage.Sqlite;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace GiftBot.Storage.Tests;

/// <summary>Turns' units of work through the SQLite group-commit writer: batching, per-unit conflicts, atomicity, durability.</summary>
public sealed class UnitOfWorkGroupCommitTests : IAsyncDisposable
{
    private readonly TempDatabase _db = new();
    private readonly SqliteDatabase _database;
    private readonly SqliteUnitOfWorkCommitter _committer;
    private readonly UnitOfWorkStorage _storage;

    public UnitOfWorkGroupCommitTests()
    {
        _database = _db.Open();
        _committer = new SqliteUnitOfWorkCommitter(_database);
        _storage = new UnitOfWorkStorage(new SqliteStorage(_database));
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        _db.Dispose();
    }

    private sealed class Card : IStoreItem
    {
        public string Name { get; set; } = "";
        public string? ETag { get; set; }
    }

    [Fact]
    public async Task ConcurrentTurns_AreWrittenInFewerTransactionsThanTurns_AndEveryTurnIsStored()
    {
        await _database.EnsureCreatedAsync();
        var before = _database.Commits;

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => TurnAsync($"user/{i}", $"n{i}"))));

        var commits = _database.Commits - before;
        Assert.InRange(commits, 1, 100);
        var stored = await new SqliteStorage(_database).ReadAsync(Enumerable.Range(0, 200).Select(i => $"user/{i}").ToArray());
        Assert.Equal(200, stored.Count);
    }

    [Fact]
    public async Task TwoSavesOfTheSameKeyInOneTurn_AreOneWrite_AndTheTurnReadsItsOwnWrite()
    {
        await _database.EnsureCreatedAsync();
        var before = _database.Commits;
        await using (var scope = UnitOfWork.Begin(_committer))
        {
            var card = new Card { Name = "first" };
            await _storage.WriteAsync(new Dictionary<string, object> { ["k"] = card });
            card.Name = "second";
            await _storage.WriteAsync(new Dictionary<string, object> { ["k"] = card });
            var seen = (JObject)(await _storage.ReadAsync(["k"]))["k"];
            Assert.Equal("second", seen["Name"]!.Value<string>());
            await scope.CommitAsync(default);
            Assert.False(string.IsNullOrEmpty(card.ETag));
        }

        Assert.Equal(1, _database.Commits - before);
        Assert.Equal("second", ((JObject)(await _storage.ReadAsync(["k"]))["k"])["Name"]!.Value<string>());
    }

    [Fact]
    public async Task ConflictInOneTurn_FailsThatTurnOnly_WhileTheOtherTurnInTheSameBatchCommits()
    {
        var raw = new SqliteStorage(_database);
        var shared = new Card { Name = "v1" };
        await raw.WriteAsync(new Dictionary<string, object> { ["shared"] = shared });
        var stale = new Card { Name = "stale", ETag = shared.ETag };
        shared.Name = "v2";
        await raw.WriteAsync(new Dictionary<string, object> { ["shared"] = shared });

        // Hold the writer so both units queue up and land in the same batch.
        var gate = new TaskCompletionSource();
        var holding = _database.WriteAsync((_, _, _) => gate.Task);
        await Task.Delay(50);
        var before = _database.Commits;
        var loser = CommitUnitAsync(unit =>
        {
            unit.Write("shared", stale);
            unit.Write("loser/own", new Card { Name = "must not be stored" });
        });
        var winner = CommitUnitAsync(unit => unit.Write("winner/own", new Card { Name = "stored" }));
        await Task.Delay(50);
        gate.SetResult();
        await holding;

        var conflict = await Assert.ThrowsAsync<StorageConcurrencyException>(() => loser);
        await winner;
        Assert.Equal("shared", conflict.Key);
        // The held batch, then ONE batch for both units.
        Assert.Equal(2, _database.Commits - before);
        var stored = await raw.ReadAsync(["shared", "loser/own", "winner/own"]);
        Assert.Equal("v2", ((JObject)stored["shared"])["Name"]!.Value<string>());
        Assert.False(stored.ContainsKey("loser/own"));
        Assert.True(stored.ContainsKey("winner/own"));
    }

    [Fact]
    public async Task AllOfATurnsChanges_AreCommittedTogether_AndSurviveAReopen()
    {
        var inbox = new SqliteDurableInbox(_database, TimeProvider.System);
        await inbox.EnqueueAsync("psid-1", "mid-1", "{}", DateTimeOffset.UtcNow);
        var item = Assert.Single(await inbox.LeaseAsync(1, TimeSpan.FromMinutes(1)));
        var outbox = new SqliteReplyOutbox(_database);
        await outbox.RecordSentAsync("mid-1", 0, "m_1", default);

        await CommitUnitAsync(unit =>
        {
            unit.Write("conversation/1", new Card { Name = "dialog state" });
            unit.RecordFunnelEvent(new FunnelEvent { Kind = FunnelEventKinds.RecommendationsShown, ChannelId = "facebook", ConversationId = "1", EntrySource = "ADS" });
            unit.ScheduleJob("follow-up/1", "follow-up", "{}", DateTimeOffset.UtcNow.AddHours(1));
            unit.UpsertCustomerRow(new CustomerListRow("facebook", "psid-1", "Ada", "ada", "BotOwns", null, DateTimeOffset.UtcNow, null, ["vip"], "ADS"));
            unit.CompleteInboxItem(item.Id);
            unit.ClearReplyOutbox("mid-1");
        });

        // What a restarted process sees.
        var reopened = _db.Open();
        Assert.True((await new SqliteStorage(reopened).ReadAsync(["conversation/1"])).ContainsKey("conversation/1"));
        Assert.Equal(1, (await new SqliteFunnelEventStore(reopened).CountByKindAsync())[FunnelEventKinds.RecommendationsShown]);
        Assert.NotNull(await new SqliteScheduledJobStore(reopened).GetAsync("follow-up/1"));
        Assert.Equal(0, await new SqliteDurableInbox(reopened, TimeProvider.System).CountPendingAsync());
        Assert.Empty(await new SqliteReplyOutbox(reopened).ListSentAsync("mid-1", default));
        var row = Assert.Single((await new SqliteCustomerListStore(reopened).QueryAsync(new CustomerListQuery(Tag: "vip"), default)).Rows);
        Assert.Equal("Ada", row.DisplayName);
    }

    [Fact]
    public async Task AFailedTurn_LeavesNoneOfItsChanges()
    {
        var raw = new SqliteStorage(_database);
        var current = new Card { Name = "v1" };
        await raw.WriteAsync(new Dictionary<string, object> { ["k"] = current });
        var stale = new Card { Name = "stale", ETag = "not-the-current-etag" };

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => CommitUnitAsync(unit =>
        {
            unit.Write("other", new Card { Name = "must not be stored" });
            unit.RecordFunnelEvent(new FunnelEvent { Kind = FunnelEventKinds.AddedToBasket, ChannelId = "c", ConversationId = "1" });
            unit.ScheduleJob("job", "kind", "{}", DateTimeOffset.UtcNow);
            unit.Write("k", stale);
        }));

        Assert.False((await raw.ReadAsync(["other"])).ContainsKey("other"));
        Assert.Empty(await new SqliteFunnelEventStore(_database).CountByKindAsync());
        Assert.Null(await new SqliteScheduledJobStore(_database).GetAsync("job"));
    }

    [Fact]
    public async Task AConflictWithARebase_IsReappliedToTheFreshValue_AndCommitted()
    {
        var raw = new SqliteStorage(_database);
        await raw.WriteAsync(new Dictionary<string, object> { ["card"] = new Card { Name = "a" } });

        await using (var scope = UnitOfWork.Begin(_committer))
        {
            var read = ((JObject)(await _storage.ReadAsync(["card"]))["card"]).ToObject<Card>()!;
            read.Name += "+turn";
            // Someone else writes the card meanwhile (an agent).
            await raw.WriteAsync(new Dictionary<string, object> { ["card"] = new Card { Name = "a+agent" } });
            scope.Unit.Write("card", read, async token =>
            {
                scope.Unit.ForgetRead("card");
                var fresh = ((JObject)(await _storage.ReadAsync(["card"], token))["card"]).ToObject<Card>()!;
                fresh.Name += "+turn";
                scope.Unit.Write("card", fresh);
            });
            await scope.CommitAsync(default);
        }

        Assert.Equal("a+agent+turn", ((JObject)(await raw.ReadAsync(["card"]))["card"])["Name"]!.Value<string>());
    }

    private async Task TurnAsync(string key, string name)
    {
        await using var scope = UnitOfWork.Begin(_committer);
        await _storage.WriteAsync(new Dictionary<string, object> { [key] = new Card { Name = name } });
        await scope.CommitAsync(default);
    }

    private async Task CommitUnitAsync(Action<UnitOfWork> change)
    {
        await using var scope = UnitOfWork.Begin(_committer);
        change(scope.Unit);
        await scope.CommitAsync(default);
    }
}
