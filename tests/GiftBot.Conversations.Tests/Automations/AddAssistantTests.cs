using GiftBot.Conversations.Automations;
using GiftBot.Conversations.Faq;
using GiftBot.Conversations.FollowUps;
using GiftBot.Conversations.Handover;
using GiftBot.Conversations.Interruptions;
using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Language;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GiftBot.Conversations.Tests.Automations;

[Collection(ConversationCollection.Name)]
public sealed class AddAssistantTests(ConversationFixture fixture) : IDisposable
{
    private readonly AssistantWorld _world = new();

    [Fact]
    public void ReplacesTheBotAndThePlaceholderInterruptions_InTheirPlace()
    {
        var bot = new AssistantHarness(fixture, _world);
        Assert.IsType<AssistantBot>(bot.Bot);
        Assert.Equal(["BasketInterruption", nameof(TalkToHumanHandler), nameof(FaqAnswerHandler), "ShareInterruption"],
            bot.Services.GetServices<IInterruptionHandler>().Select(h => h.GetType().Name));
        Assert.IsType<FaqVocabulary>(bot.Services.GetRequiredService<IFaqVocabulary>());
    }

    [Theory]
    [InlineData("FollowUp:Delay", "-01:00:00", "FollowUp:Delay")]
    [InlineData("FollowUp:PollInterval", "00:00:00", "FollowUp:PollInterval")]
    [InlineData("Handover:IdleTimeout", "00:00:00", "Handover:IdleTimeout")]
    [InlineData("Greeting:PlaceholderNames:0", " ", "Greeting:PlaceholderNames")]
    public void BadSettings_FailStartUp_NamingTheKey(string key, string value, string named)
    {
        var bot = new AssistantHarness(fixture, _world, new Dictionary<string, string?> { [key] = value });
        var error = Assert.Throws<OptionsValidationException>(() =>
        {
            _ = bot.Services.GetRequiredService<IOptions<FollowUpOptions>>().Value;
            _ = bot.Services.GetRequiredService<IOptions<HandoverOptions>>().Value;
            _ = bot.Services.GetRequiredService<IOptions<GiftBot.Conversations.Greeting.GreetingOptions>>().Value;
        });
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void OurAppId_DefaultsToTheFacebookAppId()
    {
        var bot = new AssistantHarness(fixture, _world, new Dictionary<string, string?> { ["Facebook:AppId"] = "987" });
        Assert.Equal("987", bot.Services.GetRequiredService<IOptions<HandoverOptions>>().Value.AppId);
    }

    [Fact]
    public void MustComeAfterAddConversations()
    {
        var services = new ServiceCollection();
        var error = Assert.Throws<InvalidOperationException>(() => services.AddAssistant(new ConfigurationBuilder().Build()));
        Assert.Contains("AddConversations", error.Message);
    }

    public void Dispose() => _world.Dispose();
}
