using GiftBot.Storage.Postgres;
using GiftBot.Storage.Sqlite;
using GiftBot.Testing.Postgres;
using GiftBot.WebConsole.Agents;
using GiftBot.WebConsole.Orders;
using GiftBot.WebConsole.Privacy;
using GiftBot.WebConsole.Storage;
using GiftBot.WebConsole.Transcripts;
using Microsoft.Bot.Schema;
using Microsoft.Data.Sqlite;

namespace GiftBot.WebConsole.Tests;

/// <summary>
/// The console's five stores, written once and run on SQLite (always) and PostgreSQL (when GIFTBOT_TEST_POSTGRES is set):
/// both providers must keep the same promises, since the host picks one by Storage:Provider.
/// </summary>
public abstract class ConsoleStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    protected IAgentAccountStore Agents { get; set; } = null!;
    protected IConversationTranscript Transcript { get; set; } = null!;
    protected IOrderStore Orders { get; set; } = null!;
    protected IAdSpendStore Spend { get; set; } = null!;
    protected IDeletionRequestStore Deletions { get; set; } = null!;

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    [StoreFact]
    public async Task AgentAdd_IsIdempotentByName_IgnoringCase()
    {
        Assert.True(await Agents.AddAsync(new AgentAccount("Maria", "Maria Lopez", "hash-1", 0, null, Now), None));
        Assert.False(await Agents.AddAsync(new AgentAccount("MARIA", "Someone Else", "hash-2", 0, null, Now), None));

        var found = await Agents.FindAsync("maria", None);
        Assert.Equal(("Maria", "Maria Lopez", "hash-1", Now), (found?.Name, found?.DisplayName, found?.PasswordHash, found?.CreatedAt));
        Assert.Equal(["Maria"], (await Agents.ListAsync(None)).Select(a => a.Name));
        Assert.Null(await Agents.FindAsync("mario", None));
    }

    [StoreFact]
    public async Task AgentFailures_LockAtTheLimit_ThenCountAfresh_AndResetOrNewPasswordClears()
    {
        await Agents.AddAsync(new AgentAccount("sam", "Sam", "hash", 0, null, Now), None);
        var until = Now.AddMinutes(15);

        await Agents.RecordFailureAsync("SAM", 3, until, None);
        await Agents.RecordFailureAsync("sam", 3, until, None);
        var twice = await Agents.FindAsync("sam", None);
        Assert.Equal((2, (DateTimeOffset?)null), (twice!.FailedSignIns, twice.LockedUntil));

        await Agents.RecordFailureAsync("sam", 3, until, None);
        var locked = await Agents.FindAsync("sam", None);
        Assert.Equal((0, (DateTimeOffset?)until), (locked!.FailedSignIns, locked.LockedUntil));

        await Agents.RecordFailureAsync("sam", 3, until, None);
        await Agents.ResetFailuresAsync("Sam", None);
        var reset = await Agents.FindAsync("sam", None);
        Assert.Equal((0, (DateTimeOffset?)null), (reset!.FailedSignIns, reset.LockedUntil));

        await Agents.RecordFailureAsync("sam", 3, until, None);
        Assert.True(await Agents.SetPasswordHashAsync("SAM", "new-hash", None));
        var changed = await Agents.FindAsync("sam", None);
        Assert.Equal(("new-hash", 0), (changed!.PasswordHash, changed.FailedSignIns));
        Assert.False(await Agents.SetPasswordHashAsync("nobody", "x", None));
    }

    [StoreFact]
    public async Task Transcript_ReadsTheLatestEntriesPerPerson_OldestFirst_AndDeletesOnePersonOnly()
    {
        for (var i = 1; i <= 5; i++)
        {
            await Transcript.AppendAsync("facebook", "psid-1", i % 2 == 1, TranscriptRoutes.MessengerDirect, Now.AddSeconds(i), Message($"ann {i}"), None);
            await Transcript.AppendAsync("facebook", "psid-2", true, TranscriptRoutes.MessengerDirect, Now.AddSeconds(i), Message($"bob {i}"), None);
        }
        await Transcript.AppendAsync("webchat", "psid-1", true, TranscriptRoutes.BotFramework, Now, Message("other channel"), None);

        var latest = await Transcript.ReadAsync("facebook", "psid-1", 3, None);
        Assert.Equal(["ann 3", "ann 4", "ann 5"], latest.Select(e => e.Activity.Text));
        Assert.Equal([true, false, true], latest.Select(e => e.Inbound));
        Assert.Equal(Now.AddSeconds(5), latest[^1].At);
        Assert.Equal("ann 5", (await Transcript.LatestInboundAsync("facebook", "psid-1", None))?.Activity.Text);
        Assert.Equal(11, (await Transcript.ReadRangeAsync(Now, Now.AddMinutes(1), None)).Count);

        Assert.Equal(5, await Transcript.DeleteAsync("facebook", "psid-1", None));
        Assert.Empty(await Transcript.ReadAsync("facebook", "psid-1", 10, None));
        Assert.Null(await Transcript.LatestInboundAsync("facebook", "psid-1", None));
        Assert.Equal(5, (await Transcript.ReadAsync("facebook", "psid-2", 10, None)).Count);
        Assert.Single(await Transcript.ReadAsync("webchat", "psid-1", 10, None));
    }

    [StoreFact]
    public async Task Orders_CountOncePerId_AndForgettingAPersonKeepsTheSale()
    {
        var order = new Order("A-1001", 49.90m, "EUR", Now, "tok-1", "facebook", "psid-1", "ad:123", "organic");
        Assert.True(await Orders.TryAddAsync(order, Now, None));
        Assert.False(await Orders.TryAddAsync(order with { Total = 1m }, Now.AddMinutes(1), None));
        Assert.True(await Orders.TryAddAsync(new Order("A-1002", 10m, "EUR", Now.AddHours(1), null, "facebook", "psid-2", "organic", "organic"), Now, None));

        Assert.Equal([order], await Orders.ListForPersonAsync("facebook", "psid-1", None));
        Assert.Equal(["A-1001", "A-1002"], (await Orders.ListAsync(Now, Now.AddDays(1), None)).Select(o => o.OrderId));
        Assert.Equal(1, await Orders.ForgetPersonAsync("facebook", "psid-1", None));

        Assert.Empty(await Orders.ListForPersonAsync("facebook", "psid-1", None));
        var kept = (await Orders.ListAsync(Now, Now.AddDays(1), None)).Single(o => o.OrderId == "A-1001");
        Assert.Equal((49.90m, (string?)null, (string?)null, (string?)null, "ad:123"), (kept.Total, kept.Token, kept.ChannelId, kept.UserId, kept.FirstTouch));
    }

    [StoreFact]
    public async Task AdSpend_UpsertReplacesTheDaysAmount_KeepingAKnownCampaign()
    {
        var day = new DateOnly(2026, 12, 1);
        await Spend.UpsertAsync([new AdSpend("ad-1", day, "Winter", 12.50m), new AdSpend("ad-2", day.AddDays(1), null, 3m)], None);
        await Spend.UpsertAsync([new AdSpend("ad-1", day, null, 20.25m)], None);

        Assert.Equal([new AdSpend("ad-1", day, "Winter", 20.25m), new AdSpend("ad-2", day.AddDays(1), null, 3m)], await Spend.ListAsync(day, day.AddDays(1), None));
        Assert.Empty(await Spend.ListAsync(day.AddDays(2), day.AddDays(9), None));
    }

    [StoreFact]
    public async Task DeletionRequests_AreFoundByCode()
    {
        await Deletions.AddAsync(new DeletionRequest("code-1", "psid-1", Now, Now.AddSeconds(2)), None);

        Assert.Equal(new DeletionRequest("code-1", "psid-1", Now, Now.AddSeconds(2)), await Deletions.FindAsync("code-1", None));
        Assert.Null(await Deletions.FindAsync("code-2", None));
    }

    private static Activity Message(string text) => new(ActivityTypes.Message) { Text = text };
}

