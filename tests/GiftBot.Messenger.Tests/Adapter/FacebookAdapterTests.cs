using GiftBot.Messenger.Adapter;
using GiftBot.Messenger.Graph;
using GiftBot.Messenger.Inbound;
using GiftBot.Messenger.Tests.Support;
using GiftBot.Messenger.Users;
using GiftBot.Testing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Tests.Adapter;

public sealed class FacebookAdapterTests : IAsyncLifetime
{
    private RecordingHttpServer _graph = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _graph = await MessengerTestHost.StartGraphAsync();
        var settings = MessengerTestHost.Settings(_graph, "unused.db");
        settings["Facebook:PersonaId"] = "persona-pip";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _services = new ServiceCollection().AddLogging().AddSingleton<IStorage, MemoryStorage>().AddMessenger(configuration).AddCustomerCardsOnEveryAdapter().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _graph.DisposeAsync();
    }

    private FacebookAdapter Adapter => _services.GetRequiredService<FacebookAdapter>();

    private static Activity UserText(string text)
    {
        return FacebookActivityFactory.Create(MetaSamples.Read(MetaSamples.Text("m_1", text)), new Uri("https://graph.facebook.com/v25.0/")).Single();
    }

    [Fact]
    public async Task RepliesWithCarousel_AsGenericTemplate_WithPersonaAndResponseType()
    {
        await Adapter.ProcessActivityAsync(UserText("show me"), async (turn, ct) =>
        {
            var cards = new[] { "Rocket", "Comet" }.Select(name =>
                new HeroCard(name, "€20", images: [new CardImage($"https://shop.example/{name}.jpg")],
                    buttons: [new CardAction(ActionTypes.PostBack, "Add to basket", value: $"ADD_TO_BASKET:{name}")]).ToAttachment()).ToList();
            await turn.SendActivityAsync(MessageFactory.Carousel(cards), ct);
        }, CancellationToken.None);

        var request = Assert.Single(_graph.Requests).Json!;
        Assert.Equal(MetaSamples.Psid, (string?)request["recipient"]!["id"]);
        Assert.Equal("RESPONSE", (string?)request["messaging_type"]);
        Assert.Equal("persona-pip", (string?)request["persona_id"]);
        var elements = request["message"]!["attachment"]!["payload"]!["elements"]!.AsArray();
        Assert.Equal(["Rocket", "Comet"], elements.Select(e => (string?)e!["title"]));
        Assert.Equal("ADD_TO_BASKET:Comet", (string?)elements[1]!["buttons"]![0]!["payload"]);
    }

    [Fact]
    public async Task ProactiveMessage_UsesMessagingTypeUpdate_InsideTheWindow()
    {
        var reference = UserText("hi").GetConversationReference();
        await Adapter.ProcessActivityAsync(UserText("hi"), (_, _) => Task.CompletedTask, CancellationToken.None);

        await Adapter.ContinueConversationAsync(MessengerTestHost.AppId, reference, (turn, ct) => turn.SendActivityAsync("Your order shipped", cancellationToken: ct), CancellationToken.None);

        var request = Assert.Single(_graph.Requests).Json!;
        Assert.Equal("UPDATE", (string?)request["messaging_type"]);
        Assert.Equal(MetaSamples.Psid, (string?)request["recipient"]!["id"]);
    }

    [Fact]
    public async Task PassThreadControlEvent_HandsTheThreadToThePageInbox_AndRecordsIt()
    {
        _graph.On("POST", "/v25.0/me/pass_thread_control").Respond(200, new { success = true });

        await Adapter.ProcessActivityAsync(UserText("a person please"), (turn, ct) =>
            turn.SendActivityAsync(new Activity(ActivityTypes.Event) { Name = "pass_thread_control", Value = "inbox" }, ct), CancellationToken.None);

        var request = Assert.Single(_graph.RequestsTo("/v25.0/me/pass_thread_control")).Json!;
        Assert.Equal(FacebookAdapter.PageInboxAppId, (string?)request["target_app_id"]);
        Assert.Equal(MetaSamples.Psid, (string?)request["recipient"]!["id"]);
        var handover = await _services.GetRequiredService<GiftBot.Customers.Handover.IHandoverState>().GetAsync("facebook", MetaSamples.Psid, CancellationToken.None);
        Assert.Equal((GiftBot.Customers.Context.HandoverStatus.HumanOwns, FacebookAdapter.PageInboxAppId), (handover.Status, handover.OwnerAppId));
    }

    [Fact]
    public async Task SendFailure_SurfacesToTheTurn_AsTypedException()
    {
        _graph.On("POST", MessengerTestHost.MessagesPath).Respond(400, new { error = new { message = "outside window", code = 10, error_subcode = 2018278, fbtrace_id = "X1" } });

        var error = await Assert.ThrowsAsync<GraphApiException>(() =>
            Adapter.ProcessActivityAsync(UserText("late"), (turn, ct) => turn.SendActivityAsync("hello", cancellationToken: ct), CancellationToken.None));

        Assert.Equal(GraphApiErrorKind.OutsideMessagingWindow, error.Kind);
    }

    [Fact]
    public void MapsTheActivityAddressing_PerUserPerPage()
    {
        var activity = UserText("hello");

        Assert.Equal(("facebook", MetaSamples.Psid, MetaSamples.PageId, $"{MetaSamples.Psid}-{MetaSamples.PageId}"),
            (activity.ChannelId, activity.From.Id, activity.Recipient.Id, activity.Conversation.Id));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1458692752478), activity.Timestamp);
        Assert.Equal("m_1", activity.Id);
        Assert.Equal("hello", ((JObject)activity.ChannelData)["message"]!["text"]!.ToString());
    }
}
