using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Newtonsoft.Json.Linq;

using GiftBot.Storage.Tests.Contracts;
using GiftBot.Testing.Postgres;

namespace GiftBot.Storage.Tests;

/// <summary>ConversationState and UserState through the store (as <see cref="StoredConversationState"/> and <see cref="StoredUserState"/>), the way the bot uses them, across a "restart".</summary>
public abstract class BotStateRoundTripContract : IAsyncLifetime
{
    private StoreBackend _backend = null!;

    protected abstract StoreBackend CreateBackend();

    public async Task InitializeAsync()
    {
        _backend = CreateBackend();
        await _backend.InitializeAsync();
    }

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    public sealed class GiftFinderProgress
    {
        public string? Recipient { get; set; }
        public int Turns { get; set; }
        public Dictionary<string, decimal> Budget { get; set; } = [];
    }

    public sealed class ShopperProfile
    {
        public string? FirstName { get; set; }
        public DateTimeOffset? FirstSeen { get; set; }
    }

    [StoreFact]
    public async Task ConversationAndUserState_SurviveARestartOfTheStore()
    {
        await CreateFlow(_backend.CreateStorage())
            .Send("for my niece").AssertReply("turn 1: niece / Ana")
            .Send("she loves space").AssertReply("turn 2: niece / Ana")
            .StartTestAsync();

        // A new process: new database object, new storage, new state objects, same file.
        await CreateFlow(_backend.CreateStorage())
            .Send("still there?").AssertReply("turn 3: niece / Ana")
            .StartTestAsync();
    }

