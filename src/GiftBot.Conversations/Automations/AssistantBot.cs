using GiftBot.Conversations.Bots;
using GiftBot.Conversations.FollowUps;
using GiftBot.Conversations.Greeting;
using GiftBot.Conversations.Handover;
using GiftBot.Conversations.Main;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.Automations;

/// <summary>
/// The bot as shoppers meet it on every channel: the welcome-and-dialog bot wrapped in the Page's automations.
/// Each turn: load the person's profile (name, language, time zone) and keep their context card's copy current; stay quiet while people have the thread; handle
/// "stop"/"start" for follow-ups; send the away notice or instant reply; then the conversation itself; afterwards
/// (re)schedule the follow-up and apply tagging rules.
/// </summary>
public sealed class AssistantBot : IBot
{
    private readonly DialogAndWelcomeBot<MainDialog> _conversation;
    private readonly AssistantTurnSteps _steps;

    public AssistantBot(DialogAndWelcomeBot<MainDialog> conversation, AssistantTurnSteps steps)
    {
        _conversation = conversation;
        _steps = steps;
    }

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var profile = await _steps.Profiles.ApplyAsync(turnContext, cancellationToken);
        await _steps.ProfileCard.RecordAsync(turnContext, profile, cancellationToken);
        TurnSilence.Install(turnContext);
        if (await _steps.Handover.HoldsTurnAsync(turnContext, cancellationToken) || await _steps.OptOut.TryHandleAsync(turnContext, cancellationToken))
        {
            await _steps.Accessors.SaveAsync(turnContext, cancellationToken);
            return;
        }

        await _steps.Greeting.ApplyAsync(turnContext, cancellationToken);
        await _steps.FirstContact.BeforeAnswerAsync(turnContext, cancellationToken);
        await _conversation.OnTurnAsync(turnContext, cancellationToken);
        await _steps.FollowUps.AfterTurnAsync(turnContext, cancellationToken);
        await _steps.Tagging.AfterTurnAsync(turnContext, cancellationToken);
        await _steps.Accessors.SaveAsync(turnContext, cancellationToken);
    }
}

/// <summary>The automations <see cref="AssistantBot"/> runs around each turn.</summary>
public sealed record AssistantTurnSteps(
    ShopperProfiles Profiles, ProfileCard ProfileCard, HandoverGate Handover, FollowUpOptOut OptOut, FirstContact FirstContact, FirstGreeting Greeting,
    FollowUpScheduler FollowUps, TurnTagging Tagging, AssistantAccessors Accessors);
