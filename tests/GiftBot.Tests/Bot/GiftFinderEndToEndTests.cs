using GiftBot.Conversations.ReturningShoppers;
using GiftBot.Catalog;
using GiftBot.Content;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Main;
using GiftBot.Testing.BotFramework;
using GiftBot.Tests.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace GiftBot.Tests.Bot;

/// <summary>The whole product through the real host: Emulator-style activities in, the replies the bot POSTs to the connector out.</summary>
public sealed class GiftFinderEndToEndTests
{
    // These run over the real SQLite store on purpose: with MemoryStorage (TypeNameHandling.All) state changed in place is
    // kept by accident, which once hid answers being lost between turns (state properties are now tracked).
    [Fact]
    public async Task WelcomesAsksFourQuestionsAndRecommendsACarousel_ThroughApiMessages()
    {
        await using var connector = await BotConnectorStandIn.StartAsync();
        await using var app = new GiftBotApp();
        var text = app.Services.GetRequiredService<IBotText>();
        var chat = new EmulatorChat(app.CreateClient(), connector, "conv-e2e");

        await ReachTheCarouselAsync(chat, text, app.Services.GetRequiredService<IProductCatalog>());
    }

    [Fact]
    public async Task RecommendsACarousel_ThroughApiMessages_WithInMemoryState()
    {
        await using var connector = await BotConnectorStandIn.StartAsync();
        await using var app = new GiftBotApp(configureServices: services =>
        {
            var memory = new MemoryStorage();
            services.AddSingleton<IStorage>(memory);
            services.AddSingleton(new ConversationState(memory));
            services.AddSingleton(new UserState(memory));
        });
        var chat = new EmulatorChat(app.CreateClient(), connector, "conv-memory");

        await ReachTheCarouselAsync(chat, app.Services.GetRequiredService<IBotText>(), app.Services.GetRequiredService<IProductCatalog>());
    }

    [Fact]
    public async Task RemembersTheRecipient_AfterTheHostRestarts()
    {
        await using var connector = await BotConnectorStandIn.StartAsync();
        // Both hosts are given the folder, so neither deletes it when disposed; the test removes it at the end.
        var dataDirectory = Path.Combine(Path.GetTempPath(), "giftbot-tests", Guid.NewGuid().ToString("N"));
        await using (var first = new GiftBotApp(dataDirectory: dataDirectory))
        {
            var chat = new EmulatorChat(first.CreateClient(), connector, "conv-before", "returning-shopper");
            await ReachTheCarouselAsync(chat, first.Services.GetRequiredService<IBotText>(), first.Services.GetRequiredService<IProductCatalog>());
        }

        await using var restarted = new GiftBotApp(dataDirectory: dataDirectory);
        var again = new EmulatorChat(restarted.CreateClient(), connector, "conv-after", "returning-shopper");
        var welcome = await again.JoinAsync();

        var offer = restarted.Services.GetRequiredService<IBotText>().Get(ReturningShopperText.Offer, "en-US", new Dictionary<string, string?> { ["recipient"] = "your nephew" });
        Assert.Equal(offer, welcome[^1].Text);
        Directory.Delete(dataDirectory, recursive: true);
    }

    private static async Task ReachTheCarouselAsync(EmulatorChat chat, IBotText text, IProductCatalog catalog)
    {
        var welcome = await chat.JoinAsync();
        Assert.Equal(text.Get(GiftFinderText.AskRecipient), welcome[^1].Text);
        Assert.Contains(welcome[^1].SuggestedActions.Actions, a => (a.Value as string) == "nephew");

        Assert.Equal(Ask(text, GiftFinderText.AskAge), (await chat.SendAsync("my nephew"))[^1].Text);
        var interestsQuestion = (await chat.SendAsync("8"))[^1];
        Assert.Equal(Ask(text, GiftFinderText.AskInterests), interestsQuestion.Text);
        Assert.Contains(interestsQuestion.SuggestedActions.Actions, a => a.Title == "Space");
        Assert.Equal(text.Get(GiftFinderText.AskBudget), (await chat.SendAsync("space"))[^1].Text);

        var recommendations = await chat.SendAsync("under 50");
        var carousel = Assert.Single(recommendations, m => m.AttachmentLayout == AttachmentLayoutTypes.Carousel);
        Assert.InRange(carousel.Attachments.Count, 3, 5);
        foreach (var attachment in carousel.Attachments)
        {
            Assert.Equal(HeroCard.ContentType, attachment.ContentType);
            var card = ((JObject)attachment.Content).ToObject<HeroCard>()!;
            var productId = card.Buttons.Select(b => b.Value as string).Single(v => v?.StartsWith("ADD_TO_BASKET:", StringComparison.Ordinal) == true)!["ADD_TO_BASKET:".Length..];
            var product = await catalog.GetAsync(productId);
            Assert.NotNull(product);
            Assert.True(product.Price <= 50 && product.MinAge <= 8 && product.MaxAge >= 8 && product.IsInStock, $"{product.Id} does not fit an 8-year-old under 50");
            Assert.Equal(product.Title, card.Title);
        }
        Assert.Contains("START_OVER", recommendations[^1].SuggestedActions.Actions.Select(a => a.Value as string));
    }

    private static string Ask(IBotText text, string key) =>
        text.Get(key, "en-US", new Dictionary<string, string?> { ["recipient"] = "your nephew" });
}