    [StoreFact]
    public async Task TwoTurnsSavingTheSameConversation_TheStaleOneFailsInsteadOfOverwriting()
    {
        var storage = _backend.CreateStorage();
        var conversationState = new StoredConversationState(storage);
        var progress = conversationState.CreateTrackedProperty<GiftFinderProgress>(nameof(GiftFinderProgress));
        var adapter = new TestAdapter();
        using var seed = Turn(adapter, "hi");
        await progress.GetAsync(seed, () => new GiftFinderProgress { Recipient = "niece" });
        await conversationState.SaveChangesAsync(seed);

        using var first = Turn(adapter, "for my dad");
        using var second = Turn(adapter, "for my mum");
        (await progress.GetAsync(first)).Recipient = "dad";
        (await progress.GetAsync(second)).Recipient = "mum";
        await conversationState.SaveChangesAsync(first);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => conversationState.SaveChangesAsync(second));
        using var check = Turn(adapter, "?");
        Assert.Equal("dad", (await progress.GetAsync(check)).Recipient);
    }

    [StoreFact]
    public async Task InAUnitOfWork_ATurnThatChangesNoState_WritesNothing_AndAChangeInPlace_IsWritten()
    {
        var storage = new UnitOfWorkStorage(_backend.CreateStorage());
        var committer = _backend.CreateCommitter();
        var conversationState = new StoredConversationState(storage);
        var userState = new StoredUserState(storage);
        var progress = conversationState.CreateTrackedProperty<GiftFinderProgress>(nameof(GiftFinderProgress));
        var adapter = new TestAdapter();

        async Task TurnAsync(Action<GiftFinderProgress> change)
        {
            await using var scope = UnitOfWork.Begin(committer);
            using var turn = Turn(adapter, "hi");
            await userState.LoadAsync(turn);
            change(await progress.GetAsync(turn, () => new GiftFinderProgress()));
            await conversationState.SaveChangesAsync(turn);
            await userState.SaveChangesAsync(turn);
            await scope.CommitAsync(default);
        }

        async Task<JObject?> StoredAsync()
        {
            var key = $"{adapter.Conversation.ChannelId}/conversations/{adapter.Conversation.Conversation.Id}";
            return (await _backend.CreateStorage().ReadAsync([key])).TryGetValue(key, out var value) ? (JObject)value : null;
        }

        await TurnAsync(p => p.Recipient = "niece");
        var first = await StoredAsync();
        Assert.Equal("niece", first![nameof(GiftFinderProgress)]!["Recipient"]!.Value<string>());

        // Read and saved, not changed: the stored item keeps its ETag (nothing was written).
        await TurnAsync(_ => { });
        Assert.Equal(first["eTag"]!.Value<string>(), (await StoredAsync())!["eTag"]!.Value<string>());

        await TurnAsync(p => p.Budget["max"] = 25m);
        var changed = await StoredAsync();
        Assert.NotEqual(first["eTag"]!.Value<string>(), changed!["eTag"]!.Value<string>());
        Assert.Equal(25m, changed[nameof(GiftFinderProgress)]!["Budget"]!["max"]!.Value<decimal>());
    }

    [StoreFact]
    public async Task OutsideAUnitOfWork_AnUnchangedStateIsNotWritten_AndAChangedOneIs()
    {
        var storage = _backend.CreateStorage();
        var conversationState = new StoredConversationState(storage);
        var progress = conversationState.CreateTrackedProperty<GiftFinderProgress>(nameof(GiftFinderProgress));
        var adapter = new TestAdapter();
        var key = $"{adapter.Conversation.ChannelId}/conversations/{adapter.Conversation.Conversation.Id}";
        using (var seed = Turn(adapter, "hi"))
        {
            await progress.GetAsync(seed, () => new GiftFinderProgress { Recipient = "niece" });
            await conversationState.SaveChangesAsync(seed);
        }

        var etag = ((JObject)(await storage.ReadAsync([key]))[key])["eTag"]!.Value<string>();
        using var turn = Turn(adapter, "again");
        await progress.GetAsync(turn);
        await conversationState.SaveChangesAsync(turn);
        Assert.Equal(etag, ((JObject)(await storage.ReadAsync([key]))[key])["eTag"]!.Value<string>());

        (await progress.GetAsync(turn)).Turns = 2;
        await conversationState.SaveChangesAsync(turn);
        var stored = (JObject)(await storage.ReadAsync([key]))[key];
        Assert.NotEqual(etag, stored["eTag"]!.Value<string>());
        Assert.Equal(2, stored[nameof(GiftFinderProgress)]!["Turns"]!.Value<int>());
    }

    [StoreFact]
    public async Task StateWrittenByAnotherVersion_IsReadIntoItsType_UnknownFieldsDropOnceAndUntypedPropertiesKeepTheirShape()
    {
        var storage = new UnitOfWorkStorage(_backend.CreateStorage());
        var committer = _backend.CreateCommitter();
        var adapter = new TestAdapter();
        var key = $"{adapter.Conversation.ChannelId}/conversations/{adapter.Conversation.Conversation.Id}";
        // An older version wrote no Budget; a newer one a field this one does not know. "Notes" belongs to no tracked accessor.
        await _backend.CreateStorage().WriteAsync(new Dictionary<string, object>
        {
            [key] = JObject.Parse("""
                { "GiftFinderProgress": { "Recipient": "2026-12-05T10:00:00Z", "Turns": 3, "FromANewerVersion": [1, 2] },
                  "Notes": { "when": "2026-12-05T10:00:00Z", "price": 19.5 }, "Count": 7 }
                """),
        });
        var conversationState = new StoredConversationState(storage);
        var progress = conversationState.CreateTrackedProperty<GiftFinderProgress>(nameof(GiftFinderProgress));
        var notes = conversationState.CreateProperty<JObject>("Notes");
        var count = conversationState.CreateProperty<long>("Count");

        async Task<(GiftFinderProgress Progress, JObject Notes, long Count)> TurnAsync()
        {
            await using var scope = UnitOfWork.Begin(committer);
            using var turn = Turn(adapter, "hi");
            await conversationState.LoadAsync(turn);
            var read = (await progress.GetAsync(turn), await notes.GetAsync(turn), await count.GetAsync(turn));
            await conversationState.SaveChangesAsync(turn);
            await scope.CommitAsync(default);
            return read;
        }

        async Task<JObject> StoredAsync() => (JObject)(await _backend.CreateStorage().ReadAsync([key]))[key];

        var first = await TurnAsync();
        Assert.Equal("2026-12-05T10:00:00Z", first.Progress.Recipient); // a date-like string stays the string it was
        Assert.Equal(3, first.Progress.Turns);
        Assert.Empty(first.Progress.Budget);
        Assert.Equal("2026-12-05T10:00:00Z", first.Notes["when"]!.Value<string>());
        Assert.Equal(19.5, first.Notes["price"]!.Value<double>());
        Assert.Equal(7, first.Count);

        // Saved in this version's shape (the unknown field is gone, Budget is written), and from then on left alone.
        var rewritten = await StoredAsync();
        Assert.Null(rewritten[nameof(GiftFinderProgress)]!["FromANewerVersion"]);
        Assert.NotNull(rewritten[nameof(GiftFinderProgress)]!["Budget"]);
        Assert.Equal("2026-12-05T10:00:00Z", rewritten["Notes"]!["when"]!.Value<string>());
        var second = await TurnAsync();
        Assert.Equal(3, second.Progress.Turns);
        Assert.Equal(rewritten["eTag"]!.Value<string>(), (await StoredAsync())["eTag"]!.Value<string>());
    }

    [StoreFact]
    public async Task StoredValueOfAnotherShape_FailsWhereItIsRead_AndCorruptTextIsAStorageReadException()
    {
        var storage = _backend.CreateStorage();
        var adapter = new TestAdapter();
        var key = $"{adapter.Conversation.ChannelId}/conversations/{adapter.Conversation.Conversation.Id}";
        await storage.WriteAsync(new Dictionary<string, object>
        {
            [key] = JObject.Parse("""{ "GiftFinderProgress": { "Turns": "many" }, "ConversationData": { "Started": true } }"""),
        });
        var conversationState = new StoredConversationState(storage);
        var progress = conversationState.CreateTrackedProperty<GiftFinderProgress>(nameof(GiftFinderProgress));
        var data = conversationState.CreateProperty<JObject>("ConversationData");

        using (var turn = Turn(adapter, "hi"))
        {
            // The state loads; the property that does not fit its type fails when it is read, the others still read.
            await conversationState.LoadAsync(turn);
            Assert.True((await data.GetAsync(turn))["Started"]!.Value<bool>());
            await Assert.ThrowsAnyAsync<Newtonsoft.Json.JsonException>(() => progress.GetAsync(turn));
        }

        await _backend.ExecuteSqlAsync($"UPDATE state SET value = '{{\"GiftFinderProgress\": {{ broken' WHERE key = '{key}';");
        using var corrupt = Turn(adapter, "again");
        var ex = await Assert.ThrowsAsync<StorageReadException>(() => conversationState.LoadAsync(corrupt, force: true));
        Assert.Equal(key, ex.Key);
    }

    private static TurnContext Turn(TestAdapter adapter, string text)
    {
        var activity = MessageFactory.Text(text);
        activity.ApplyConversationReference(adapter.Conversation, isIncoming: true);
        return new TurnContext(adapter, activity);
    }

    private static TestFlow CreateFlow(IStorage storage)
    {
        var conversationState = new StoredConversationState(storage);
        var userState = new StoredUserState(storage);
        var progressAccessor = conversationState.CreateTrackedProperty<GiftFinderProgress>(nameof(GiftFinderProgress));
        var profileAccessor = userState.CreateTrackedProperty<ShopperProfile>(nameof(ShopperProfile));
        var adapter = new TestAdapter().Use(new AutoSaveStateMiddleware(conversationState, userState));

        return new TestFlow(adapter, async (turnContext, cancellationToken) =>
        {
            var progress = await progressAccessor.GetAsync(turnContext, () => new GiftFinderProgress(), cancellationToken);
            var profile = await profileAccessor.GetAsync(turnContext, () => new ShopperProfile(), cancellationToken);
            progress.Turns++;
            // A second read in the same turn must see (and keep) the change made in place, as a dialog stack would.
            Assert.Same(progress, await progressAccessor.GetAsync(turnContext, () => new GiftFinderProgress(), cancellationToken));
            progress.Recipient ??= turnContext.Activity.Text.Split(' ').Last();
            progress.Budget["max"] = 49.99m;
            profile.FirstName ??= "Ana";
            profile.FirstSeen ??= DateTimeOffset.UtcNow;
            await turnContext.SendActivityAsync($"turn {progress.Turns}: {progress.Recipient} / {profile.FirstName}", cancellationToken: cancellationToken);
        });
    }
}

public sealed class SqliteBotStateRoundTripTests : BotStateRoundTripContract
{
    protected override StoreBackend CreateBackend() => new SqliteBackend();
}

[RequiresPostgres]
public sealed class PostgresBotStateRoundTripTests : BotStateRoundTripContract
{
    protected override StoreBackend CreateBackend() => new PostgresBackend();
}
