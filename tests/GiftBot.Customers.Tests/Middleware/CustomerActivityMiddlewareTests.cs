using GiftBot.Storage;
using GiftBot.Customers.Context;
using GiftBot.Customers.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using static GiftBot.Customers.Tests.Support.Conversations;

namespace GiftBot.Customers.Tests.Middleware;

public class CustomerActivityMiddlewareTests
{
    private static readonly Attachment[] ThreeProducts =
        [.. Enumerable.Range(1, 3).Select(i => new HeroCard($"Product {i}").ToAttachment())];

    [Fact]
    public async Task RecordsTheMessageAndTheBotsReplies_InOrder()
    {
        using var services = new CustomerServices();
        var adapter = Adapter(services);

        await adapter.ProcessActivityAsync(Message("a gift for my nephew"), async (turn, ct) =>
        {
            await turn.SendActivityAsync("How old is he?", cancellationToken: ct);
            await turn.SendActivityAsync(MessageFactory.Carousel(ThreeProducts), ct);
        }, default);

        var card = await services.Store.GetAsync(Channel, User, default);
        Assert.Equal(
            [(MessageDirection.Inbound, "a gift for my nephew"), (MessageDirection.Outbound, "How old is he?"), (MessageDirection.Outbound, "[carousel: 3 products]")],
            card!.RecentMessages.Select(m => (m.Direction, m.Text)));
        Assert.Equal(CustomerServices.Start, card.LastInteractionAt);
        Assert.Equal(CustomerServices.Start, card.LastUserMessageAt);
        Assert.Equal(CustomerServices.Start, card.LastSeenAt);
    }

    [Fact]
    public async Task CountsAPostbackPayloadMessage_AsAQualifyingInteraction()
    {
        using var services = new CustomerServices();
        var postback = JObject.Parse("""{"sender":{"id":"psid-1"},"postback":{"title":"Add to basket","payload":"ADD_TO_BASKET:GB-1047"}}""");

        await Adapter(services).ProcessActivityAsync(Message("ADD_TO_BASKET:GB-1047", postback), (_, _) => Task.CompletedTask, default);

        var card = await services.Store.GetAsync(Channel, User, default);
        Assert.Equal(CustomerServices.Start, card!.LastInteractionAt);
        Assert.Equal("ADD_TO_BASKET:GB-1047", Assert.Single(card.RecentMessages).Text);
    }

    [Theory]
    [InlineData(ActivityTypes.Typing)]
    [InlineData(ActivityTypes.ConversationUpdate)]
    public async Task RecordsNothing_ForTypingOrConversationUpdate(string type)
    {
        using var services = new CustomerServices();

        await Adapter(services).ProcessActivityAsync(new Activity(type), (_, _) => Task.CompletedTask, default);

        Assert.Null(await services.Store.GetAsync(Channel, User, default));
    }

    [Fact]
    public async Task IgnoresMessengerEchoes_OfThePagesOwnMessages()
    {
        using var services = new CustomerServices();
        var echo = JObject.Parse("""{"message":{"is_echo":true,"app_id":263902037430900,"text":"Hi, Sam from the shop here"}}""");

        await Adapter(services).ProcessActivityAsync(Message("Hi, Sam from the shop here", echo), (_, _) => Task.CompletedTask, default);

        Assert.Null(await services.Store.GetAsync(Channel, User, default));
    }

    [Fact]
    public async Task RecordsAReferral_AsInteractionAndEntrySource_ButNotAsAMessage()
    {
        using var services = new CustomerServices();
        var referral = JObject.Parse("""{"source":"ADS","type":"OPEN_THREAD","ad_id":6045246247433,"ads_context_data":{"ad_title":"Spring gifts"}}""");

        await Adapter(services).ProcessActivityAsync(Event("referral", referral), (_, _) => Task.CompletedTask, default);

        var card = await services.Store.GetAsync(Channel, User, default);
        Assert.Equal(CustomerServices.Start, card!.LastInteractionAt);
        Assert.Null(card.LastUserMessageAt);
        Assert.Empty(card.RecentMessages);
        Assert.Equal(("ADS", "6045246247433", "Spring gifts"), (card.FirstEntry!.Source, card.FirstEntry.AdId, card.FirstEntry.AdTitle));
    }

