using GiftBot.Messenger.Tests.Support;
using GiftBot.Messenger.Users;
using GiftBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Messenger.Tests.Users;

public sealed class AttributionTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private RecordingHttpServer _graph = null!;
    private MessengerTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _graph = await MessengerTestHost.StartGraphAsync();
        _host = await MessengerTestHost.StartAsync(_graph, _database.Path);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _graph.DisposeAsync();
        _database.Dispose();
    }

    private Task<MessengerUserRecord?> RecordAsync(string psid = MetaSamples.Psid) =>
        _host.Services.GetRequiredService<IMessengerUsers>().GetAsync(MetaSamples.PageId, psid);

    [Fact]
    public async Task KeepsFirstAndMostRecentEntrySource_PerUser()
    {
        await _host.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.Postback("GET_STARTED", "Get Started", MetaSamples.ShortLink("space-gifts"), 1_700_000_000_000)));
        await _host.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.Referral(MetaSamples.Ad("6045246247433", "Dino days", productId: "SKU-7"), 1_700_000_100_000)));
        await _graph.WaitForRequestsAsync(3);

        var record = await RecordAsync();

        Assert.NotNull(record);
        Assert.Equal(new EntrySource("SHORTLINK", "space-gifts", null, null, null, null, DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000)), record.FirstEntry);
        Assert.Equal(new EntrySource("ADS", null, "6045246247433", "Dino days", "SKU-7", null, DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_100_000)), record.LatestEntry);
        Assert.Equal(2, record.EntryCount);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_100_000), record.LastSeen);
        Assert.Null(await RecordAsync("someone-else"));
    }

    [Fact]
    public async Task ShareLinkArrival_IsAttributedToTheSharer()
    {
        await _host.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.Postback("GET_STARTED", "Get Started", MetaSamples.ShortLink("share-Xy7_k2"))));
        await _graph.WaitForRequestsAsync(2);

        var record = await RecordAsync();

        Assert.Equal("SHARE", record!.FirstEntry!.Source);
        Assert.Equal("Xy7_k2", record.FirstEntry.SharedBy);
        Assert.Equal("share-Xy7_k2", record.FirstEntry.Ref);
    }

    [Fact]
    public async Task StandbyMarksTheThreadAsOwnedByAnotherApp_AndPassingControlBackClearsIt()
    {
        await _host.PostWebhookAsync(MetaSamples.StandbyEnvelope(MetaSamples.Text("m_human", "talking to a person", 1_000)));
        await _host.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.Read(1_000, 2_000), MetaSamples.Text("m_x", "check", 3_000)));
        await _graph.WaitForRequestsAsync(1);
        var whileHumanOwns = await RecordAsync();

        await _host.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.PassThreadControl(MessengerTestHost.AppId, 4_000)));
        await _graph.WaitForRequestsAsync(2);
        var afterPassBack = await RecordAsync();

        Assert.False(whileHumanOwns!.ThreadOwnedByOtherApp, "a message on the primary channel means the bot owns the thread");
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_000), whileHumanOwns.ReadUpTo);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(3_000), whileHumanOwns.LastSeen);
        Assert.False(afterPassBack!.ThreadOwnedByOtherApp);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(4_000), afterPassBack.ThreadOwnerChangedAt);
    }

    [Fact]
    public async Task StandbyEvent_RecordsThatAnotherAppOwnsTheThread()
    {
        await _host.PostWebhookAsync(MetaSamples.StandbyEnvelope(MetaSamples.Text("m_human", "talking to a person", 1_000)));
        await _host.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.TakeThreadControl("263902037430900", 2_000)));
        await _graph.WaitForRequestsAsync(1);

        var record = await RecordAsync();

        Assert.True(record!.ThreadOwnedByOtherApp);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_000), record.LastSeen);
    }
}
