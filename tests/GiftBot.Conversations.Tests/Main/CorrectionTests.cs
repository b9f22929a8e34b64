using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.Main;

[Collection(ConversationCollection.Name)]
public sealed class CorrectionTests(ConversationFixture fixture)
{
    [Fact]
    public async Task UpdatesTheAgeMidFlow_AndAsksTheOpenQuestionAgain()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync("my 7 year old niece loves animals");

        var replies = await chat.SendAsync("actually she's 10");
        Assert.Equal([bot.Text(GiftFinderText.Corrected), bot.Text(GiftFinderText.AskBudget)], replies.Texts());

        replies = await chat.SendAsync("no limit");
        foreach (var card in replies.Carousel().HeroCards())
        {
            var product = (await bot.Catalog.GetAsync(card.ProductId()))!;
            Assert.True(product.MinAge <= 10 && product.MaxAge >= 10, $"{product.Id} does not fit a 10-year-old");
        }
    }

    [Fact]
    public async Task ReRecommends_WhenTheAgeIsCorrectedAfterTheCarousel()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        var first = (await chat.SendAsync("my 7 year old niece loves animals, under 40 euros")).Carousel().HeroCards();

        var replies = await chat.SendAsync("actually she's 10");

        Assert.Equal(bot.Text(GiftFinderText.Corrected), replies[0].Text);
        var cards = replies.Carousel().HeroCards();
        Assert.DoesNotContain(cards, c => first.Any(f => f.ProductId() == c.ProductId()));
        foreach (var card in cards)
        {
            var product = (await bot.Catalog.GetAsync(card.ProductId()))!;
            Assert.True(product.MinAge <= 10 && product.MaxAge >= 10);
        }
    }

    [Fact]
    public async Task StartsANewSearch_WhenTheShopperAsksForSomeoneElse()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync("my 7 year old niece loves animals, under 40 euros");
        var replies = await chat.SendAsync("I need something for my partner");
        // A partner is an adult: the age would change nothing, so the next question is what they love.
        Assert.Equal(bot.Text(GiftFinderText.AskInterests, "recipient", "your partner"), replies.Last().Text);
    }

    [Fact]
    public async Task AsksTheNewRecipientsAge_WhenTheShopperSwitchesPersonMidFlow()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync("my 7 year old niece loves animals");

        var replies = await chat.SendAsync("actually it's for my dad");

        // Her age and interests don't apply to him: he is an adult, and the finder asks what he loves instead of keeping hers.
        Assert.Equal([bot.Text(GiftFinderText.Corrected), bot.Text(GiftFinderText.AskInterests, "recipient", "your dad")], replies.Texts());
    }

    [Fact]
    public async Task SomethingNewSaidAtAnotherQuestion_IsNoted_NotCalledAnUpdate_AndTheQuestionAskedAgain()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync("my nephew");

        var replies = await chat.SendAsync("do you have any dinosaur puzzles?");

        Assert.Equal([bot.Text(GiftFinderText.Noted), bot.Text(GiftFinderText.AskAge, "recipient", "your nephew")], replies.Texts());
        replies = await chat.SendAsync("8");
        // Dinosaurs were kept: the interest question is skipped.
        Assert.Equal(bot.Text(GiftFinderText.AskBudget), replies.Last().Text);
    }
}
