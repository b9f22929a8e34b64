using GiftBot.Conversations.Text;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Greeting;
using GiftBot.Conversations.Tests.Automations;
using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.Greeting;

[Collection(ConversationCollection.Name)]
public sealed class GreetingTests(ConversationFixture fixture) : IDisposable
{
    private readonly AssistantWorld _world = new();

    [Fact]
    public async Task WelcomesByFirstName_WhenTheChannelKnowsTheProfile()
    {
        var bot = new AssistantHarness(fixture, _world, profiles: new FixedProfileProvider(new UserProfile("Ann", "en_US", "-5")));
        var replies = await bot.Chat(channelId: "facebook", locale: null).SendAsync("GET_STARTED");

        Assert.Equal([bot.Say(CommonText.Welcome, firstName: "Ann"), bot.Say(GiftFinderText.AskRecipient)], replies.Texts());
        Assert.StartsWith("Hi Ann!", replies[0].Text);
        Assert.Contains(AssistantHarness.Content.Persona.Name, replies[0].Text);
        var card = (await bot.Customers.GetAsync("facebook", "user-1", default))!.Profile;
        Assert.Equal(("Ann", "en_US", "-5"), (card.FirstName, card.Locale, card.TimeZone));
    }

    [Fact]
    public async Task WelcomesByTheFirstWordOfTheDisplayName_OnBotFrameworkChannels()
    {
        var bot = new AssistantHarness(fixture, _world);
        var chat = bot.Chat();
        chat.DisplayName = "Ann Murphy";
        var replies = await chat.JoinAsync();
        Assert.Equal(bot.Say(CommonText.Welcome, firstName: "Ann"), replies[0].Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("User")]
    [InlineData("user-1")]
    public async Task WelcomesWithoutAName_WhenNoRealNameIsKnown(string? displayName)
    {
        var bot = new AssistantHarness(fixture, _world);
        var chat = bot.Chat();
        chat.DisplayName = displayName;
        var replies = await chat.JoinAsync();

        Assert.Equal(bot.Say(CommonText.Welcome), replies[0].Text);
        Assert.StartsWith("Hi!", replies[0].Text);
        Assert.DoesNotContain("{{", replies[0].Text);
    }

    [Fact]
    public async Task WelcomesWithoutAName_WhenTheProfileLookupFails()
    {
        var bot = new AssistantHarness(fixture, _world, profiles: new FailingProfileProvider());
        var replies = await bot.Chat(channelId: "facebook").SendAsync("GET_STARTED");
        Assert.Equal([bot.Say(CommonText.Welcome), bot.Say(GiftFinderText.AskRecipient)], replies.Texts());
    }

    [Fact]
    public async Task FrenchShopper_IsWelcomedInFrench_FromTheirProfileLocale()
    {
        var bot = new AssistantHarness(fixture, _world, profiles: new FixedProfileProvider(new UserProfile("Léa", "fr_FR", null)));
        var replies = await bot.Chat(channelId: "facebook", locale: null).SendAsync("GET_STARTED");

        Assert.Equal(bot.Say(CommonText.Welcome, firstName: "Léa", locale: "fr-FR"), replies[0].Text);
        Assert.StartsWith("Bonjour Léa !", replies[0].Text);
        Assert.Contains("assistant virtuel", replies[0].Text);
    }

    [Fact]
    public async Task FrenchShopper_IsWelcomedInFrench_FromTheActivityLocale_AndOthersFallBackToTheDefault()
    {
        var bot = new AssistantHarness(fixture, _world);
        var french = await bot.Chat(locale: "fr-FR").JoinAsync();
        var german = await bot.Chat(conversationId: "convo-2", userId: "user-2", locale: "de-DE").JoinAsync();

        Assert.Equal(bot.Say(CommonText.Welcome, locale: "fr-FR"), french[0].Text);
        Assert.Equal(bot.Say(CommonText.Welcome), german[0].Text);
    }

    [Fact]
    public async Task FirstHi_GetsTheWelcome_ThenTheFirstQuestion_AndOnlyOnce()
    {
        var bot = new AssistantHarness(fixture, _world, settings: new Dictionary<string, string?> { ["InstantReply:Enabled"] = "false" });
        var chat = bot.Chat();
        chat.DisplayName = "Ann";

        var first = await chat.SendAsync("hi");
        Assert.Equal([bot.Say(CommonText.Welcome, firstName: "Ann"), bot.Say(GiftFinderText.AskRecipient)], first.Texts());

        var second = await chat.SendAsync("hello");
        Assert.DoesNotContain(bot.Say(CommonText.Welcome, firstName: "Ann"), second.Texts());
    }

    [Fact]
    public async Task GetStartedAfterJoining_DoesNotWelcomeAFirstHiAgain()
    {
        var bot = new AssistantHarness(fixture, _world, settings: new Dictionary<string, string?> { ["InstantReply:Enabled"] = "false" });
        var chat = bot.Chat();
        await chat.JoinAsync();
        var replies = await chat.SendAsync("hi");
        Assert.DoesNotContain(bot.Say(CommonText.Welcome), replies.Texts());
    }

    public void Dispose() => _world.Dispose();

    private sealed class FailingProfileProvider : IUserProfileProvider
    {
        public Task<UserProfile> GetProfileAsync(Microsoft.Bot.Builder.ITurnContext turnContext, CancellationToken cancellationToken) =>
            throw new HttpRequestException("Graph API unavailable");
    }
}
