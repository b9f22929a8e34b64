using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.GiftFinder;

/// <summary>
/// "pirate ships" as a first message got the international-delivery answer (found trying the bot): to the classifier
/// "ships" is a shipping word. Boats, ships and sailing are a love of the sea (content/catalog/themes.csv); the verb
/// stays a question to the shop.
/// </summary>
[Collection(ConversationCollection.Name)]
public sealed class BoatsAndSailingTests(ConversationFixture fixture)
{
    [Fact]
    public async Task PirateShipsAsAFirstMessage_IsWhatTheyLove_AndTheSeaIsShown()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();

        var first = await chat.SendAsync("pirate ships");

        Assert.Contains(bot.Text(GiftFinderText.AskRecipient), first.Texts());
        Assert.Empty(first.SelectMany(r => r.HeroCards()));
        await chat.SendAsync("my nephew");
        var ideas = await chat.SendAsync("he's 8, up to 40");
        Assert.Contains(await bot.ShownAsync(ideas), p => p.Interests.Contains("ocean"));
    }

    [Theory]
    [InlineData("my daughter loves sailing, she's 9, 30 euro")]
    [InlineData("he's mad about boats, 10 years old, under 35")]
    public async Task BoatsAndSailing_ShowTheSea(string request)
    {
        var bot = new BotHarness(fixture);

        var shown = await bot.ShownAsync(await bot.Chat().SendAsync(request));

        Assert.NotEmpty(shown);
        Assert.Contains(shown, p => p.Interests.Contains("ocean"));
    }

    [Fact]
    public async Task AskingWhetherTheShopShipsAbroad_IsStillTheDeliveryAnswer()
    {
        var bot = new BotHarness(fixture);

        var replies = await bot.Chat().SendAsync("do you ship to Spain?");

        Assert.False(replies.HasCarousel());
        Assert.Contains(replies.SelectMany(r => r.HeroCards()), c => c.Text?.Contains("EU countries", StringComparison.Ordinal) == true);
    }
}
