
using GiftBot.Storage.Tests.Contracts;
using GiftBot.Testing.Postgres;

namespace GiftBot.Storage.Tests;

public abstract class FunnelEventStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private StoreBackend _backend = null!;
    private IFunnelEventStore _store = null!;

    protected abstract StoreBackend CreateBackend();

    public async Task InitializeAsync()
    {
        _backend = CreateBackend();
        await _backend.InitializeAsync();
        _store = _backend.CreateFunnelStore();
    }

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    private static FunnelEvent Event(string kind, DateTimeOffset at, string conversation = "c1", IReadOnlyDictionary<string, string>? properties = null) => new()
    {
        Kind = kind,
        ChannelId = "facebook",
        ConversationId = conversation,
        UserId = "psid-1",
        Properties = properties ?? new Dictionary<string, string>(),
        Timestamp = at,
    };

    [StoreFact]
    public async Task CountByKind_CountsEachKind_AndOnlySinceTheGivenTime()
    {
        await _store.RecordAsync(Event(FunnelEventKinds.ConversationStarted, Monday.AddDays(-1)));
        await _store.RecordAsync(Event(FunnelEventKinds.ConversationStarted, Monday));
        await _store.RecordAsync(Event(FunnelEventKinds.ConversationStarted, Monday.AddHours(1), "c2"));
        await _store.RecordAsync(Event(FunnelEventKinds.RecommendationsShown, Monday.AddHours(2)));
        await _store.RecordAsync(Event(FunnelEventKinds.CheckoutClicked, Monday.AddHours(3)));

        var all = await _store.CountByKindAsync();
        var sinceMonday = await _store.CountByKindAsync(Monday);

        Assert.Equal(3, all[FunnelEventKinds.ConversationStarted]);
        Assert.Equal(2, sinceMonday[FunnelEventKinds.ConversationStarted]);
        Assert.Equal(1, sinceMonday[FunnelEventKinds.RecommendationsShown]);
        Assert.Equal(1, sinceMonday[FunnelEventKinds.CheckoutClicked]);
        Assert.False(sinceMonday.ContainsKey(FunnelEventKinds.AddedToBasket));
    }

    [StoreFact]
    public async Task List_ReturnsNewestFirst_FilteredByKind_WithPropertiesAndLimit()
    {
        await _store.RecordAsync(Event(FunnelEventKinds.AddedToBasket, Monday, properties: new Dictionary<string, string> { ["productId"] = "10280" }));
        await _store.RecordAsync(Event(FunnelEventKinds.QuestionAnswered, Monday.AddMinutes(1)));
        await _store.RecordAsync(Event(FunnelEventKinds.AddedToBasket, Monday.AddMinutes(2), properties: new Dictionary<string, string> { ["productId"] = "42115" }));

        var baskets = await _store.ListAsync(FunnelEventKinds.AddedToBasket);
        var newest = await _store.ListAsync(limit: 1);

        Assert.Equal(["42115", "10280"], baskets.Select(e => e.Properties["productId"]));
        Assert.Equal(Monday.AddMinutes(2), baskets[0].Timestamp);
        Assert.Equal("psid-1", baskets[0].UserId);
        Assert.Equal(FunnelEventKinds.AddedToBasket, Assert.Single(newest).Kind);
    }

    [StoreFact]
    public async Task Events_SurviveARestart()
    {
        await _store.RecordAsync(Event(FunnelEventKinds.FaqAnswered, Monday, properties: new Dictionary<string, string> { ["faqId"] = "shipping" }));

        var restarted = _backend.CreateFunnelStore();

        Assert.Equal("shipping", Assert.Single(await restarted.ListAsync()).Properties["faqId"]);
    }

    [StoreFact]
    public async Task ForgetUser_KeepsTheEventsCounted_ButNoLongerNamesThePerson()
    {
        await _store.RecordAsync(new FunnelEvent { Kind = FunnelEventKinds.AddedToBasket, ChannelId = "facebook", ConversationId = "c-1", UserId = "psid-1" });
        await _store.RecordAsync(new FunnelEvent { Kind = FunnelEventKinds.AddedToBasket, ChannelId = "facebook", ConversationId = "c-2", UserId = "psid-2" });

        Assert.Equal(1, await _store.ForgetUserAsync("facebook", "psid-1"));

        Assert.Equal(2, (await _store.CountByKindAsync())[FunnelEventKinds.AddedToBasket]);
        var events = await _store.ListAsync();
        Assert.DoesNotContain(events, e => e.UserId == "psid-1" || e.ConversationId == "c-1");
        Assert.Contains(events, e => e.UserId == "psid-2");
    }
}

public sealed class SqliteFunnelEventStoreTests : FunnelEventStoreContract
{
    protected override StoreBackend CreateBackend() => new SqliteBackend();
}

[RequiresPostgres]
public sealed class PostgresFunnelEventStoreTests : FunnelEventStoreContract
{
    protected override StoreBackend CreateBackend() => new PostgresBackend();
}
