using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GiftBot.Catalog;
using GiftBot.Messenger.Webhook;
using GiftBot.Testing;
using GiftBot.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Tests.Messenger;

/// <summary>
/// The whole product over the direct Messenger channel: signed webhooks into the real host, the bot's answers read from
/// the Send API requests a local Graph API stand-in recorded.
/// </summary>
public sealed class MessengerGiftFinderEndToEndTests
{
    private const string AppSecret = "e2e-app-secret";
    private const string PageId = "1000001";
    private const string Psid = "2000002";

    [Fact]
    public async Task OneSentenceOverMessenger_EndsInAGenericTemplateCarousel_WithViewAddAndMoreButtons()
    {
        await using var graph = await StartGraphAsync();
        await using var app = NewApp(graph);
        using var client = app.CreateClient();

        var accepted = await PostSignedAsync(client, MessageEvent("mid.e2e.1", "I need a gift for my 8 year old nephew, he loves space, max 40 euros"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        var carousel = await WaitForSendAsync(graph, body => body["message"]?["attachment"]?["payload"]?["template_type"]?.GetValue<string>() == "generic");
        Assert.Equal("RESPONSE", carousel["messaging_type"]!.GetValue<string>());
        Assert.Equal(Psid, carousel["recipient"]!["id"]!.GetValue<string>());
        var elements = carousel["message"]!["attachment"]!["payload"]!["elements"]!.AsArray();
        Assert.InRange(elements.Count, 3, 5);
        var catalog = app.Services.GetRequiredService<IProductCatalog>();
        foreach (var element in elements)
        {
            Assert.InRange(element!["title"]!.GetValue<string>().Length, 1, 80);
            Assert.True((element["subtitle"]?.GetValue<string>() ?? "").Length <= 80);
            // The demo catalog's pictures come from the bot itself (http://localhost under the test server; https behind a proxy).
            Assert.Matches(@"^(https://|http://localhost/catalog/images/)", element["image_url"]!.GetValue<string>());
            var buttons = element["buttons"]!.AsArray();
            Assert.InRange(buttons.Count, 1, 3);
            Assert.Contains(buttons, b => b!["type"]!.GetValue<string>() == "web_url" && b["url"]!.GetValue<string>().StartsWith("https://"));
            var add = Assert.Single(buttons, b => b!["type"]!.GetValue<string>() == "postback" && b["payload"]!.GetValue<string>().StartsWith("ADD_TO_BASKET:"));
            Assert.Contains(buttons, b => b!["type"]!.GetValue<string>() == "postback" && b["payload"]!.GetValue<string>().StartsWith("MORE_LIKE_THIS:"));

            // The recommendation honours the sentence: in stock, fits an 8-year-old, within the budget.
            var product = await catalog.GetAsync(add!["payload"]!.GetValue<string>()["ADD_TO_BASKET:".Length..]);
            Assert.NotNull(product);
            Assert.True(product.IsInStock && product.MinAge <= 8 && product.MaxAge >= 8 && product.Price <= 40m * 1.6m);
        }

        // Quick replies after the carousel carry the refinement payloads.
        var refinements = await WaitForSendAsync(graph, body => body["message"]?["quick_replies"] is JsonArray replies
            && replies.Any(r => r!["payload"]?.GetValue<string>() == "CHEAPER"));
        Assert.All(refinements["message"]!["quick_replies"]!.AsArray(), r => Assert.InRange(r!["title"]!.GetValue<string>().Length, 1, 20));

        // Tapping "add to basket" (a postback) is answered with the product named.
        var firstProductId = elements[0]!["buttons"]!.AsArray().First(b => b!["payload"]?.GetValue<string>().StartsWith("ADD_TO_BASKET:") == true)!["payload"]!.GetValue<string>();
        var firstTitle = elements[0]!["title"]!.GetValue<string>();
        graph.ClearRequests();
        await PostSignedAsync(client, PostbackEvent(firstProductId, "Add to basket", timestamp: 1_700_000_100_000));
        var added = await WaitForSendAsync(graph, body => body["message"]?["text"]?.GetValue<string>()?.Contains(firstTitle[..Math.Min(20, firstTitle.Length)]) == true);
        Assert.Equal("RESPONSE", added["messaging_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task ATurnThatFailsInOurCode_ApologisesOnce_AndIsParkedAtOnce_NotRetried()
    {
        await using var graph = await StartGraphAsync();
        await using var app = NewApp(graph, services =>
            services.AddSingleton<IProductCatalog>(sp => new FailingCatalog(sp.GetRequiredService<SqliteProductCatalog>())));
        using var client = app.CreateClient();
        var apology = app.Services.GetRequiredService<GiftBot.Content.IBotText>().Get("persona.error");

        await PostSignedAsync(client, MessageEvent("mid.e2e.fail", "I need a gift for my 8 year old nephew, he loves space, max 40 euros"));

        await WaitForSendAsync(graph, body => body["message"]?["text"]?.GetValue<string>() == apology);
        var inbox = app.Services.GetRequiredService<GiftBot.Storage.IDurableInbox>();
        var parked = await WaitForParkedAsync(inbox);
        Assert.Equal(1, parked.Attempts);
        Assert.Contains(FailingCatalog.Failure, parked.LastError);
        await Task.Delay(500); // a retry would have come by now (Inbox:RetryDelay is not involved: nothing is retried)
        Assert.Single(graph.Requests, r => r.Path == "/v25.0/me/messages" && r.Json?["message"]?["text"]?.GetValue<string>() == apology);
    }

    private static async Task<GiftBot.Storage.InboxItem> WaitForParkedAsync(GiftBot.Storage.IDurableInbox inbox)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(15); waited += TimeSpan.FromMilliseconds(50))
        {
            if ((await inbox.ListParkedAsync()).FirstOrDefault() is { } parked) return parked;
            await Task.Delay(50);
        }
        throw new TimeoutException("The failed event was not parked.");
    }

    [Fact]
    public async Task ShortlinkReferralIntoAnExistingThread_StartsThePresetAndSaysSo()
    {
        await using var graph = await StartGraphAsync();
        await using var app = NewApp(graph);
        using var client = app.CreateClient();

        var referral = Envelope(new JsonObject
        {
            ["sender"] = new JsonObject { ["id"] = Psid },
            ["recipient"] = new JsonObject { ["id"] = PageId },
            ["timestamp"] = 1_700_000_000_000,
            ["referral"] = new JsonObject { ["ref"] = "space-gifts", ["source"] = "SHORTLINK", ["type"] = "OPEN_THREAD" },
        });
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(client, referral)).StatusCode);

        // content/entry-points.json: the "space-gifts" preset's own welcome line.
        await WaitForSendAsync(graph, body => body["message"]?["text"]?.GetValue<string>() == "Looking for space gifts? Let's find one.");
    }

    [Fact]
    public async Task GetStartedWithAReferral_InANewThread_StartsThePreset()
    {
        await using var graph = await StartGraphAsync();
        await using var app = NewApp(graph);
        using var client = app.CreateClient();

        await PostSignedAsync(client, Envelope(Event(new JsonObject
        {
            ["postback"] = new JsonObject
            {
                ["title"] = "Get Started", ["payload"] = "GET_STARTED", ["mid"] = "mid.getstarted",
                ["referral"] = new JsonObject { ["ref"] = "dino-gifts", ["source"] = "SHORTLINK", ["type"] = "OPEN_THREAD" },
            },
        })));

        await WaitForSendAsync(graph, body => body["message"]?["text"]?.GetValue<string>() == PresetWelcome("dino-gifts"));
    }

    [Fact]
    public async Task FirstMessageAfterAClickToMessengerAd_WithAKnownRef_StartsThePreset()
    {
        await using var graph = await StartGraphAsync();
        await using var app = NewApp(graph);
        using var client = app.CreateClient();

        await PostSignedAsync(client, Envelope(Event(new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["mid"] = "mid.ad.first", ["text"] = "Hi!",
                ["referral"] = new JsonObject { ["ref"] = "space-gifts", ["source"] = "ADS", ["type"] = "OPEN_THREAD", ["ad_id"] = "6045246247433" },
            },
        })));

