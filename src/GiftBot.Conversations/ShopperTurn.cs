using GiftBot.Conversations.Automations;
using GiftBot.Conversations.EntryPoints;
using GiftBot.Conversations.Faq;
using GiftBot.Conversations.FollowUps;
using GiftBot.Conversations.Greeting;
using GiftBot.Conversations.Handover;
using GiftBot.Conversations.Main;
using GiftBot.Conversations.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GiftBot.Conversations;

/// <summary>What happens in every turn, on every channel, in this order.</summary>
public static class ShopperTurn
{
    public static TurnPipeline Compose(IServiceProvider services) => new(
        stages:
        [
            Stage<InvokeStage>(services),             // a channel's invoke call is answered, never read as a shopper's message
            Stage<ShopperTextStage>(services),        // control characters out of the message before anything reads it
            Stage<ConversationStateStage>(services),  // state loaded (reset when unreadable) before anything reads it
            Stage<ProfileStage>(services),            // name, language, time zone; the context card's copy
            Stage<HandoverGate>(services),            // people have the thread: stay quiet (or say the bot is back)
            Stage<FollowUpOptOut>(services),          // "stop" / "start" for follow-ups
            Stage<FirstGreeting>(services),           // a first "hi" is handled like Get Started (flag read by first contact)
            Stage<FirstContact>(services),            // away notice, or the instant reply to a first message (after the welcome when it answers)
            Stage<EntryStage>(services),              // Get Started right after a referral; PRESET taps as referrals
            Stage<WelcomeStage>(services),            // join or Get Started: the persona introduces itself
            Stage<FaqReferenceHandover>(services),    // the order number an FAQ answer just asked for goes to the team
            Stage<DialogStage>(services),             // conversation start counted; interruptions, then the main dialog
            Stage<FollowUpScheduler>(services),       // (re)schedule the follow-up while a question waits
            Stage<TurnTagging>(services),             // the shop's tagging rules on the context card
        ],
        commit: Stage<CommitTurnStage>(services),     // the turn's one write
        errors: services.GetRequiredService<TurnErrorPolicy>(),
        logger: services.GetRequiredService<ILogger<TurnPipeline>>());

    private static ITurnStage Stage<TStage>(IServiceProvider services) where TStage : ITurnStage => services.GetRequiredService<TStage>();
}
