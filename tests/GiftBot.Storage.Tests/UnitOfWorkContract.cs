using GiftBot.Storage.Tests.Contracts;
using GiftBot.Testing.Postgres;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace GiftBot.Storage.Tests;

/// <summary>One turn's unit of work through each provider's committer: all of it or nothing, conflicts, rebase, durability.</summary>
public abstract class UnitOfWorkContract : IAsyncLifetime
{
    private StoreBackend _backend = null!;
    private IUnitOfWorkCommitter _committer = null!;
    private UnitOfWorkStorage _storage = null!;

    protected abstract StoreBackend CreateBackend();

    public async Task InitializeAsync()
    {
        _backend = CreateBackend();
        await _backend.InitializeAsync();
        _committer = _backend.CreateCommitter();
        _storage = new UnitOfWorkStorage(_backend.CreateStorage());
    }

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    private sealed class Card : IStoreItem
    {
        public string Name { get; set; } = "";
        public string? ETag { get; set; }
    }

    [StoreFact]
    public async Task AllOfATurnsChanges_AreCommittedTogether_AndSurviveAReopen()
    {
        var inbox = _backend.CreateInbox(TimeProvider.System);
        await inbox.EnqueueAsync("psid-1", "mid-1", "{}", DateTimeOffset.UtcNow);
        var item = Assert.Single(await inbox.LeaseAsync(1, TimeSpan.FromMinutes(1)));
        await _backend.CreateReplyOutbox().RecordSentAsync("mid-1", 0, "m_1", default);

        await CommitUnitAsync(unit =>
        {
            unit.Write("conversation/1", new Card { Name = "dialog state" });
            unit.RecordFunnelEvent(new FunnelEvent { Kind = FunnelEventKinds.RecommendationsShown, ChannelId = "facebook", ConversationId = "1", EntrySource = "ADS" });
            unit.ScheduleJob("follow-up/1", "follow-up", "{}", DateTimeOffset.UtcNow.AddHours(1));
            unit.UpsertCustomerRow(new CustomerListRow("facebook", "psid-1", "Ada", "ada", "BotOwns", null, DateTimeOffset.UtcNow, null, ["vip"], "ADS"));
            unit.CompleteInboxItem(item.Id);
            unit.ClearReplyOutbox("mid-1");
        });

        // What a restarted process (or another instance) sees.
        Assert.True((await _backend.CreateStorage().ReadAsync(["conversation/1"])).ContainsKey("conversation/1"));
        Assert.Equal(1, (await _backend.CreateFunnelStore().CountByKindAsync())[FunnelEventKinds.RecommendationsShown]);
        Assert.NotNull(await _backend.CreateJobStore().GetAsync("follow-up/1"));
        Assert.Equal(0, await _backend.CreateInbox(TimeProvider.System).CountPendingAsync());
        Assert.Empty(await _backend.CreateReplyOutbox().ListSentAsync("mid-1", default));
        var row = Assert.Single((await _backend.CreateCustomerList().QueryAsync(new CustomerListQuery(Tag: "vip"), default)).Rows);
        Assert.Equal("Ada", row.DisplayName);
    }

    [StoreFact]
    public async Task AUnitCompletingSeveralInboxItems_FreesEachPerson_ForTheirNextEvent()
    {
        var inbox = _backend.CreateInbox(TimeProvider.System);
        var now = DateTimeOffset.UtcNow;
        foreach (var person in new[] { "psid-1", "psid-2", "psid-3" })
        {
            await inbox.EnqueueAsync(person, $"{person}-first", "first", now);
            await inbox.EnqueueAsync(person, $"{person}-second", "second", now.AddSeconds(1));
        }

        var leased = await inbox.LeaseAsync(10, TimeSpan.FromMinutes(5));
        Assert.Equal(3, leased.Count);
        await CommitUnitAsync(unit =>
        {
            foreach (var item in leased) unit.CompleteInboxItem(item.Id);
        });

        // Each person's lease ended with the completion (not with the five minutes): their next event is served at once.
        var next = await inbox.LeaseAsync(10, TimeSpan.FromMinutes(5));
        Assert.Equal(["second", "second", "second"], next.Select(i => i.Payload));
        Assert.Equal(3, await inbox.CountPendingAsync());
    }

