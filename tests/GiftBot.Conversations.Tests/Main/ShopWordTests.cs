using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Conversations.Text;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.Tests.Main;

/// <summary>
/// One word that is a question to the shop ("open", "hrs", "price", "stock") gets the shop's answer or a question back,
/// never a gift search (a sport for "open") and never "I didn't get that".
/// </summary>
[Collection(ConversationCollection.Name)]
public sealed class ShopWordTests(ConversationFixture fixture)
{
    private static readonly Dictionary<string, string?> NoInstantReply = new() { ["InstantReply:Enabled"] = "false" };

    private static void AssertNoGiftSearch(BotHarness bot, IReadOnlyList<Activity> replies)
    {
        Assert.False(replies.HasCarousel(), ReplyAssertions.Describe(replies));
        Assert.DoesNotContain(replies.Texts(), t => t == bot.Text(GiftFinderText.AskRecipient) || t == bot.Text(GiftFinderText.AskBudget));
        Assert.DoesNotContain(replies.Texts(), t => bot.Variants(CommonText.NotUnderstood).Contains(t));
        Assert.NotEmpty(replies);
    }

    [Theory]
    [InlineData("open")]
    [InlineData("Open?")]
    [InlineData("hours")]
    [InlineData("hrs")]
    [InlineData("closing")]
    [InlineData("price")]
    [InlineData("stock")]
    [InlineData("delivery")]
    public async Task ALoneShopWord_AsAFirstMessage_GetsTheShopsAnswerOrAQuestion_NotAGiftSearch(string word)
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);

        AssertNoGiftSearch(bot, await bot.Chat().SendAsync(word));
    }

    [Theory]
    [InlineData("open")]
    [InlineData("hrs")]
    [InlineData("price")]
    public async Task ALoneShopWord_AfterACarousel_DoesNotStartANewSearch(string word)
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var chat = bot.Chat();
        Assert.True((await chat.SendAsync("gift for my 8 year old nephew who loves space, under 40")).HasCarousel());

        AssertNoGiftSearch(bot, await chat.SendAsync(word));
    }

    [Theory]
    [InlineData("open")]
    [InlineData("hrs")]
    public async Task ALoneShopWord_AtTheInterestQuestion_IsAnswered_AndTheQuestionAskedAgain(string word)
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var chat = bot.Chat();
        await chat.SendAsync("a gift for my 8 year old nephew");

        var replies = await chat.SendAsync(word);

        Assert.True(replies.Count >= 2, ReplyAssertions.Describe(replies));
        Assert.StartsWith(bot.Text(GiftFinderText.AskInterests, "recipient", "your nephew")[..20], replies.Last().Text);
        Assert.False(replies.HasCarousel());
    }
}
