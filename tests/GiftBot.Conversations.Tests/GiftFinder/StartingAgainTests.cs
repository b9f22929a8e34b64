using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.GiftFinder;

/// <summary>After a carousel, a shopper who wants a gift for someone else: a new search, as a shop assistant would start one.</summary>
[Collection(ConversationCollection.Name)]
public sealed class StartingAgainTests(ConversationFixture fixture)
{
    private const string NephewSpace = "I need something for my 8 year old nephew, he loves space, max 60 euros";

    [Theory]
    [InlineData("another gift")]
    [InlineData("I need another present")]
    [InlineData("a gift for someone else")]
    [InlineData("new search")]
    [InlineData("start over")]
    [InlineData("let's try again")]
    // Said differently from any trained line: the class of phrasing, not the sentences.
    [InlineData("can I get another gift")]
    [InlineData("something for another person now")]
    [InlineData("got another present to find")]
    [InlineData("I'd like to look for a different person")]
    public async Task AfterACarousel_AskingForAnotherGift_StartsANewSearch_KeepingTheBasket(string text)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        var shown = await bot.ShownAsync(await chat.SendAsync(NephewSpace));
        await chat.SendAsync($"ADD_TO_BASKET:{shown[0].Id}");

        var replies = await chat.SendAsync(text);

        Assert.Equal([bot.Text(GiftFinderText.StartingOver), bot.Text(GiftFinderText.AskRecipient)], replies.Texts());
        var basket = await chat.SendAsync("VIEW_BASKET");
        Assert.Contains(basket, r => (r.Text ?? "").Contains(shown[0].Title, StringComparison.Ordinal)
            || (r.Attachments ?? []).Any(a => Newtonsoft.Json.JsonConvert.SerializeObject(a.Content).Contains(shown[0].Title, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("ok now my sister")]
    [InlineData("now one for my sister")]
    public async Task AfterACarousel_NamingSomeoneNew_StartsTheirOwnSearch_WithoutTheLastPersonsInterestsOrBudget(string text)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync(NephewSpace);

        var replies = await chat.SendAsync(text);

        Assert.False(bot.SaidACorrection(replies), ReplyAssertions.Describe(replies));
        Assert.Equal(bot.Text(GiftFinderText.AskAge, "recipient", "your sister"), replies.Last().Text);
        var next = await chat.SendAsync("12");
        Assert.Equal(bot.Text(GiftFinderText.AskInterests, "recipient", "your sister"), next.Last().Text);
    }

    [Fact]
    public async Task AfterACarousel_SomeoneNewWithDetails_GoesStraightToTheirSearch()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync(NephewSpace);

        var replies = await chat.SendAsync("now one for my dad, he's 60 and into golf, under 40");

        foreach (var product in await bot.ShownAsync(replies))
            Assert.True(product.Price <= 40, $"{product.Id} at {product.Price}");
        Assert.True(replies.HasCarousel(), ReplyAssertions.Describe(replies));
    }
}
