using GiftBot.Messenger.AzureBotService;
using GiftBot.Messenger.Tests.Support;
using GiftBot.Messenger.Users;
using GiftBot.Testing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Tests.AzureBotService;

/// <summary>
/// Azure Bot Service's Facebook channel: a real CloudAdapter (authentication disabled, as with the Emulator) whose
/// Bot Connector is a recording stand-in, with <see cref="FacebookChannelDataMiddleware"/> registered first.
/// </summary>
public sealed class AzureFacebookChannelTests : IAsyncLifetime
{
    private RecordingHttpServer _connector = null!;
    private ServiceProvider _services = null!;
    private TestCloudAdapter _adapter = null!;
    private readonly ReceivedActivities _received = new();

    public async Task InitializeAsync()
    {
        _connector = await RecordingHttpServer.StartAsync();
        _connector.On("POST", "/v3/conversations/*").Respond(200, new { id = "reply-1" });
        var configuration = new ConfigurationBuilder().Build();
        _services = new ServiceCollection().AddLogging().AddSingleton<IStorage, MemoryStorage>().AddMessenger(configuration).AddCustomerCardsOnEveryAdapter().BuildServiceProvider();
        _adapter = new TestCloudAdapter();
        _adapter.Use(_services.GetRequiredService<FacebookChannelDataMiddleware>());
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private Activity FromAzure(string type, string? text, string messagingItem) => new(type)
    {
        Id = "abs-activity-1",
        ChannelId = "facebook",
        ServiceUrl = _connector.BaseAddress.ToString(),
        From = new ChannelAccount(MetaSamples.Psid),
        Recipient = new ChannelAccount(MetaSamples.PageId),
        Conversation = new ConversationAccount(id: $"{MetaSamples.Psid}-{MetaSamples.PageId}"),
        Text = text,
        ChannelData = JObject.Parse(messagingItem),
    };

    private IReadOnlyList<JsonNodeView> Replies() =>
        _connector.Requests.Select(r => new JsonNodeView((string?)r.Json?["text"], r.Json?["channelData"]?.ToJsonString(), r.Json?["attachments"]?.AsArray().Count ?? 0)).ToList();

    private Task RunAsync(Activity activity, IBot? bot = null) => _adapter.RunAsync(activity, bot ?? new EchoBot(_received));

    [Fact]
    public async Task QuickReplyTap_ReachesTheDialogsAsItsPayload()
    {
        await RunAsync(FromAzure(ActivityTypes.Message, "Cheaper please", MetaSamples.QuickReply("m_qr", "Cheaper please", "CHEAPER")));

        Assert.Equal("CHEAPER", Assert.Single(_received.All).Text);
        Assert.Equal("text:CHEAPER", Assert.Single(Replies()).Text);
    }

    [Fact]
    public async Task ChannelDataOfTheWrongShape_IsNotReadAndTheActivityAzureMadeReachesTheDialogsAsIs()
    {
        var hostile = MetaSamples.QuickReply("m_qr", "Cheaper please", "CHEAPER").Replace("{\"payload\":\"CHEAPER\"}", "[\"CHEAPER\"]");

        await RunAsync(FromAzure(ActivityTypes.Message, "Cheaper please", hostile));

        Assert.Equal("Cheaper please", Assert.Single(_received.All).Text);
        Assert.Equal("text:Cheaper please", Assert.Single(Replies()).Text);
    }

    [Fact]
    public async Task PostbackWithReferral_IsAReferralTurnThenThePostbackTurn_AndIsAttributed()
    {
        await RunAsync(FromAzure(ActivityTypes.Message, "Get Started", MetaSamples.Postback("GET_STARTED", "Get Started", MetaSamples.ShortLink("space-gifts"))));

        Assert.Equal([(ActivityTypes.Event, "referral", null), (ActivityTypes.Message, null, "GET_STARTED")],
            _received.All.Select(a => (a.Type, a.Name, a.Text)).ToList());
        Assert.Equal(["event:referral:space-gifts", "text:GET_STARTED"], Replies().Select(r => r.Text));
        var card = await _services.GetRequiredService<GiftBot.Customers.Context.ICustomerContextStore>().GetAsync("facebook", MetaSamples.Psid, CancellationToken.None);
        Assert.Equal("space-gifts", card!.FirstEntry!.Ref);
    }

    [Fact]
    public async Task ExistingThreadReferral_BecomesAReferralEvent_WhateverActivityTypeAzureUsed()
    {
        await RunAsync(FromAzure(ActivityTypes.Message, null, MetaSamples.Referral(MetaSamples.Ad("6045", "Space week", reference: "space-gifts"))));

        var activity = Assert.Single(_received.All);
        Assert.Equal((ActivityTypes.Event, "referral"), (activity.Type, activity.Name));
        Assert.Equal("6045", ((JObject)activity.Value).Value<string>("ad_id"));
    }

    [Fact]
    public async Task EchoFromAzure_MakesNoTurn()
    {
        await RunAsync(FromAzure(ActivityTypes.Message, "echoed", MetaSamples.Echo("m_echo")));

        Assert.Empty(_received.All);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task RepliesWithCardsAndQuickReplies_GoOutAsMessengerTemplateInChannelData_AndLongTextIsSplit()
    {
        var bot = new DelegateBot(async (turn, ct) =>
        {
            await turn.SendActivityAsync(MessageFactory.Text(string.Join(' ', Enumerable.Repeat("gift", 500))), ct);
            var carousel = MessageFactory.Carousel([new HeroCard("Rocket", "€20", images: [new CardImage("https://shop.example/r.jpg")],
                buttons: [new CardAction(ActionTypes.OpenUrl, "View", value: "https://shop.example/r")]).ToAttachment()]);
            carousel.SuggestedActions = new SuggestedActions { Actions = [new CardAction(ActionTypes.ImBack, "Show me cheaper gifts", value: "CHEAPER")] };
            await turn.SendActivityAsync(carousel, ct);
        });

        await RunAsync(FromAzure(ActivityTypes.Message, "show me", MetaSamples.Text("m_1", "show me")), bot);

        var replies = Replies();
        Assert.Equal(3, replies.Count);
        Assert.All(replies.Take(2), r => Assert.True(r.Text!.Length < 2000));
        var channelData = JObject.Parse(replies[2].ChannelData!);
        Assert.Equal("generic", channelData["attachment"]!["payload"]!.Value<string>("template_type"));
        Assert.Equal("web_url", channelData["attachment"]!["payload"]!["elements"]![0]!["buttons"]![0]!.Value<string>("type"));
        Assert.Equal("Show me cheaper…", channelData["quick_replies"]![0]!.Value<string>("title"));
        Assert.Equal("CHEAPER", channelData["quick_replies"]![0]!.Value<string>("payload"));
        Assert.Equal(0, replies[2].AttachmentCount);
    }

    [Fact]
    public async Task OtherChannels_PassThroughUnchanged()
    {
        var activity = FromAzure(ActivityTypes.Message, "Cheaper please", MetaSamples.QuickReply("m_qr", "Cheaper please", "CHEAPER"));
        activity.ChannelId = "emulator";

        await RunAsync(activity);

        Assert.Equal("Cheaper please", Assert.Single(_received.All).Text);
    }

    private sealed record JsonNodeView(string? Text, string? ChannelData, int AttachmentCount);

    private sealed class DelegateBot(BotCallbackHandler handler) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) => handler(turnContext, cancellationToken);
    }

    /// <summary>CloudAdapter's base with authentication disabled; exposes the protected entry point the ASP.NET adapter calls.</summary>
    private sealed class TestCloudAdapter() : CloudAdapterBase(BotFrameworkAuthenticationFactory.Create())
    {
        public Task<InvokeResponse> RunAsync(Activity activity, IBot bot) => ProcessActivityAsync(string.Empty, activity, bot.OnTurnAsync, CancellationToken.None);
    }
}
