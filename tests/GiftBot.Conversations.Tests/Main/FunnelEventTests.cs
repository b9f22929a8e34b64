using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Storage;

namespace GiftBot.Conversations.Tests.Main;

[Collection(ConversationCollection.Name)]
public sealed class FunnelEventTests(ConversationFixture fixture)
{
    [Fact]
    public async Task RecordsEachStepOfTheFunnel_WithoutMessageText()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.JoinAsync();
        await chat.SendAsync("nephew");
        await chat.SendAsync("8");
        await chat.SendAsync("Space");
        var cards = (await chat.SendAsync("under 40")).Carousel().HeroCards();
        await chat.SendAsync($"ADD_TO_BASKET:{cards[0].ProductId()}");
        await chat.SendAsync("CHECKOUT");

        Assert.Equal(
            [FunnelEventKinds.ConversationStarted, FunnelEventKinds.QuestionAnswered, FunnelEventKinds.QuestionAnswered, FunnelEventKinds.QuestionAnswered,
             FunnelEventKinds.QuestionAnswered, FunnelEventKinds.RecommendationsShown, FunnelEventKinds.AddedToBasket, FunnelEventKinds.CheckoutClicked],
            bot.Funnel.Events.Select(e => e.Kind));
        Assert.Equal(["recipient", "age", "interests", "budget"], bot.Funnel.OfKind(FunnelEventKinds.QuestionAnswered).Select(e => e.Properties["question"]));
        Assert.Equal(string.Join(",", cards.Select(c => c.ProductId())), bot.Funnel.OfKind(FunnelEventKinds.RecommendationsShown).Single().Properties["productIds"]);
        Assert.All(bot.Funnel.Events, e => Assert.Equal(("emulator", "convo-1", "user-1"), (e.ChannelId, e.ConversationId, e.UserId)));
        Assert.DoesNotContain(bot.Funnel.Events.SelectMany(e => e.Properties.Values), v => v.Contains("nephew") || v.Contains("Space") || v.Contains("under"));
    }

    [Fact]
    public async Task ConversationGoesOn_WhenTheFunnelStoreFails()
    {
        var bot = new BotHarness(fixture, funnel: new InMemoryFunnelEventStore { Fail = true });
        var chat = bot.Chat();
        await chat.JoinAsync();
        var cards = (await chat.SendAsync("I need something for my 8 year old nephew, he loves space, max 40 euros")).Carousel().HeroCards();
        Assert.InRange(cards.Count, 3, 5);
        Assert.Contains(bot.Text(GiftBot.Conversations.Basket.BasketText.CountOne), (await chat.SendAsync($"ADD_TO_BASKET:{cards[0].ProductId()}")).Last().Text);
    }
}