    [Fact]
    public async Task RecordsAReaction_AsAQualifyingInteraction()
    {
        using var services = new CustomerServices();
        var reaction = new Activity(ActivityTypes.MessageReaction) { ReactionsAdded = [new MessageReaction("love")] };

        await Adapter(services).ProcessActivityAsync(reaction, (_, _) => Task.CompletedTask, default);

        var card = await services.Store.GetAsync(Channel, User, default);
        Assert.Equal(CustomerServices.Start, card!.LastInteractionAt);
        Assert.Equal("[reaction: love]", Assert.Single(card.RecentMessages).Text);
    }

    [Fact]
    public async Task KeepsTheLastNMessages_AndCutsLongTexts()
    {
        using var services = new CustomerServices(settings: new Dictionary<string, string?>
        {
            ["Customers:RecentMessageLimit"] = "3",
            ["Customers:MessageTextLimit"] = "20",
        });
        var adapter = Adapter(services);

        foreach (var text in new[] { "one", "two", "three", "a very long message about a wooden train set" })
        {
            await adapter.ProcessActivityAsync(Message(text), (_, _) => Task.CompletedTask, default);
        }

        var card = await services.Store.GetAsync(Channel, User, default);
        Assert.Equal(["two", "three", "a very long message…"], card!.RecentMessages.Select(m => m.Text));
    }

    [Fact]
    public async Task UsesTheActivitysOwnTime_WhenItWasProcessedLate()
    {
        using var services = new CustomerServices();
        var message = Message("still there?");
        message.Timestamp = CustomerServices.Start.AddHours(-2);

        await Adapter(services).ProcessActivityAsync(message, (_, _) => Task.CompletedTask, default);

        Assert.Equal(CustomerServices.Start.AddHours(-2), (await services.Store.GetAsync(Channel, User, default))!.LastInteractionAt);
    }

    [Fact]
    public async Task RecordsABotInitiatedMessage_WithoutOpeningTheWindow()
    {
        using var services = new CustomerServices();
        var adapter = Adapter(services);
        await adapter.ProcessActivityAsync(Message("hi"), (_, _) => Task.CompletedTask, default);
        services.Clock.Advance(TimeSpan.FromHours(3));

        await adapter.ContinueConversationAsync("page-1", Reference(), (turn, ct) => turn.SendActivityAsync("Still looking for that gift?", cancellationToken: ct), default);

        var card = await services.Store.GetAsync(Channel, User, default);
        Assert.Equal(CustomerServices.Start, card!.LastInteractionAt);
        Assert.Equal((MessageDirection.Outbound, "Still looking for that gift?", CustomerServices.Start.AddHours(3)), (card.RecentMessages[^1].Direction, card.RecentMessages[^1].Text, card.RecentMessages[^1].At));
    }

    [Fact]
    public async Task KeepsTheTurnGoing_WhenTheStoreFails_AndLogsNoMessageText()
    {
        using var services = new CustomerServices(new FailingStorage());
        var replies = new List<string?>();

        await Adapter(services).ProcessActivityAsync(Message("my card number is 4111"), async (turn, ct) =>
        {
            await turn.SendActivityAsync("Sorry, I can't take payments here.", cancellationToken: ct);
            replies.Add("sent");
        }, default);

        Assert.Equal(["sent"], replies);
        var warnings = services.Logs.Lines.Where(l => l.Level == Microsoft.Extensions.Logging.LogLevel.Warning).ToList();
        Assert.Equal(2, warnings.Count);
        // The same short hash on each line, so one person's failures can be followed, and never the id itself.
        Assert.All(warnings, w => Assert.Equal(LoggedIds.Person(User), w.Values["Person"]));
        Assert.DoesNotContain(services.Logs.Lines, l => l.AllText.Contains(User, StringComparison.Ordinal));
        Assert.DoesNotContain(services.Logs.Lines, l => l.AllText.Contains("4111") || l.AllText.Contains("payments"));
    }

    private sealed class FailingStorage : IStorage
    {
        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
            throw new IOException("disk unavailable");

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) =>
            throw new IOException("disk unavailable");

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
