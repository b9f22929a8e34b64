using GiftBot.Conversations.State;
using GiftBot.Conversations.FollowUps;
using GiftBot.Conversations.Text;
using GiftBot.Customers.Context;
using GiftBot.Customers.Handover;
using GiftBot.Customers.Window;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GiftBot.Conversations.Handover;

/// <summary>
/// Moves a conversation between the bot and people: hands over (says so, asks the channel, records the state, goes
/// quiet, drops any pending follow-up) and takes it back (records it, says it is back).
/// </summary>
public sealed class HumanHandover
{
    public const string HandoverKey = "persona.handover";
    public const string ResumedKey = "persona.resumed";
    public const string WaitingForTeamKey = "persona.handoverQueued";

    private readonly IHumanHandoff _handoff;
    private readonly IHandoverState _state;
    private readonly AssistantAccessors _accessors;
    private readonly FollowUpScheduler _followUps;
    private readonly BotVoice _voice;
    private readonly IOutboundGuard _guard;
    private readonly IOptionsMonitor<HandoverOptions> _options;
    private readonly ILogger<HumanHandover> _logger;

    public HumanHandover(IHumanHandoff handoff, IHandoverState state, AssistantAccessors accessors, FollowUpScheduler followUps,
        BotVoice voice, IOutboundGuard guard, IOptionsMonitor<HandoverOptions> options, ILogger<HumanHandover> logger)
    {
        (_handoff, _state, _accessors, _followUps) = (handoff, state, accessors, followUps);
        (_voice, _guard, _options, _logger) = (voice, guard, options, logger);
    }

    /// <summary>The shopper asked for a person inside opening hours.</summary>
    public async Task HandOverAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await turnContext.SendActivityAsync(MessageFactory.Text(_voice.Line(turnContext, HandoverKey)), cancellationToken);
        HandoffResult result;
        try
        {
            result = await _handoff.PassToHumanAsync(turnContext, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The shopper was promised a person: agents still find them waiting in the agent API.
            _logger.LogWarning(ex, "The channel {ChannelId} refused the handover; the conversation waits for an agent instead", turnContext.Activity.ChannelId);
            result = HandoffResult.WaitingForAgent;
        }
        await PeopleHaveThreadAsync(turnContext, result.Status, result.OwnerAppId, cancellationToken);
    }

    /// <summary>Asked for a person while the team is away: the request waits in the queue; the bot is not silenced (see <see cref="HandoverGate"/>).</summary>
    public Task WaitForTeamAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        SetStatusAsync(turnContext, HandoverStatus.WaitingForAgent, null, cancellationToken);

    /// <summary>The shopper withdrew a request that waits for the team: the bot has the conversation again.</summary>
    public Task WithdrawAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        SetStatusAsync(turnContext, HandoverStatus.BotOwns, _options.CurrentValue.AppId, cancellationToken);

    /// <summary>Tells the shopper their request waits for the team (when the away message did not already say so).</summary>
    public Task SayWaitingForTeamAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text(_voice.Line(turnContext, WaitingForTeamKey)), cancellationToken);

    /// <summary>People have the thread (handed over, or an inbox app took it): record it, stay quiet from now on.</summary>
    public async Task PeopleHaveThreadAsync(ITurnContext turnContext, HandoverStatus status, string? ownerAppId, CancellationToken cancellationToken)
    {
        await SetStatusAsync(turnContext, status, ownerAppId, cancellationToken);
        (await _accessors.GetUserDataAsync(turnContext, cancellationToken)).PeopleHaveThread = true;
        await _followUps.CancelAsync(turnContext, cancellationToken);
        TurnSilence.Silence(turnContext);
    }

    /// <summary>The bot has the thread again: records it when asked and tells the shopper, once.</summary>
    public async Task ResumeAsync(ITurnContext turnContext, bool recordBotOwns, CancellationToken cancellationToken)
    {
        if (recordBotOwns) await SetStatusAsync(turnContext, HandoverStatus.BotOwns, _options.CurrentValue.AppId, cancellationToken);
        (await _accessors.GetUserDataAsync(turnContext, cancellationToken)).PeopleHaveThread = false;
        await turnContext.SendActivityAsync(MessageFactory.Text(_voice.Line(turnContext, ResumedKey)), cancellationToken);
    }

    /// <summary>
    /// The thread came back through a channel event, not a message from the shopper: saying so is a message the bot
    /// starts, so it is said only while the messaging window allows an update. Returns whether the bot may speak.
    /// </summary>
    public async Task<bool> ResumeAfterEventAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var (channelId, userId) = (turnContext.Activity.ChannelId, turnContext.Activity.From?.Id);
        try
        {
            if (CustomerKey.IsValidId(channelId) && CustomerKey.IsValidId(userId))
                await _guard.CheckAsync(channelId, userId!, OutboundKind.BotUpdate, null, cancellationToken);
        }
        catch (OutboundRefusedException)
        {
            // PeopleHaveThread stays set: the shopper's next message is greeted with "I'm back" before the answer.
            await SetStatusAsync(turnContext, HandoverStatus.BotOwns, _options.CurrentValue.AppId, cancellationToken);
            _logger.LogInformation("The bot has the thread again on channel {ChannelId}; the window is closed, so it waits for the shopper", channelId);
            return false;
        }
        await ResumeAsync(turnContext, recordBotOwns: true, cancellationToken);
        return true;
    }

    private async Task SetStatusAsync(ITurnContext turnContext, HandoverStatus status, string? ownerAppId, CancellationToken cancellationToken)
    {
        var (channelId, userId) = (turnContext.Activity.ChannelId, turnContext.Activity.From?.Id);
        if (!CustomerKey.IsValidId(channelId) || !CustomerKey.IsValidId(userId)) return;
        try
        {
            await _state.SetAsync(channelId, userId!, status, ownerAppId, null, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Could not record handover state {Status} for a person on channel {ChannelId}", status, channelId);
        }
    }
}
