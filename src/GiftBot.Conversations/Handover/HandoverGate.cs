using GiftBot.Conversations.Away;
using GiftBot.Conversations.Pipeline;
using GiftBot.Conversations.State;
using GiftBot.Customers.Context;
using GiftBot.Customers.Handover;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GiftBot.Conversations.Handover;

/// <summary>
/// Keeps the bot quiet while people have the thread (waiting for an agent or owned by one): the message is recorded by
/// the customer middleware and gets no bot reply; referrals and joins are held too. The bot takes the thread back politely when people released it
/// (agent API) or when no human acted for <see cref="HandoverOptions.IdleTimeout"/>, then answers the message as usual.
/// </summary>
public sealed class HandoverGate : ITurnStage
{
    private readonly IHandoverState _state;
    private readonly HumanHandover _handover;
    private readonly AssistantAccessors _accessors;
    private readonly IOptionsMonitor<HandoverOptions> _options;
    private readonly AwayNotices _away;
    private readonly TimeProvider _clock;
    private readonly PendingHandover _pending;
    private readonly ILogger<HandoverGate> _logger;

    public HandoverGate(IHandoverState state, HumanHandover handover, AssistantAccessors accessors,
        IOptionsMonitor<HandoverOptions> options, AwayNotices away, PendingHandover pending, TimeProvider clock, ILogger<HandoverGate> logger)
    {
        (_state, _handover, _accessors, _options, _away, _pending, _clock, _logger) = (state, handover, accessors, options, away, pending, clock, logger);
    }

    /// <summary>True when the bot must not go on with this turn (people have the thread, or the waiting request was answered).</summary>
    public async Task<bool> HoldsTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        // Thread-control events are how the thread comes back: their route must always see them.
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.Event) || IsThreadControl(activity)) return false;
        if (!CustomerKey.IsValidId(activity.ChannelId) || !CustomerKey.IsValidId(activity.From?.Id)) return false;

        var snapshot = await SnapshotAsync(activity.ChannelId, activity.From!.Id, cancellationToken);
        var data = await _accessors.GetUserDataAsync(turnContext, cancellationToken);
        // Waiting for a team that is away: the bot keeps helping until the team opens and picks the request up. Once someone
        // has answered the request (out of hours, from the inbox) the person is talking to them: the bot had answered the
        // shopper's reply to the agent as if it were asked.
        if (snapshot.Status == HandoverStatus.WaitingForAgent && !data.PeopleHaveThread && !AnAgentAnswered(snapshot) && !_away.IsOpenNow())
            return await AnswerWaitingRequestAsync(turnContext, cancellationToken);
        if (snapshot.BotMustStaySilent)
        {
            // Only the person writing again can end an idle handover; a referral or a join while people wait is held.
            if (activity.Type != ActivityTypes.Message || !snapshot.IsHumanIdle(_clock.GetUtcNow(), _options.CurrentValue.IdleTimeout))
            {
                data.PeopleHaveThread = true;
                _logger.LogDebug("People have the thread on channel {ChannelId} ({Status}); the bot stays quiet", activity.ChannelId, snapshot.Status);
                return true;
            }
            _logger.LogInformation("No human activity for {IdleTimeout} on channel {ChannelId}; the bot takes the thread back", _options.CurrentValue.IdleTimeout, activity.ChannelId);
            await _handover.ResumeAsync(turnContext, recordBotOwns: true, cancellationToken);
        }
        else if (data.PeopleHaveThread && activity.Type == ActivityTypes.Message)
        {
            // Released while the bot was not looking (agent API): say so before answering.
            await _handover.ResumeAsync(turnContext, recordBotOwns: false, cancellationToken);
        }
        return false;
    }

    // A message about the waiting request is answered in its terms; "back to the bot" or "forget it" withdraws it; anything
    // else the bot answers.
    private async Task<bool> AnswerWaitingRequestAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (await _pending.AsksForBotAsync(turnContext, cancellationToken))
        {
            await _handover.WithdrawAsync(turnContext, cancellationToken);
            await _pending.BackToBotAsync(turnContext, cancellationToken);
            return false;
        }
        if (!await _pending.IsAboutTheRequestAsync(turnContext, cancellationToken)) return false;
        await _pending.SayPendingAsync(turnContext, cancellationToken);
        return true;
    }

    private static bool AnAgentAnswered(HandoverSnapshot snapshot) =>
        snapshot.LastAgentActivityAt is { } acted && (snapshot.Since is not { } since || acted >= since);

    private static bool IsThreadControl(IActivity activity) =>
        activity.Type == ActivityTypes.Event && activity.AsEventActivity().Name is ThreadControlRoute.PassThreadControl or ThreadControlRoute.TakeThreadControl or ThreadControlRoute.RequestThreadControl;

    // A failing store must not leave the shopper unanswered: the bot answers as if it had the thread.
    private async Task<HandoverSnapshot> SnapshotAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        try
        {
            return await _state.GetAsync(channelId, userId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Handover state on channel {ChannelId} could not be read; the bot answers", channelId);
            return HandoverSnapshot.BotOwns;
        }
    }

    /// <summary>People have the thread: the bot stays quiet this turn.</summary>
    public async Task<TurnFlow> RunAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        await HoldsTurnAsync(turnContext, cancellationToken) ? TurnFlow.EndTurn : TurnFlow.Continue;
}
