using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.ProductQuestions;
using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Conversations.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace GiftBot.Conversations.Tests.ProductQuestions;

/// <summary>A link sent on its own is not a picture: the shop's product page shows that product; another site's is said plainly.</summary>
[Collection(ConversationCollection.Name)]
public sealed class SharedLinkTests(ConversationFixture fixture)
{
    private const string ProductId = "GB-1270";

    // Messenger delivers a shared link as a "fallback" attachment (the Messenger layer's content type) with the address.
    private static Activity LinkShare(ChatSession chat, string url)
    {
        var activity = chat.Adapter.MakeActivity();
        activity.Text = null;
        activity.Attachments = [new Attachment("application/vnd.facebook.messenger.fallback", url, new JObject { ["url"] = url, ["title"] = "Shared" })];
        return activity;
    }

    [Fact]
    public async Task MessengerLinkShare_OfAProductPage_ShowsThatProductsCard_WithItsButtons()
    {
        var bot = new BotHarness(fixture);
        var product = (await bot.Catalog.GetAsync(ProductId))!;
        var chat = bot.Chat("facebook");

        var replies = await chat.SendAsync(LinkShare(chat, product.Link + "?utm_source=share"));

        Assert.Contains(bot.Text(ProductQuestionText.FromLink, "product", product.Title), replies.Texts());
        Assert.DoesNotContain(bot.Text(GiftFinderText.NotText), replies.Texts());
        var card = Assert.Single(replies.Carousel().HeroCards());
        Assert.Equal(ProductId, card.ProductId());
        Assert.Contains(card.Buttons, b => (b.Value as string) == $"{Payloads.MoreLikeThis}:{ProductId}");
    }

    [Fact]
    public async Task WebChatMessageThatIsOnlyAProductLink_AtAQuestion_ShowsTheProduct_ThenAsksAgain()
    {
        var bot = new BotHarness(fixture);
        var product = (await bot.Catalog.GetAsync(ProductId))!;
        var chat = bot.Chat("webchat");
        await chat.SendAsync("a gift for my niece");

        var replies = await chat.SendAsync(product.Link.Replace("https://www.", "https://", StringComparison.Ordinal) + "/");

        Assert.Equal(ProductId, Assert.Single(replies.Carousel().HeroCards()).ProductId());
        Assert.Equal(bot.Text(GiftFinderText.AskAge, "recipient", "your niece"), replies.Last().Text);
    }

    [Theory]
    [InlineData("facebook", true)]
    [InlineData("webchat", false)]
    public async Task ALinkToAnotherSite_IsSaidPlainly_NotTakenForAPicture(string channel, bool asAttachment)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat(channel);
        const string url = "https://www.example.org/some-blog/best-gifts-2026";

        var replies = asAttachment ? await chat.SendAsync(LinkShare(chat, url)) : await chat.SendAsync(url);

        Assert.Equal(bot.Text(ProductQuestionText.OtherLink), replies.Last().Text);
        Assert.Equal([Payloads.FindGift], replies.Last().QuickReplyValues());
    }

    [Fact]
    public async Task APicture_StillGetsTheFewWordsAnswer()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();

        var replies = await chat.SendImageAsync();

        Assert.Contains(bot.Text(GiftFinderText.NotText), replies.Texts());
    }
}
