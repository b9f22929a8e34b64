using GiftBot.Conversations.Pipeline;
using GiftBot.Conversations.Text;
using GiftBot.Conversations.Understanding;
using GiftBot.Customers.Context;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace GiftBot.Conversations.FollowUps;

/// <summary>
/// "stop" (or another stop phrase from the content) turns follow-ups off for the person, with a short acknowledgement;
/// "start" turns them back on, but only for someone who stopped them (otherwise "start" is an ordinary message).
/// The choice lives on the customer's context card, where agents see it.
/// </summary>
public sealed class FollowUpOptOut : ITurnStage
{
    public const string StopWordsKey = "automations.followUp.stopWords";
    public const string StartWordsKey = "automations.followUp.startWords";
    public const string StoppedKey = "automations.followUp.stopped";
    public const string StartedKey = "automations.followUp.started";
    public const string ErrorKey = "persona.error";

    private readonly ICustomerContextStore _customers;
    private readonly FollowUpScheduler _scheduler;
    private readonly BotVoice _voice;
    private readonly ILogger<FollowUpOptOut> _logger;

    public FollowUpOptOut(ICustomerContextStore customers, FollowUpScheduler scheduler, BotVoice voice, ILogger<FollowUpOptOut> logger)
    {
        (_customers, _scheduler, _voice, _logger) = (customers, scheduler, voice, logger);
    }

    /// <summary>True when the message was a stop/start request and has been answered.</summary>
    public async Task<bool> TryHandleAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Type != ActivityTypes.Message || string.IsNullOrWhiteSpace(activity.Text)) return false;
        if (!CustomerKey.IsValidId(activity.ChannelId) || !CustomerKey.IsValidId(activity.From?.Id)) return false;

        var stop = AnswerWords.IsExactly(activity.Text, _voice.List(turnContext, StopWordsKey));
        var start = !stop && AnswerWords.IsExactly(activity.Text, _voice.List(turnContext, StartWordsKey));
        if (!stop && !start) return false;
        try
        {
            if (start && (await _customers.GetAsync(activity.ChannelId, activity.From!.Id, cancellationToken))?.FollowUpsOptedOut != true)
                return false;
            await _customers.SetFollowUpsOptedOutAsync(activity.ChannelId, activity.From!.Id, stop, cancellationToken);
            if (stop) await _scheduler.CancelAsync(turnContext, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Could not record a follow-up {Choice} on channel {ChannelId}", stop ? "opt-out" : "opt-in", activity.ChannelId);
            await turnContext.SendActivityAsync(MessageFactory.Text(_voice.Line(turnContext, ErrorKey)), cancellationToken);
            return true;
        }
        _logger.LogInformation("Follow-ups turned {State} by the person on channel {ChannelId}", stop ? "off" : "on", activity.ChannelId);
        await turnContext.SendActivityAsync(MessageFactory.Text(_voice.Line(turnContext, stop ? StoppedKey : StartedKey)), cancellationToken);
        return true;
    }

    public async Task<TurnFlow> RunAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        await TryHandleAsync(turnContext, cancellationToken) ? TurnFlow.EndTurn : TurnFlow.Continue;
}
