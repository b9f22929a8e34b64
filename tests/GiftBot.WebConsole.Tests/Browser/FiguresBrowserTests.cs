using System.Text;
using GiftBot.Customers.Context;
using GiftBot.Storage;
using GiftBot.WebConsole.Orders;
using GiftBot.WebConsole.Tests.Support;
using GiftBot.WebConsole.Transcripts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GiftBot.WebConsole.Tests.Browser;

/// <summary>
/// The marketer's view in a real browser: funnel events, orders (through the signed webhook, attributed by the checkout
/// link's token) and ad spend (typed into the page) add up per entry source, with ROAS per ad and per campaign.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FiguresBrowserTests(Browsers browsers)
{
    [BrowserFact]
    public async Task FiguresPage_CountsTheFunnelPerEntrySource_AttributesOrders_AndShowsRoas()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddAgentAsync("mia", "mia-password-77");
        var now = DateTimeOffset.UtcNow;
        await SeedShopperAsync(host, "u1", new EntrySource { Source = "ADS", AdId = "AD-1", AdTitle = "Space gifts", At = now },
            FunnelEventKinds.ConversationStarted, FunnelEventKinds.RecommendationsShown, FunnelEventKinds.RecommendationsShown,
            FunnelEventKinds.ProductViewed, FunnelEventKinds.AddedToBasket, FunnelEventKinds.CheckoutClicked);
        await SeedShopperAsync(host, "u2", new EntrySource { Source = "ADS", AdId = "AD-1", AdTitle = "Space gifts", At = now }, FunnelEventKinds.ConversationStarted);
        await SeedShopperAsync(host, "u3", new EntrySource { Source = "SHORTLINK", Ref = "XMAS", At = now },
            FunnelEventKinds.ConversationStarted, FunnelEventKinds.RecommendationsShown, FunnelEventKinds.HandoverRequested);
        await SeedShopperAsync(host, "u4", null, FunnelEventKinds.ConversationStarted, FunnelEventKinds.NotUnderstood);
        await RecordAsync(host, "u4", inbound: true, "do you sell unicorn onesies", now.AddSeconds(-1));
        await RecordAsync(host, "u3", inbound: false, "Hi, Mia here!", now.AddMinutes(4), agent: "mia");
        await PostOrderAsync(host, "A-1", 120m, await TokenForAsync(host, "u1"));
        await PostOrderAsync(host, "A-2", 30m, await TokenForAsync(host, "u3"));

        var context = await browsers.NewContextAsync(host.Address, 1300, 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/console/figures");
        await page.GetByLabel("Name").FillAsync("mia");
        await page.GetByLabel("Password").FillAsync("mia-password-77");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/console/figures");

        // Ad spend typed in: 40 EUR on AD-1 in the "Winter" campaign.
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Ad id" }).FillAsync("AD-1");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Campaign" }).FillAsync("Winter");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Spend", Exact = true }).FillAsync("40");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save spend" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Saved the spend of ad AD-1");

        var ad = page.Locator("tr[data-source='ad:AD-1'] td");
        await Assertions.Expect(ad).ToHaveTextAsync(["2", "2", "1", "1", "1", "1", "120.00 EUR", "40.00 EUR", "3.00x"]);
        await Assertions.Expect(page.Locator("tr[data-source='ref:XMAS'] td")).ToHaveTextAsync(["1", "1", "0", "0", "0", "1", "30.00 EUR", "–", "–"]);
        await Assertions.Expect(page.Locator("tr[data-source='organic'] td").First).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("tr[data-campaign='Winter'] [data-col='roas']")).ToHaveTextAsync("3.00x");
        await Assertions.Expect(page.Locator("[data-figure='handovers']")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-figure='containment']")).ToHaveTextAsync("75 %");
        await Assertions.Expect(page.Locator("[data-badge]")).ToHaveAttributeAsync("data-badge", "on");
        await Assertions.Expect(page.GetByText("do you sell unicorn onesies")).ToBeVisibleAsync();
        await Browsers.AssertAccessibleAsync(page);
        await Browsers.ScreenshotAsync(page, "figures");

        var csv = await page.APIRequest.GetAsync("/console/figures.csv");
        Assert.Contains("ad:AD-1,Ad Space gifts (AD-1),2,2,1,1,1,1,120.00,40.00,3.00", await csv.TextAsync());
        await context.DisposeAsync();
    }

    private static async Task SeedShopperAsync(ConsoleHost host, string userId, EntrySource? entry, params string[] kinds)
    {
        var customers = host.Services.GetRequiredService<ICustomerContextStore>();
        await customers.UpdateAsync("webchat", userId, c =>
        {
            c.Profile.FirstName = userId;
            if (entry is not null) c.RecordEntry(entry);
            return true;
        }, createIfMissing: true, default);
        var events = host.Services.GetRequiredService<IFunnelEventStore>();
        foreach (var kind in kinds)
            await events.RecordAsync(new FunnelEvent { Kind = kind, ChannelId = "webchat", ConversationId = "conv-" + userId, UserId = userId, Timestamp = DateTimeOffset.UtcNow });
    }

    private static Task RecordAsync(ConsoleHost host, string userId, bool inbound, string text, DateTimeOffset at, string? agent = null)
    {
        var activity = MessageFactory.Text(text);
        activity.Conversation = new ConversationAccount(id: "conv-" + userId);
        if (agent is not null) activity.Properties[TranscriptMiddleware.AgentProperty] = agent;
        return host.Services.GetRequiredService<IConversationTranscript>().AppendAsync("webchat", userId, inbound, TranscriptRoutes.BotFramework, at, activity, default);
    }

    /// <summary>The token the bot's checkout link carries for this shopper's conversation (what ClickTokens issues and stores).</summary>
    private static async Task<string> TokenForAsync(ConsoleHost host, string userId)
    {
        var token = Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await host.Services.GetRequiredService<IStorage>().WriteAsync(new Dictionary<string, object>
        {
            ["clicktokens/" + token] = new GiftBot.Conversations.ClickTracking.ClickOrigin("webchat", "conv-" + userId, userId),
        });
        return token;
    }

    private static async Task PostOrderAsync(ConsoleHost host, string orderId, decimal total, string token)
    {
        var body = $$"""{"orderId":"{{orderId}}","total":{{total.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"currency":"EUR","checkoutToken":"{{token}}"}""";
        using var client = new HttpClient { BaseAddress = host.Address };
        var content = new StringContent(body, Encoding.UTF8, "application/json");
        content.Headers.Add(OrderWebhook.SignatureHeader, OrderWebhook.Sign(Encoding.UTF8.GetBytes(body), ConsoleHost.OrderSecret));
        var response = await client.PostAsync(OrderWebhook.Path, content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