        await WaitForSendAsync(graph, body => body["message"]?["text"]?.GetValue<string>() == PresetWelcome("space-gifts"));
    }

    [Fact]
    public async Task UnknownRef_GetsTheNormalWelcome_AndTheFirstQuestion()
    {
        await using var graph = await StartGraphAsync();
        await using var app = NewApp(graph);
        using var client = app.CreateClient();

        await PostSignedAsync(client, Envelope(Event(new JsonObject
        {
            ["referral"] = new JsonObject { ["ref"] = "no-such-preset", ["source"] = "SHORTLINK", ["type"] = "OPEN_THREAD" },
        })));

        var askRecipient = app.Services.GetRequiredService<GiftBot.Content.IBotText>().Get(GiftBot.Conversations.GiftFinder.GiftFinderText.AskRecipient);
        await WaitForSendAsync(graph, body => body["message"]?["text"]?.GetValue<string>() == askRecipient);
        Assert.DoesNotContain(graph.RequestsTo("/v25.0/me/messages"), r => r.Body.Contains("Looking for space gifts"));
    }

    [Fact]
    public async Task AdReferralWithACatalogProductId_RecommendsThatProductFirst()
    {
        await using var graph = await StartGraphAsync();
        await using var app = NewApp(graph);
        using var client = app.CreateClient();
        var advertised = (await app.Services.GetRequiredService<IProductCatalog>().SearchAsync(new ProductQuery { Limit = 1 }))[0];

        await PostSignedAsync(client, Envelope(Event(new JsonObject
        {
            ["referral"] = new JsonObject
            {
                ["source"] = "ADS", ["type"] = "OPEN_THREAD", ["ad_id"] = "6045246247434",
                ["ads_context_data"] = new JsonObject { ["ad_title"] = "Our favourite gift", ["product_id"] = advertised.Id },
            },
        })));

        var carousel = await WaitForSendAsync(graph, body => body["message"]?["attachment"]?["payload"]?["template_type"]?.GetValue<string>() == "generic");
        var first = carousel["message"]!["attachment"]!["payload"]!["elements"]![0]!;
        Assert.Contains(first["buttons"]!.AsArray(), b => b!["payload"]?.GetValue<string>() == "ADD_TO_BASKET:" + advertised.Id);
    }

    private static string PresetWelcome(string reference) =>
        GiftBot.Content.EntryPoints.EntryPointsLoader.Load(Path.Combine(AppContext.BaseDirectory, "content", "entry-points.json"))
            .Presets.Single(p => p.Ref == reference).Welcome!;

    private static JsonObject Event(JsonObject fields)
    {
        var messaging = new JsonObject
        {
            ["sender"] = new JsonObject { ["id"] = Psid },
            ["recipient"] = new JsonObject { ["id"] = PageId },
            ["timestamp"] = 1_700_000_000_000,
        };
        foreach (var (name, value) in fields.ToList())
        {
            fields.Remove(name);
            messaging[name] = value;
        }
        return messaging;
    }

    [Fact]
    public async Task ASharedLinkToAProductPage_GetsThatProductsCard_NotThePicturesAnswer()
    {
        await using var graph = await StartGraphAsync();
        await using var app = NewApp(graph);
        using var client = app.CreateClient();
        var text = app.Services.GetRequiredService<GiftBot.Content.IBotText>();

        // Messenger delivers a link shared from the browser or another app as a "fallback" attachment.
        var share = Envelope(Event(new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["mid"] = "mid.linkshare",
                ["attachments"] = new JsonArray(new JsonObject
                {
                    ["type"] = "fallback",
                    ["title"] = "Sneaky Llamas Card Game",
                    ["url"] = "https://www.littlewonders.example/products/gb-1270?utm_source=ig",
                    ["payload"] = new JsonObject { ["url"] = "https://www.littlewonders.example/products/gb-1270?utm_source=ig" },
                }),
            },
        }));
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(client, share)).StatusCode);

        var card = await WaitForSendAsync(graph, body => body["message"]?["attachment"]?["payload"]?["template_type"]?.GetValue<string>() == "generic");
        Assert.Contains("MORE_LIKE_THIS:GB-1270", card.ToJsonString());
        Assert.DoesNotContain(graph.RequestsTo("/v25.0/me/messages"), r => r.Json?["message"]?["text"]?.GetValue<string>() == text.Get("giftFinder.notText"));
    }

    [Fact]
    public async Task AStickerWithoutWords_IsAnsweredWithWhatWorks_AndOffersTheWayIn()
    {
        await using var graph = await StartGraphAsync();
        await using var app = NewApp(graph);
        using var client = app.CreateClient();
        var notText = app.Services.GetRequiredService<GiftBot.Content.IBotText>().Get("giftFinder.notText");

        var sticker = Envelope(Event(new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["mid"] = "mid.sticker",
                ["sticker_id"] = 126361874215276,
                ["attachments"] = new JsonArray(new JsonObject
                {
                    ["type"] = "image",
                    ["payload"] = new JsonObject { ["url"] = "https://scontent.example/sticker.png", ["sticker_id"] = 126361874215276 },
                }),
            },
        }));
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(client, sticker)).StatusCode);

        var answer = await WaitForSendAsync(graph, body => body["message"]?["text"]?.GetValue<string>() == notText);
        Assert.Contains(answer["message"]!["quick_replies"]!.AsArray(), r => r!["payload"]!.GetValue<string>() == "FIND_GIFT");
    }

    // Before: the unknown payload was read as language and taken for a request for a person ("I've passed your request on").
    [Fact]
    public async Task AQuickReplyThisBotDoesNotHave_SaysTheButtonNoLongerWorks_AndOffersTheMenu_NotAPerson()
    {
        await using var graph = await StartGraphAsync();
        await using var app = NewApp(graph);
        using var client = app.CreateClient();
        var text = app.Services.GetRequiredService<GiftBot.Content.IBotText>();

        var tap = Envelope(Event(new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["mid"] = "mid.oldbutton",
                ["text"] = "Xmas deals",
                ["quick_reply"] = new JsonObject { ["payload"] = "NOT_A_REAL_PAYLOAD_42" },
            },
        }));
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(client, tap)).StatusCode);

        var answer = await WaitForSendAsync(graph, body => body["message"]?["text"]?.GetValue<string>() == text.Get("persona.unknownButton"));
        Assert.Equal(["FIND_GIFT", "VIEW_BASKET", "TALK_TO_HUMAN"], answer["message"]!["quick_replies"]!.AsArray().Select(r => r!["payload"]!.GetValue<string>()));
        string[] handovers = [text.Get("persona.handoverQueued"), text.Get("persona.handover"), text.Get("persona.awayHandover").Split("{{")[0]];
        Assert.DoesNotContain(graph.RequestsTo("/v25.0/me/messages"), r => r.Json?["message"]?["text"]?.GetValue<string>() is { } said
            && handovers.Any(h => said.StartsWith(h, StringComparison.Ordinal)));
    }

    // Messenger's like button, in its three sizes: a "yes", so the shopper is taken into the gift finder, not told that
    // pictures cannot be read.
    [Theory]
    [InlineData(369239263222822)]
    [InlineData(369239343222814)]
    [InlineData(369239383222810)]
    public async Task TheLikeButton_IsAYes_NotAPicture(long stickerId)
    {
        await using var graph = await StartGraphAsync();
        await using var app = NewApp(graph);
        using var client = app.CreateClient();
        var text = app.Services.GetRequiredService<GiftBot.Content.IBotText>();

        var like = Envelope(Event(new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["mid"] = "mid.like",
                ["sticker_id"] = stickerId,
                ["attachments"] = new JsonArray(new JsonObject
                {
                    ["type"] = "image",
                    ["payload"] = new JsonObject { ["url"] = "https://scontent.example/like.png", ["sticker_id"] = stickerId },
                }),
            },
        }));
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(client, like)).StatusCode);

        await WaitForSendAsync(graph, body => body["message"]?["text"]?.GetValue<string>() == text.Get("giftFinder.askRecipient"));
        Assert.DoesNotContain(graph.RequestsTo("/v25.0/me/messages"), r => r.Json?["message"]?["text"]?.GetValue<string>() == text.Get("giftFinder.notText"));
    }

    [Fact]
    public async Task ForgedSignature_IsRefused_AndNothingIsSent()
    {
        await using var graph = await StartGraphAsync();
        await using var app = NewApp(graph);
        using var client = app.CreateClient();

        using var content = new StringContent(MessageEvent("mid.forged", "hello").ToJsonString(), Encoding.UTF8, "application/json");
        content.Headers.Add(WebhookSignature.HeaderName, "sha256=" + new string('0', 64));
        var response = await client.PostAsync("/api/facebook", content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(graph.RequestsTo("/v25.0/me/messages"));
    }

    private static async Task<RecordingHttpServer> StartGraphAsync()
    {
        var graph = await RecordingHttpServer.StartAsync();
        graph.On("POST", "/v25.0/me/messages").Respond(200, new { recipient_id = Psid, message_id = "m_sent" });
        graph.On("GET", "/v25.0/*").Respond(200, new { first_name = "Ann", id = Psid });
        graph.On("POST", "/v25.0/*").Respond(200, new { success = true });
        return graph;
    }

    private static GiftBotApp NewApp(RecordingHttpServer graph, Action<IServiceCollection>? services = null) => new(new Dictionary<string, string?>
    {
        ["Facebook:AppId"] = "3000003",
        ["Facebook:AppSecret"] = AppSecret,
        ["Facebook:PageAccessToken"] = "e2e-page-token",
        ["Facebook:VerifyToken"] = "e2e-verify",
        ["Facebook:PageId"] = PageId,
        ["Facebook:PageName"] = "littlewonders",
        ["Facebook:GraphApiBaseUrl"] = graph.BaseAddress.ToString(),
        ["Facebook:Inbox:PollInterval"] = "00:00:00.050",
        ["Facebook:Send:BaseDelay"] = "00:00:00.001",
    }, services);

    private static async Task<JsonNode> WaitForSendAsync(RecordingHttpServer graph, Func<JsonNode, bool> predicate)
    {
        var requests = await graph.WaitForRequestsAsync(1,
            r => r.Path == "/v25.0/me/messages" && r.Json is { } body && predicate(body), TimeSpan.FromSeconds(30));
        return requests[0].Json!;
    }

    private static Task<HttpResponseMessage> PostSignedAsync(HttpClient client, JsonNode body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");
        content.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Sign(bytes, AppSecret));
        return client.PostAsync("/api/facebook", content);
    }

    private static JsonObject MessageEvent(string mid, string text) => Envelope(new JsonObject
    {
        ["sender"] = new JsonObject { ["id"] = Psid },
        ["recipient"] = new JsonObject { ["id"] = PageId },
        ["timestamp"] = 1_700_000_000_000,
        ["message"] = new JsonObject { ["mid"] = mid, ["text"] = text },
    });

    private static JsonObject PostbackEvent(string payload, string title, long timestamp) => Envelope(new JsonObject
    {
        ["sender"] = new JsonObject { ["id"] = Psid },
        ["recipient"] = new JsonObject { ["id"] = PageId },
        ["timestamp"] = timestamp,
        ["postback"] = new JsonObject { ["title"] = title, ["payload"] = payload, ["mid"] = "mid.postback." + timestamp },
    });

    private static JsonObject Envelope(JsonObject messaging) => new()
    {
        ["object"] = "page",
        ["entry"] = new JsonArray(new JsonObject { ["id"] = PageId, ["time"] = 1_700_000_000_000, ["messaging"] = new JsonArray(messaging) }),
    };
}
