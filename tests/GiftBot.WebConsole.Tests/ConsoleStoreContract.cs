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

    /// <summary>Writes a transcript row as versions before issue #13 did: the whole activity as JSON text.</summary>
    protected abstract Task InsertWholeActivityRowAsync(string channelId, string userId, bool inbound, DateTimeOffset at, string activityJson);

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

    [StoreFact]
    public async Task Transcript_ShowsTheSameThread_AndRepliesWhereTheShopperWrote_FromTheCompactRows()
    {
        var (inbound, carousel, agentReply) = (Inbound(), Carousel(), AgentReply());
        await Transcript.AppendAllAsync([
            new("emulator", "shopper-1", true, TranscriptRoutes.BotFramework, Now, inbound),
            new("emulator", "shopper-1", false, TranscriptRoutes.BotFramework, Now.AddSeconds(1), carousel),
            new("emulator", "shopper-1", false, TranscriptRoutes.BotFramework, Now.AddSeconds(2), agentReply)], None);

        var stored = await Transcript.ReadAsync("emulator", "shopper-1", 10, None);
        var original = new[] { (inbound, true), (carousel, false), (agentReply, false) }
            .Select((m, i) => new TranscriptEntry(stored[i].Id, "emulator", "shopper-1", m.Item2, TranscriptRoutes.BotFramework, Now.AddSeconds(i), m.Item1)).ToList();
        Assert.Equal(Inbox.MessageView.Thread(original), Inbox.MessageView.Thread(stored));
        Assert.All(stored, e => Assert.Equal("conv-1", e.Activity.Conversation?.Id));
        Assert.Equal("Dee", (string?)stored[2].Activity.Properties[TranscriptMiddleware.AgentProperty]);

        var reference = (await Transcript.LatestInboundAsync("emulator", "shopper-1", None))!.Activity.GetConversationReference();
        var expected = inbound.GetConversationReference();
        Assert.Equal((expected.ServiceUrl, expected.ChannelId, expected.Conversation.Id, expected.User.Id, expected.Bot.Id, expected.ActivityId, expected.Locale),
            (reference.ServiceUrl, reference.ChannelId, reference.Conversation.Id, reference.User.Id, reference.Bot.Id, reference.ActivityId, reference.Locale));
    }

    [StoreFact]
    public async Task Transcript_ReadsRowsStoredWhole_ByEarlierVersions()
    {
        var settings = new Newtonsoft.Json.JsonSerializerSettings { NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore };
        var (inbound, carousel) = (Inbound(), Carousel());
        await InsertWholeActivityRowAsync("emulator", "shopper-1", true, Now, Newtonsoft.Json.JsonConvert.SerializeObject(inbound, settings));
        await InsertWholeActivityRowAsync("emulator", "shopper-1", false, Now.AddSeconds(1), Newtonsoft.Json.JsonConvert.SerializeObject(carousel, settings));
        await Transcript.AppendAsync("emulator", "shopper-1", true, TranscriptRoutes.BotFramework, Now.AddSeconds(2), Message("thanks"), None);

        var stored = await Transcript.ReadAsync("emulator", "shopper-1", 10, None);
        Assert.Equal(["a present for my nephew", null, "thanks"], stored.Select(e => e.Activity.Text));
        var html = Inbox.MessageView.Thread(stored);
        Assert.Contains("Space Encyclopedia", html, StringComparison.Ordinal);
        Assert.Contains("Add to basket", html, StringComparison.Ordinal);
        Assert.Equal("https://connector.example/", stored[1].Activity.ServiceUrl);
        Assert.Equal("conv-1", stored[0].Activity.Conversation.Id);
        Assert.Equal("thanks", (await Transcript.LatestInboundAsync("emulator", "shopper-1", None))?.Activity.Text);
    }

    // A reply sent through a kept connector client is stored as the JSON it was sent as (envelope and all), beside rows in the
    // compact form written before (and still for inbound messages and Messenger replies): the inbox shows both alike.
    [StoreFact]
    public async Task Transcript_ShowsRepliesStoredAsSent_AlikeWithCompactRows()
    {
        var (inbound, compact, asSent) = (Inbound(), Carousel(), Carousel());
        var sentJson = System.Text.Encoding.UTF8.GetBytes(Newtonsoft.Json.JsonConvert.SerializeObject(asSent,
            new Microsoft.Bot.Connector.ConnectorClient(new Uri("https://connector.example/")).SerializationSettings));
        await Transcript.AppendAllAsync([
            new("emulator", "shopper-1", true, TranscriptRoutes.BotFramework, Now, inbound),
            new("emulator", "shopper-1", false, TranscriptRoutes.BotFramework, Now.AddSeconds(1), compact),
            new("emulator", "shopper-1", false, TranscriptRoutes.BotFramework, Now.AddSeconds(1), asSent, sentJson)], None);

        var stored = await Transcript.ReadAsync("emulator", "shopper-1", 10, None);
        Assert.Equal(Inbox.MessageView.Thread([stored[1]]), Inbox.MessageView.Thread([stored[2]]));
        Assert.Contains("Space Encyclopedia", Inbox.MessageView.Thread([stored[2]]), StringComparison.Ordinal);
        Assert.Equal((null, "https://connector.example/"), (stored[1].Activity.ServiceUrl, stored[2].Activity.ServiceUrl));
        Assert.Equal("conv-1", stored[2].Activity.Conversation?.Id);
    }

    private static Activity Message(string text) => new(ActivityTypes.Message) { Text = text };

    private static Activity Inbound() => new(ActivityTypes.Message)
    {
        Id = "in-1", Text = "a present for my nephew", ChannelId = "emulator", ServiceUrl = "https://connector.example/", Locale = "en-US",
        From = new ChannelAccount("shopper-1", "Shopper", "user"), Recipient = new ChannelAccount("bot-1", "GiftBot", "bot"),
        Conversation = new ConversationAccount(id: "conv-1"), Timestamp = Now,
    };

    private static Activity Carousel() => new(ActivityTypes.Message)
    {
        Id = "reply-1", ReplyToId = "in-1", ChannelId = "emulator", ServiceUrl = "https://connector.example/", Locale = "en-US", InputHint = InputHints.AcceptingInput,
        From = new ChannelAccount("bot-1", "GiftBot", "bot"), Recipient = new ChannelAccount("shopper-1", "Shopper", "user"),
        Conversation = new ConversationAccount(id: "conv-1"), AttachmentLayout = AttachmentLayoutTypes.Carousel, Entities = [],
        Attachments = [new HeroCard("Space Encyclopedia", "€19.95", "Loves space.", [new CardImage("https://shop.example/space.png", "Space Encyclopedia")],
            [new CardAction(ActionTypes.PostBack, "Add to basket", value: "ADD_TO_BASKET:GB-1049")]).ToAttachment()],
        SuggestedActions = new SuggestedActions(actions: [new CardAction(ActionTypes.PostBack, "Cheaper", text: "CHEAPER", value: "CHEAPER")]),
    };

    private static Activity AgentReply()
    {
        var reply = new Activity(ActivityTypes.Message)
        {
            Text = "Hi, Dee here: that one ships tomorrow.", ChannelId = "emulator", ServiceUrl = "https://connector.example/",
            From = new ChannelAccount("bot-1", "Dee"), Recipient = new ChannelAccount("shopper-1"), Conversation = new ConversationAccount(id: "conv-1"),
        };
        reply.Properties[TranscriptMiddleware.AgentProperty] = "Dee";
        return reply;
    }
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

    protected override async Task InsertWholeActivityRowAsync(string channelId, string userId, bool inbound, DateTimeOffset at, string activityJson)
    {
        await Transcript.ReadAsync(channelId, userId, 1, CancellationToken.None); // creates the console's tables
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "giftbot.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO console_transcript (channel_id, user_id, direction, route, at, activity) VALUES ($c, $u, $d, 'bot-framework', $at, $a);";
        command.Parameters.AddWithValue("$c", channelId);
        command.Parameters.AddWithValue("$u", userId);
        command.Parameters.AddWithValue("$d", inbound ? "in" : "out");
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$a", activityJson);
        await command.ExecuteNonQueryAsync();
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

    protected override async Task InsertWholeActivityRowAsync(string channelId, string userId, bool inbound, DateTimeOffset at, string activityJson)
    {
        await using var connection = await _database.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "INSERT INTO console_transcript (channel_id, user_id, direction, route, at, activity) VALUES (@c, @u, @d, 'bot-framework', @at, @a);", connection);
        command.Parameters.AddWithValue("c", channelId);
        command.Parameters.AddWithValue("u", userId);
        command.Parameters.AddWithValue("d", inbound ? "in" : "out");
        command.Parameters.AddWithValue("at", at.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("a", activityJson);
        await command.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        await _schema.DisposeAsync();
    }
}
