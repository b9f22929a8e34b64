using GiftBot.Customers.Context;
using GiftBot.Messenger.Tests.Support;
using GiftBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Messenger.Tests.Users;

/// <summary>What Messenger events write to the one customer card (GiftBot.Customers): entries, last seen, thread owner.</summary>
public sealed class AttributionTests : MessengerHostTest
{
    private async Task<CustomerContext?> CardAsync(string psid = MetaSamples.Psid)
    {
        await Host.WaitUntilHandledAsync();
        return await Host.Services.GetRequiredService<ICustomerContextStore>().GetAsync("facebook", psid, CancellationToken.None);
    }

    [Fact]
    public async Task KeepsFirstAndMostRecentEntrySource_PerUser()
    {
        await Host.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.Postback("GET_STARTED", "Get Started", MetaSamples.ShortLink("space-gifts"), 1_700_000_000_000)));
        await Host.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.Referral(MetaSamples.Ad("6045246247433", "Dino days", productId: "SKU-7"), 1_700_000_100_000)));
        await Graph.WaitForRequestsAsync(3);

        var card = await CardAsync();

        Assert.NotNull(card);
        Assert.Equal(("SHORTLINK", "space-gifts", (string?)null), (card.FirstEntry!.Source, card.FirstEntry.Ref, card.FirstEntry.AdId));
        Assert.Equal(("ADS", "6045246247433", "Dino days"), (card.LatestEntry!.Source, card.LatestEntry.AdId, card.LatestEntry.AdTitle));
        Assert.NotNull(card.LastInteractionAt);
        Assert.Null(await CardAsync("someone-else"));
    }

    [Fact]
    public async Task ShareLinkArrival_IsAttributedToTheSharer()
    {
        await Host.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.Postback("GET_STARTED", "Get Started", MetaSamples.ShortLink("share-Xy7_k2"))));
        await Graph.WaitForRequestsAsync(2);

        var card = await CardAsync();

        Assert.Equal("SHARE", card!.FirstEntry!.Source);
        Assert.Equal("share-Xy7_k2", card.FirstEntry.Ref);
    }

    [Fact]
    public async Task StandbyMessage_MarksHumanOwns_RecordsTheMessage_AndPassingControlBackGivesTheBotTheThread()
    {
        await Host.PostWebhookAsync(MetaSamples.StandbyEnvelope(MetaSamples.Text("m_human", "talking to a person", 1_000)));
        await Host.PostWebhookAsync(MetaSamples.StandbyEnvelope(MetaSamples.Read(1_000, 2_000)));
        await WaitForAsync(async () => (await CardAsync())?.LastSeenAt == DateTimeOffset.FromUnixTimeMilliseconds(2_000));
        var whileHumanOwns = await CardAsync();
        var sentWhileHumanOwns = Graph.RequestsTo(MessengerTestHost.MessagesPath).Count;

        await Host.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.PassThreadControl(MessengerTestHost.AppId, 4_000)));
        await Graph.WaitForRequestsAsync(1);
        var afterPassBack = await CardAsync();

        Assert.Equal(HandoverStatus.HumanOwns, whileHumanOwns!.Handover.Status);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_000), whileHumanOwns.LastUserMessageAt);
        Assert.Equal(0, sentWhileHumanOwns);
        Assert.Equal(HandoverStatus.BotOwns, afterPassBack!.Handover.Status);
        Assert.Equal(MessengerTestHost.AppId, afterPassBack.Handover.OwnerAppId);
    }

    [Fact]
    public async Task TakeThreadControlByThePageInbox_MakesHumansOwnTheThread()
    {
        await Host.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.Text("m_1", "hello", 1_000)));
        await Graph.WaitForRequestsAsync(1);
        await Host.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.TakeThreadControl("263902037430900", 2_000)));
        await WaitForAsync(async () => (await CardAsync())?.Handover.Status == HandoverStatus.HumanOwns);

        var card = await CardAsync();

        Assert.Equal("263902037430900", card!.Handover.OwnerAppId);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200 && !await condition(); i++) await Task.Delay(25);
        Assert.True(await condition(), "the inbox worker did not get there in time");
    }
}
