using GiftBot.Catalog;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Tests.Infrastructure;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.Tests.GiftFinder;

[Collection(ConversationCollection.Name)]
public sealed class HappyPathTests(ConversationFixture fixture)
{
    [Fact]
    public async Task AsksRecipientAgeInterestsBudget_ThenShowsCarouselOfThreeToFiveProducts()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();

        var welcome = await chat.JoinAsync();
        Assert.Equal(bot.Text("persona.welcome"), welcome[0].Text);
        Assert.Equal(bot.Text(GiftFinderText.AskRecipient), welcome.Last().Text);
        Assert.Contains("nephew", welcome.Last().QuickReplyValues());

        var ageQuestion = await chat.SendAsync("nephew");
        Assert.Equal(bot.Text(GiftFinderText.AskAge, "recipient", "your nephew"), ageQuestion.Last().Text);

        var interestsQuestion = await chat.SendAsync("8");
        Assert.Equal(bot.Text(GiftFinderText.AskInterests, "recipient", "your nephew"), interestsQuestion.Last().Text);
        var themes = interestsQuestion.Last().QuickReplies().Select(a => a.Title).ToList();
        Assert.Contains("Space", themes);
        Assert.Equal(bot.Text(GiftFinderText.SurpriseMe), themes[^1]);

        var budgetQuestion = await chat.SendAsync("Space");
        Assert.Equal(bot.Text(GiftFinderText.AskBudget), budgetQuestion.Last().Text);
        Assert.Contains("Under €50", budgetQuestion.Last().QuickReplies().Select(a => a.Title));

        var recommendations = await chat.SendAsync("under 40");
        Assert.Contains(bot.Text(RecommendText.Intro, "recipient", "your nephew"), recommendations.Texts());
        var cards = recommendations.Carousel().HeroCards();
        Assert.InRange(cards.Count, 3, 5);
        foreach (var card in cards)
        {
            var product = await bot.Catalog.GetAsync(card.ProductId());
            Assert.NotNull(product);
            Assert.True(product.Price <= 40 && product.MinAge <= 8 && product.MaxAge >= 8, $"{product.Id} does not fit");
            Assert.Equal(product.Title, card.Title);
            // The demo catalog's pictures are served by the bot itself, linked from its public address.
            Assert.Equal(BundledImages.IsPath(product.ImageLink) ? BundledImages.UrlFor(product.ImageLink, BotHarness.PublicBaseUrl) : product.ImageLink,
                Assert.Single(card.Images).Url);
            Assert.StartsWith("€", card.Subtitle);
            Assert.Contains(new[]
            {
                bot.Text(RecommendText.ReasonInterest, "interest", "space"), bot.Text(RecommendText.ReasonAge, "age", "8 years"),
                bot.Text(RecommendText.ReasonBudget, "budget", "€40"),
            }, reason => card.Text.StartsWith(reason, StringComparison.Ordinal));
            Assert.Collection(card.Buttons,
                view => Assert.Equal((ActionTypes.OpenUrl, product.Link), (view.Type, view.Value)),
                add => Assert.Equal((ActionTypes.PostBack, $"ADD_TO_BASKET:{product.Id}"), (add.Type, add.Value)),
                more => Assert.Equal((ActionTypes.PostBack, $"MORE_LIKE_THIS:{product.Id}"), (more.Type, more.Value)));
        }
        // No Page name in this shop: "share with a friend" could not make a link, so it is not offered (EntryPointTests).
        Assert.Equal(["SHOW_MORE", "CHEAPER", "DIFFERENT_INTERESTS", "START_OVER"], recommendations.Last().QuickReplyValues());
    }
}
