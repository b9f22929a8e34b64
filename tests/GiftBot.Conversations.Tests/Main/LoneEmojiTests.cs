using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Main;
using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.Main;

/// <summary>
/// A message of one emoji is read as the lexicon says (content/language/lexicon.json "emojiMessages"). Before, emoji
/// alone were never recognised ("🎁": "Sorry, I didn't quite get that"), and the recognizer read "🎁" and "🎄" as a
/// shopper who loves space and dinosaurs. A "👍" answers what was asked (RefinementTests: before any carousel, yes).
/// </summary>
[Collection(ConversationCollection.Name)]
public sealed class LoneEmojiTests(ConversationFixture fixture)
{
    [Theory]
    [InlineData("🎁")]
    [InlineData("🎄")]
    [InlineData("🎁🎁🎁")]
    [InlineData("🎄🎁")]
    public async Task AGiftOrChristmasEmoji_StartsTheGiftFinder_WithNoInterestMadeUp(string emoji)
    {
        var bot = new BotHarness(fixture);

        var replies = await bot.Chat().SendAsync(emoji);

        Assert.False(replies.HasCarousel(), ReplyAssertions.Describe(replies));
        Assert.Contains(bot.Text(GiftFinderText.AskRecipient), replies.Texts());
    }

    [Theory]
    [InlineData("🙏")]
    [InlineData("🙏🏽")]
    [InlineData("🙏🙏")]
    public async Task ThankingHands_AfterAnAnswer_AreTakenAsThanks(string emoji)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync("how much is shipping?");

        var replies = await chat.SendAsync(emoji);

        Assert.False(replies.HasCarousel(), ReplyAssertions.Describe(replies));
        Assert.Contains(bot.Text(MainText.Thanks), replies.Texts());
    }
}