    [StoreFact]
    public async Task ATurnsSeveralFunnelSteps_AreAllRecorded_WithTheirFacts()
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        await CommitUnitAsync(unit =>
        {
            unit.RecordFunnelEvent(new FunnelEvent { Kind = FunnelEventKinds.QuestionAnswered, ChannelId = "facebook", ConversationId = "c1", UserId = "psid-1", Properties = new Dictionary<string, string> { ["question"] = "age" }, Timestamp = at, EntrySource = "ADS" });
            unit.RecordFunnelEvent(new FunnelEvent { Kind = FunnelEventKinds.RecommendationsShown, ChannelId = "facebook", ConversationId = "c1", UserId = "psid-1", Timestamp = at });
            unit.RecordFunnelEvent(new FunnelEvent { Kind = FunnelEventKinds.ProductViewed, ChannelId = "webchat", ConversationId = "c2", Properties = new Dictionary<string, string> { ["productId"] = "P-1" }, Timestamp = at });
        });

        var funnel = _backend.CreateFunnelStore();
        var counts = await funnel.CountByKindAsync();
        Assert.Equal([1L, 1L, 1L], new[] { FunnelEventKinds.QuestionAnswered, FunnelEventKinds.RecommendationsShown, FunnelEventKinds.ProductViewed }.Select(k => counts[k]));
        var viewed = Assert.Single(await funnel.ListAsync(FunnelEventKinds.ProductViewed));
        Assert.Equal(("webchat", "c2", (string?)null, "P-1"), (viewed.ChannelId, viewed.ConversationId, viewed.UserId, viewed.Properties["productId"]));
        Assert.Equal("age", Assert.Single(await funnel.ListAsync(FunnelEventKinds.QuestionAnswered)).Properties["question"]);
        Assert.Equal(at.ToUnixTimeMilliseconds(), Assert.Single(await funnel.ListAsync(FunnelEventKinds.RecommendationsShown)).Timestamp.ToUnixTimeMilliseconds());
    }

    [StoreFact]
    public async Task AFailedTurn_LeavesNoneOfItsChanges()
    {
        var raw = _backend.CreateStorage();
        await raw.WriteAsync(new Dictionary<string, object> { ["k"] = new Card { Name = "v1" } });
        var stale = new Card { Name = "stale", ETag = "not-the-current-etag" };

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => CommitUnitAsync(unit =>
        {
            unit.Write("other", new Card { Name = "must not be stored" });
            unit.RecordFunnelEvent(new FunnelEvent { Kind = FunnelEventKinds.AddedToBasket, ChannelId = "c", ConversationId = "1" });
            unit.ScheduleJob("job", "kind", "{}", DateTimeOffset.UtcNow);
            unit.Write("k", stale);
        }));

        Assert.False((await raw.ReadAsync(["other"])).ContainsKey("other"));
        Assert.Empty(await _backend.CreateFunnelStore().CountByKindAsync());
        Assert.Null(await _backend.CreateJobStore().GetAsync("job"));
    }

    [StoreFact]
    public async Task AConflictWithARebase_IsReappliedToTheFreshValue_AndCommitted()
    {
        var raw = _backend.CreateStorage();
        await raw.WriteAsync(new Dictionary<string, object> { ["card"] = new Card { Name = "a" } });

        await using (var scope = UnitOfWork.Begin(_committer))
        {
            var read = ((JObject)(await _storage.ReadAsync(["card"]))["card"]).ToObject<Card>()!;
            read.Name += "+turn";
            // Someone else writes the card meanwhile (an agent, or another instance).
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

    [StoreFact]
    public async Task ConcurrentTurnsOnTwoInstances_EachCommitOnce_AndTheirSharedCounterLosesNoUpdate()
    {
        var instances = new[] { (_committer, _storage), (_backend.CreateCommitter(), new UnitOfWorkStorage(_backend.CreateStorage())) };
        await Task.WhenAll(Enumerable.Range(0, 40).Select(turn => Task.Run(async () =>
        {
            var (committer, storage) = instances[turn % 2];
            while (true)
            {
                try
                {
                    await using var scope = UnitOfWork.Begin(committer);
                    var read = await storage.ReadAsync(["counter"]);
                    var counter = read.TryGetValue("counter", out var value) ? (JObject)value : new JObject { ["n"] = 0, ["eTag"] = "new" };
                    counter["n"] = counter["n"]!.Value<int>() + 1;
                    await storage.WriteAsync(new Dictionary<string, object> { ["counter"] = counter, [$"turn/{turn}"] = new JObject { ["t"] = turn } });
                    await scope.CommitAsync(default);
                    return;
                }
                catch (StorageConcurrencyException)
                {
                    // The other instance's turn won: run the turn again on fresh state.
                }
            }
        })));

        var stored = await _backend.CreateStorage().ReadAsync([.. Enumerable.Range(0, 40).Select(t => $"turn/{t}"), "counter"]);
        Assert.Equal(41, stored.Count);
        Assert.Equal(40, ((JObject)stored["counter"])["n"]!.Value<int>());
    }

    [StoreFact]
    public async Task KeysNamedToReadAhead_ComeWithTheTurnsFirstRead_InOneQuery()
    {
        await _backend.CreateStorage().WriteAsync(new Dictionary<string, object>
        {
            ["conversation/1"] = new Card { Name = "dialog" },
            ["customers/emulator/u1"] = new Card { Name = "Ada" },
        });
        var counted = new CountingTextReads(_backend.CreateStorage());
        var storage = new UnitOfWorkStorage(counted);

        await using var scope = UnitOfWork.Begin(_committer);
        scope.Unit.Write("written/1", new Card { Name = "this turn's" });
        scope.Unit.ReadAhead(["conversation/1", "users/u1", "written/1"]);
        var card = await storage.ReadItemsAsync<Card>(["customers/emulator/u1"], new Newtonsoft.Json.JsonSerializerSettings(), default);
        var conversation = await storage.ReadItemsAsync<Card>(["conversation/1"], new Newtonsoft.Json.JsonSerializerSettings(), default);
        var user = await storage.ReadItemsAsync<Card>(["users/u1"], new Newtonsoft.Json.JsonSerializerSettings(), default);

        // One query: the card asked for, the states named ahead; a key this turn already wrote is not read over.
        var query = Assert.Single(counted.Queries);
        Assert.Equal(["conversation/1", "customers/emulator/u1", "users/u1"], query.Order(StringComparer.Ordinal));
        Assert.Equal("Ada", ((Card)card["customers/emulator/u1"]).Name);
        Assert.Equal("dialog", ((Card)conversation["conversation/1"]).Name);
        Assert.NotNull(((Card)conversation["conversation/1"]).ETag);
        Assert.Empty(user);
        Assert.True(scope.Unit.TryGetRead("written/1", out var written));
        Assert.Equal("this turn's", ((Card)written!).Name);
    }

    private sealed class CountingTextReads(IStorage inner) : IStorage, IStoredTextReader
    {
        public List<string[]> Queries { get; } = [];

        public bool CanReadText => true;

        public Task<IReadOnlyDictionary<string, Sqlite.StoredText>> ReadTextAsync(string[] keys, CancellationToken cancellationToken)
        {
            Queries.Add(keys);
            return ((IStoredTextReader)inner).ReadTextAsync(keys, cancellationToken);
        }

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) => inner.ReadAsync(keys, cancellationToken);

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) => inner.WriteAsync(changes, cancellationToken);

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
    }

    private async Task CommitUnitAsync(Action<UnitOfWork> change)
    {
        await using var scope = UnitOfWork.Begin(_committer);
        change(scope.Unit);
        await scope.CommitAsync(default);
    }
}

public sealed class SqliteUnitOfWorkTests : UnitOfWorkContract
{
    protected override StoreBackend CreateBackend() => new SqliteBackend();
}

[RequiresPostgres]
public sealed class PostgresUnitOfWorkTests : UnitOfWorkContract
{
    protected override StoreBackend CreateBackend() => new PostgresBackend();
}
