using GiftBot.Conversations.Automations;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Handover;
using GiftBot.Conversations.Main;
using GiftBot.Conversations.Tests.Automations;
using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Conversations.Text;

namespace GiftBot.Conversations.Tests.Handover;

/// <summary>
/// "you're useless" got "You're welcome! Happy gifting." (found trying the bot): a shopper annoyed with the bot gets an
/// apology and the offer of a person, and the team sees them tagged. The phrasings here are not the training sentences.
/// </summary>
[Collection(ConversationCollection.Name)]
public sealed class FrustrationTests(ConversationFixture fixture) : IDisposable
{
    private static readonly Dictionary<string, string?> NoInstantReply = new() { ["InstantReply:Enabled"] = "false" };
    private readonly AssistantWorld _world = new();

    [Theory]
    [InlineData("honestly you are useless")]
    [InlineData("this bot is not helping me at all")]
    [InlineData("seriously, this isn't working")]
    [InlineData("you clearly don't understand a word I say")]
    public async Task AnAnnoyedShopper_GetsAnApologyAndTheOfferOfAPerson(string words)
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var replies = await bot.Chat().SendAsync(words);

        var apology = Assert.Single(replies[0].HeroCards());
        Assert.Equal(bot.Text(FrustrationHandler.ApologyKey), apology.Text);
        Assert.Equal([(bot.Text(CommonText.TalkToHuman), Payloads.TalkToHuman), (bot.Text(CommonText.FindGift), Payloads.FindGift)],
            apology.Buttons.Select(b => (b.Title, b.Value?.ToString())));
        Assert.False(replies.HasCarousel());
    }

    [Fact]
    public async Task AnnoyedInTheGiftFinder_TheApologyComesFirst_ThenTheSameQuestion_AndTheSearchGoesOn()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var chat = bot.Chat();
        await chat.SendAsync("a present for my niece, she's 6");
        Assert.Equal(bot.Text(GiftFinderText.AskBudget), (await chat.SendAsync("animals")).Last().Text);

        var replies = await chat.SendAsync("ugh you're useless");

        // The apology keeps its "Talk to a person" button as a card: the question after it brings its own quick replies.
        Assert.Equal(bot.Text(FrustrationHandler.ApologyKey), Assert.Single(replies[0].HeroCards()).Text);
        Assert.Equal([bot.Text(GiftFinderText.AskBudget)], replies.Texts());
        Assert.True((await chat.SendAsync("under 30")).HasCarousel());
    }

    [Fact]
    public async Task TappingTalkToAPerson_AfterTheApology_PassesThemToTheTeam()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var chat = bot.Chat();
        var apology = Assert.Single((await chat.SendAsync("you're hopeless, this is going nowhere"))[0].HeroCards());

        var replies = await chat.SendAsync(apology.Buttons[0].Value!.ToString()!);

        Assert.Contains(bot.Text(HumanHandover.HandoverKey), replies.Texts());
    }

    [Fact]
    public async Task PraiseIsThanked_NotApologisedFor()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var replies = await bot.Chat().SendAsync("you are a very clever bot");

        Assert.Equal([bot.Text(MainText.Thanks)], replies.Texts());
    }

    [Fact]
    public async Task AnAnnoyedShopper_IsTaggedUnhappyForTheTeam()
    {
        var bot = new AssistantHarness(fixture, _world);
        var chat = bot.Chat();
        await chat.JoinAsync();

        await chat.SendAsync("this bot is not helping me at all");

        Assert.Equal(["unhappy"], (await bot.Customers.GetAsync("emulator", "user-1", default))?.Tags ?? []);
    }

    public void Dispose() => _world.Dispose();
}
