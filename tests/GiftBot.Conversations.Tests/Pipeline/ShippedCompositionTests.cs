using GiftBot.Conversations.Automations;
using GiftBot.Conversations.EntryPoints;
using GiftBot.Conversations.Greeting;
using GiftBot.Conversations.Main;
using GiftBot.Conversations.Pipeline;
using GiftBot.Conversations.Tests.Automations;
using GiftBot.Conversations.Faq;
using GiftBot.Conversations.FollowUps;
using GiftBot.Conversations.Handover;
using GiftBot.Conversations.Interruptions;
using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Language;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GiftBot.Conversations.Tests.Pipeline;

[Collection(ConversationCollection.Name)]
public sealed class ShippedCompositionTests(ConversationFixture fixture) : IDisposable
{
    private readonly AssistantWorld _world = new();

    [Fact]
    public void TheBotIsOnePipeline_WithItsStagesInTurnOrder()
    {
        var bot = Assert.IsType<TurnPipeline>(new AssistantHarness(fixture, _world).Bot);
        Assert.Equal(
            [nameof(InvokeStage), nameof(ShopperTextStage), nameof(ConversationStateStage), nameof(ProfileStage), nameof(HandoverGate), nameof(FollowUpOptOut), nameof(FirstGreeting),
             nameof(FirstContact), nameof(EntryStage), nameof(WelcomeStage), nameof(FaqReferenceHandover), nameof(DialogStage), nameof(FollowUpScheduler), nameof(TurnTagging)],
            bot.Stages.Select(s => s.GetType().Name));
    }

    [Fact]
    public void InterruptionsAreTriedInOneOrder()
    {
        var bot = new AssistantHarness(fixture, _world);
        Assert.Equal(["UnknownButtonHandler", nameof(LongMessageHandler), "BasketInterruption", nameof(TalkToHumanHandler), nameof(FrustrationHandler), "SharedLinkHandler", "PetGiftHandler", "ProductQuestionHandler", "ShopHoursHandler", nameof(FaqAnswerHandler), "ShareInterruption"],
            bot.Services.GetServices<IInterruptionHandler>().Select(h => h.GetType().Name));
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

    public void Dispose() => _world.Dispose();
}
