using GiftBot.Conversations.ReturningShoppers;
using GiftBot.Conversations.Text;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Tests.Infrastructure;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Time.Testing;

namespace GiftBot.Conversations.Tests.Main;

[Collection(ConversationCollection.Name)]
public sealed class ReturningShopperTests(ConversationFixture fixture)
{
    private async Task<IStorage> AfterSearchingForMyNephewAsync(TimeProvider? clock = null)
    {
        var bot = new BotHarness(fixture, clock: clock);
        var replies = await bot.Chat().SendAsync("I need something for my 8 year old nephew, he loves space, max 40 euros");
        Assert.True(replies.HasCarousel());
        return bot.Storage;
    }

    [Fact]
    public async Task OffersAnotherGiftForTheSameRecipient_AfterARestart()
    {
        var storage = await AfterSearchingForMyNephewAsync();

        var restarted = new BotHarness(fixture, storage: storage);
        var chat = restarted.Chat(conversationId: "convo-next-week");
        var replies = await chat.JoinAsync();

        Assert.Equal(restarted.Text(CommonText.WelcomeBack), replies[0].Text);
        Assert.Equal(restarted.Text(ReturningShopperText.Offer, "recipient", "your nephew"), replies.Last().Text);
        Assert.Equal(["GIFT_FOR:nephew", Payloads.FindGift], replies.Last().QuickReplyValues());

        // Yes: only the budget is asked, the rest comes from the saved profile.
        replies = await chat.SendAsync("yes");
        Assert.Equal(restarted.Text(GiftFinderText.AskBudget), replies.Last().Text);
        replies = await chat.SendAsync("under 30");
        Assert.Contains(replies.Carousel().HeroCards(), c => c.Text.StartsWith(restarted.Text(RecommendText.ReasonInterest, "interest", "space"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task SomeoneElsesRelation_IsNotRememberedAsTheShoppersOwn()
    {
        var storage = await AfterSearchingForMyNephewAsync();
        var bot = new BotHarness(fixture, storage: storage);
        Assert.True((await bot.Chat(conversationId: "convo-friend").SendAsync("my friend's nephew is 4 and loves trucks, under 20")).HasCarousel());

        var restarted = new BotHarness(fixture, storage: storage);
        var replies = await restarted.Chat(conversationId: "convo-later").JoinAsync();

        // Still the shopper's own 8-year-old nephew who loves space, not the friend's 4-year-old.
        Assert.Equal(restarted.Text(ReturningShopperText.Offer, "recipient", "your nephew"), replies.Last().Text);
        replies = await restarted.Chat(conversationId: "convo-later").SendAsync("yes");
        replies = await restarted.Chat(conversationId: "convo-later").SendAsync("under 30");
        Assert.Contains(replies.Carousel().HeroCards(), c => c.Text.StartsWith(restarted.Text(RecommendText.ReasonInterest, "interest", "space"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartsFresh_WhenTheShopperDeclinesTheOffer()
    {
        var storage = await AfterSearchingForMyNephewAsync();
        var restarted = new BotHarness(fixture, storage: storage);
        var chat = restarted.Chat(conversationId: "convo-2");
        await chat.JoinAsync();
        var replies = await chat.SendAsync("FIND_GIFT");
        Assert.Equal(restarted.Text(GiftFinderText.AskRecipient), replies.Last().Text);
    }

    [Fact]
    public async Task RoutesOtherAnswersToTheOffer_AsANewRequest()
    {
        var storage = await AfterSearchingForMyNephewAsync();
        var restarted = new BotHarness(fixture, storage: storage);
        var chat = restarted.Chat(conversationId: "convo-3");
        await chat.JoinAsync();
        var replies = await chat.SendAsync("something for my niece who loves dinosaurs");
        Assert.Equal(restarted.Text(GiftFinderText.AskAge, "recipient", "your niece"), replies.Last().Text);
    }

    [Fact]
    public async Task AGiftForPayloadNamingNobodySaved_AsksWhoItIsFor_WithoutRepeatingIt()
    {
        // Web Chat lets anyone type a payload: its argument must not become words the bot says back ("How old is your ...?").
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.JoinAsync();

        var replies = await chat.SendAsync("GIFT_FOR:[prize](https://evil.example)");

        Assert.Equal(bot.Text(GiftFinderText.AskRecipient), replies.Last().Text);
        Assert.DoesNotContain(replies, r => r.Text?.Contains("evil", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task RemembersTheRecipientOneYearOlder_AYearLater()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 11, 1, 10, 0, 0, TimeSpan.Zero));
        var storage = await AfterSearchingForMyNephewAsync(clock);
        clock.Advance(TimeSpan.FromDays(366));

        var restarted = new BotHarness(fixture, storage: storage, clock: clock);
        var chat = restarted.Chat(conversationId: "convo-next-year");
        await chat.JoinAsync();
        await chat.SendAsync("GIFT_FOR:nephew");
        var replies = await chat.SendAsync("no limit");
        foreach (var card in replies.Carousel().HeroCards())
        {
            var product = (await restarted.Catalog.GetAsync(card.ProductId()))!;
            Assert.True(product.MinAge <= 9 && product.MaxAge >= 9, $"{product.Id} does not fit a 9-year-old");
        }
    }
}
