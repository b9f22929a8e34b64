using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;

using GiftBot.Storage.Tests.Contracts;
using GiftBot.Testing.Postgres;

namespace GiftBot.Storage.Tests;

/// <summary>ConversationState and UserState through the store (behind <see cref="BotStateStorage"/>), the way the bot uses them, across a "restart".</summary>
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
        var conversationState = new ConversationState(new BotStateStorage(storage));
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

    private static TurnContext Turn(TestAdapter adapter, string text)
    {
        var activity = MessageFactory.Text(text);
        activity.ApplyConversationReference(adapter.Conversation, isIncoming: true);
        return new TurnContext(adapter, activity);
    }

    private static TestFlow CreateFlow(IStorage storage)
    {
        var conversationState = new ConversationState(new BotStateStorage(storage));
        var userState = new UserState(new BotStateStorage(storage));
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
