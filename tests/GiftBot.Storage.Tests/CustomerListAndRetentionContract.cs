using GiftBot.Storage.Sqlite;
using GiftBot.Storage.Tests.Contracts;
using GiftBot.Testing.Postgres;

namespace GiftBot.Storage.Tests;

/// <summary>The agents' list and retention, the same on SQLite and PostgreSQL.</summary>
public abstract class CustomerListAndRetentionContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private StoreBackend _backend = null!;

    protected StoreBackend Backend => _backend;

    protected abstract StoreBackend CreateBackend();

    public async Task InitializeAsync()
    {
        _backend = CreateBackend();
        await _backend.InitializeAsync();
    }

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    [StoreFact]
    public async Task TheList_FiltersByStatusTagAgentAndName_AndServesTheWaitingQueueLongestWaitingFirst()
    {
        var committer = _backend.CreateCommitter();
        var changes = new UnitOfWorkChanges();
        changes.CustomerRows.AddRange(
        [
            new("facebook", "1", "Ada", "ada", "WaitingForAgent", Now.AddMinutes(-5), Now.AddMinutes(-5), null, ["vip"], "ADS"),
            new("facebook", "2", "Adam", "adam", "WaitingForAgent", Now.AddMinutes(-30), Now.AddMinutes(-1), "jo", [], null),
            new("facebook", "3", "Bea", "bea", "BotOwns", null, Now, "Jo", ["vip", "order problem"], null),
        ]);
        await committer.CommitAsync(changes, default);
        var list = _backend.CreateCustomerList();

        var waiting = await list.QueryAsync(new CustomerListQuery(Status: "WaitingForAgent", Order: CustomerListOrder.LongestInStatusFirst), default);
        Assert.Equal(["2", "1"], waiting.Rows.Select(r => r.UserId));
        Assert.Equal(2, waiting.Total);
        Assert.Equal(["1", "3"], (await list.QueryAsync(new CustomerListQuery(Tag: "vip"), default)).Rows.Select(r => r.UserId).Order());
        Assert.Equal(["2", "3"], (await list.QueryAsync(new CustomerListQuery(AssignedAgent: "JO"), default)).Rows.Select(r => r.UserId).Order());
        Assert.Equal(["1", "2"], (await list.QueryAsync(new CustomerListQuery(NamePrefix: "ad"), default)).Rows.Select(r => r.UserId).Order());
        var page = await list.QueryAsync(new CustomerListQuery(Offset: 1, Limit: 1), default);
        Assert.Equal((3, "2"), (page.Total, Assert.Single(page.Rows).UserId));
        Assert.Equal(["order problem", "vip"], (await list.QueryAsync(new CustomerListQuery(NamePrefix: "bea"), default)).Rows[0].Tags);
    }

    [StoreFact]
    public async Task RemovingAPerson_TakesTheirRowAndTagsOffTheList_AndLeavesTheOthers()
    {
        var changes = new UnitOfWorkChanges();
        changes.CustomerRows.AddRange(
        [
            new("facebook", "1", "Ada", "ada", "WaitingForAgent", Now.AddMinutes(-5), Now, null, ["vip"], null),
            new("facebook", "2", "Adam", "adam", "WaitingForAgent", Now.AddMinutes(-9), Now, null, ["vip"], null),
        ]);
        await _backend.CreateCommitter().CommitAsync(changes, default);
        var list = _backend.CreateCustomerList();

        Assert.True(await list.RemoveAsync("facebook", "1", default));

        Assert.False(await list.RemoveAsync("facebook", "1", default));
        var waiting = await list.QueryAsync(new CustomerListQuery(Status: "WaitingForAgent"), default);
        Assert.Equal((1, "2"), (waiting.Total, Assert.Single(waiting.Rows).UserId));
        Assert.Equal(["2"], (await list.QueryAsync(new CustomerListQuery(Tag: "vip"), default)).Rows.Select(r => r.UserId));
        Assert.DoesNotContain((await list.QueryAsync(new CustomerListQuery(NamePrefix: "ada"), default)).Rows, r => r.UserId == "1");
    }

    [StoreFact]
    public async Task Retention_RemovesOldDedupKeys_ButKeepsRecentOnesAndThoseOfWaitingItems()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now.AddDays(-10));
        var inbox = _backend.CreateInbox(clock);
        await inbox.EnqueueAsync("p", "old-done", "{}", clock.GetUtcNow());
        await inbox.EnqueueAsync("q", "old-waiting", "{}", clock.GetUtcNow());
        var done = Assert.Single(await inbox.LeaseAsync(1, TimeSpan.FromMinutes(1)));
        Assert.Equal("old-done", done.DedupKey);
        await inbox.CompleteAsync(done.Id);
        clock.SetUtcNow(Now.AddDays(-1));
        await inbox.EnqueueAsync("p", "recent", "{}", clock.GetUtcNow());

        var result = await _backend.CreateRetention().ApplyAsync(Now.AddDays(-7), Now.AddDays(-90), default);

        Assert.Equal(1, result.DedupKeysRemoved);
        Assert.True(await inbox.EnqueueAsync("p", "old-done", "{}", clock.GetUtcNow()), "a key past the window is accepted again");
        Assert.False(await inbox.EnqueueAsync("p", "recent", "{}", clock.GetUtcNow()));
        Assert.False(await inbox.EnqueueAsync("q", "old-waiting", "{}", clock.GetUtcNow()));
    }

    [StoreFact]
    public async Task RollUp_KeepsEveryFigure_AndRemovesTheRawEventsPastTheWindow()
    {
        var events = _backend.CreateFunnelStore();
        var sources = new[] { "ADS", null, "SHORTLINK" };
        for (var day = 0; day < 120; day += 3)
        {
            for (var i = 0; i < 5; i++)
            {
                await events.RecordAsync(new FunnelEvent
                {
                    Kind = i % 2 == 0 ? FunnelEventKinds.ConversationStarted : FunnelEventKinds.AddedToBasket,
                    ChannelId = "facebook", ConversationId = $"c{day}-{i}", EntrySource = sources[i % 3], Timestamp = Now.AddDays(-day).AddHours(-i),
                });
            }
        }

        var since = Now.AddDays(-200);
        var dayAligned = new DateTimeOffset(Now.AddDays(-100).Date, TimeSpan.Zero);
        static string Figures(IReadOnlyDictionary<string, long> counts) => string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"));
        async Task<string> AllFiguresAsync() => string.Join(" | ",
            Figures(await events.CountByKindAsync(since)), Figures(await events.CountByKindAsync(dayAligned)), Figures(await events.CountByKindAsync(Now.AddDays(-30))));
        var before = await AllFiguresAsync();

        var result = await _backend.CreateRetention().ApplyAsync(Now.AddDays(-7), Now.AddDays(-90), default);

        Assert.True(result.FunnelEventsRolledUp > 0);
        Assert.Equal(before, await AllFiguresAsync());
        Assert.DoesNotContain(await events.ListAsync(limit: 10_000), e => e.Timestamp < Now.AddDays(-91));
        // Running again changes nothing.
        await _backend.CreateRetention().ApplyAsync(Now.AddDays(-7), Now.AddDays(-90), default);
        Assert.Equal(before, await AllFiguresAsync());
    }
}