public sealed class SqliteConsoleStoreContract : ConsoleStoreContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "giftbot-console-tests", Guid.NewGuid().ToString("N"));

    public override Task InitializeAsync()
    {
        var sqlite = new ConsoleSqlite(new SqliteDatabase(Path.Combine(_folder, "giftbot.db")));
        Agents = new SqliteAgentAccountStore(sqlite);
        Transcript = new SqliteConversationTranscript(sqlite);
        Orders = new SqliteOrderStore(sqlite);
        Spend = new SqliteAdSpendStore(sqlite);
        Deletions = new SqliteDeletionRequestStore(sqlite);
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}

[RequiresPostgres]
public sealed class PostgresConsoleStoreContract : ConsoleStoreContract
{
    private PostgresTestSchema _schema = null!;
    private PostgresDatabase _database = null!;

    public override async Task InitializeAsync()
    {
        _schema = await PostgresTestServer.CreateSchemaAsync();
        _database = new PostgresDatabase(_schema.ConnectionString);
        Agents = new PostgresAgentAccountStore(_database);
        Transcript = new PostgresConversationTranscript(_database);
        Orders = new PostgresOrderStore(_database);
        Spend = new PostgresAdSpendStore(_database);
        Deletions = new PostgresDeletionRequestStore(_database);
    }

    public override async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        await _schema.DisposeAsync();
    }
}