public sealed class SqliteCustomerListAndRetentionTests : CustomerListAndRetentionContract, IDisposable
{
    private readonly TempDatabase _db = new();

    protected override StoreBackend CreateBackend() => new SqliteBackend();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Retention_WorksThroughABacklogInSmallCommits_SoAWriteQueuedMeanwhileDoesNotWaitForAllOfIt()
    {
        await using var database = _db.Open();
        var steps = 100;
        var backlog = steps * SqliteStoreRetention.RowsPerStep;
        // Random keys, as Messenger's message ids are: each deleted row dirties a different page of the key index.
        await database.WriteAsync((connection, transaction, token) => connection.ExecuteAsync(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count) INSERT INTO inbox_dedup (dedup_key, accepted_at) SELECT 'm.' || hex(randomblob(12)), $at FROM n;",
            token, transaction, ("$count", backlog), ("$at", Now.AddDays(-10).ToUnixTimeMilliseconds())));
        var commitsBefore = database.Commits;

        var retention = new SqliteStoreRetention(database).ApplyAsync(Now.AddDays(-7), Now.AddDays(-90), default);
        await WaitUntilAsync(() => database.Commits > commitsBefore || retention.IsCompleted, "retention's first commit");
        // Queued after retention's first commit: it joins the next group commit, not the end of the backlog.
        var leftWhenTheWriteRan = await database.WriteAsync((connection, transaction, token) => connection.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_dedup;", token, transaction));
        var result = await retention;

        Assert.Equal(backlog, result.DedupKeysRemoved);
        Assert.InRange(leftWhenTheWriteRan, 1, backlog - SqliteStoreRetention.RowsPerStep);
        Assert.True(database.Commits - commitsBefore >= steps, $"{backlog} keys should take at least {steps} commits ({database.Commits - commitsBefore})");
        await using var reader = await database.OpenAsync();
        Assert.Equal(0, await reader.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_dedup;", CancellationToken.None));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(1);
        }
    }

    [Fact]
    public async Task ListQueries_UseIndexes()
    {
        await using var database = _db.Open();
        await database.EnsureCreatedAsync();
        await using var connection = await database.OpenAsync();
        foreach (var sql in new[]
        {
            "SELECT * FROM customer_list c WHERE c.status = 'WaitingForAgent' ORDER BY c.status_since LIMIT 25",
            "SELECT * FROM customer_list c WHERE c.assigned_agent = 'jo' ORDER BY c.last_interaction_at DESC LIMIT 25",
            "SELECT * FROM customer_list c WHERE c.name_key >= 'ad' AND c.name_key < 'ad\uffff'",
            "SELECT * FROM customer_list_tags t WHERE t.tag = 'vip'",
        })
        {
            var plan = string.Join(" | ", await PlanAsync(connection, sql));
            Assert.DoesNotContain("SCAN c", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("SCAN t", plan, StringComparison.Ordinal);
        }
    }

    private static async Task<List<string>> PlanAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        await using var command = connection.Command("EXPLAIN QUERY PLAN " + sql);
        await using var reader = await command.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }
}

[RequiresPostgres]
public sealed class PostgresCustomerListAndRetentionTests : CustomerListAndRetentionContract
{
    protected override StoreBackend CreateBackend() => new PostgresBackend();

    [StoreFact]
    public async Task Retention_RemovesLeaseRowsOfPeopleWithNothingInTheInbox_AndTheirNextMessageIsStillServed()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);
        var inbox = Backend.CreateInbox(clock);
        await inbox.EnqueueAsync("served", "s-1", "{}", Now);
        await inbox.EnqueueAsync("waiting", "w-1", "{}", Now);
        await inbox.EnqueueAsync("leased", "l-1", "{}", Now.AddSeconds(1));
        await inbox.EnqueueAsync("parked", "p-1", "{}", Now.AddSeconds(2));
        var leased = (await inbox.LeaseAsync(4, TimeSpan.FromMinutes(5))).ToDictionary(i => i.PartitionKey);
        await inbox.CompleteAsync(leased["served"].Id);
        await inbox.FailAsync(leased["parked"].Id, "broken", maxAttempts: 1, TimeSpan.Zero);
        await inbox.FailAsync(leased["waiting"].Id, "try again", maxAttempts: 5, TimeSpan.Zero);
        Assert.Equal(["leased", "parked", "served", "waiting"], await PartitionsAsync());

        var result = await Backend.CreateRetention().ApplyAsync(Now.AddDays(-7), Now.AddDays(-90), default);

        Assert.Equal(1, result.InboxPartitionsRemoved);
        Assert.Equal(["leased", "parked", "waiting"], await PartitionsAsync());
        Assert.True(await inbox.EnqueueAsync("served", "s-2", "{}", Now.AddSeconds(3)));
        var next = await inbox.LeaseAsync(10, TimeSpan.FromMinutes(5));
        Assert.Equal(["s-2", "w-1"], next.Select(i => i.DedupKey).Order());
        Assert.False(await inbox.EnqueueAsync("served", "s-1", "{}", Now), "the dedup key outlives the lease row");
    }

    [StoreFact]
    public async Task Retention_WhileEnqueuesRun_NeverLeavesAnItemWithoutItsLeaseRow()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);
        var inbox = Backend.CreateInbox(clock);
        var retention = Backend.CreateRetention();
        for (var round = 0; round < 20; round++)
        {
            // Everyone's previous item is served, so their lease rows are prunable just as their next message arrives.
            while (await inbox.LeaseAsync(100, TimeSpan.FromMinutes(5)) is { Count: > 0 } items)
            {
                foreach (var item in items) await inbox.CompleteAsync(item.Id);
            }

            var enqueues = Enumerable.Range(0, 20).Select(person => inbox.EnqueueAsync($"person-{person}", $"r{round}-{person}", "{}", Now.AddSeconds(round)));
            await Task.WhenAll([.. enqueues, retention.ApplyAsync(Now.AddDays(-7), Now.AddDays(-90), default)]);
            Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM inbox i WHERE NOT EXISTS (SELECT 1 FROM inbox_partitions p WHERE p.partition_key = i.partition_key);"));
        }

        Assert.Equal(20, (await inbox.LeaseAsync(100, TimeSpan.FromMinutes(5))).Count);
    }

    private async Task<string[]> PartitionsAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(((PostgresBackend)Backend).ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT partition_key FROM inbox_partitions ORDER BY partition_key;", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync()) keys.Add(reader.GetString(0));
        return [.. keys];
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(((PostgresBackend)Backend).ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
