using GiftBot.Conversations.Pipeline;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Greeting;
using GiftBot.Conversations.State;
using GiftBot.Dialogs;
using GiftBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GiftBot.Conversations.FollowUps;

/// <summary>
/// After every shopper message: while the gift finder waits for an answer, (re)schedules the conversation's one
/// follow-up for <see cref="FollowUpOptions.Delay"/> from now; otherwise (search shown, cancelled, handed over) removes it.
/// The job is durable (IScheduledJobStore), so a restart neither loses nor duplicates it.
/// </summary>
public sealed class FollowUpScheduler : ITurnStage
{
    private readonly IScheduledJobStore _jobs;
    private readonly AssistantAccessors _assistant;
    private readonly BotAccessors _bot;
    private readonly GiftSearches _searches;
    private readonly IOptionsMonitor<FollowUpOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<FollowUpScheduler> _logger;

    public FollowUpScheduler(IScheduledJobStore jobs, AssistantAccessors assistant, BotAccessors bot, GiftSearches searches,
        IOptionsMonitor<FollowUpOptions> options, TimeProvider clock, ILogger<FollowUpScheduler> logger)
    {
        (_jobs, _assistant, _bot, _searches, _options, _clock, _logger) = (jobs, assistant, bot, searches, options, clock, logger);
    }

    public async Task AfterTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Type != ActivityTypes.Message || turnContext.Activity.Conversation?.Id is null) return;
        try
        {
            var waiting = _options.CurrentValue.Enabled && !TurnSilence.IsSilenced(turnContext) && await WaitsForAnswerAsync(turnContext, cancellationToken);
            if (waiting) await ScheduleAsync(turnContext, cancellationToken);
            else await CancelAsync(turnContext, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A missed follow-up is a small loss; a failed turn would be a big one.
            _logger.LogWarning(ex, "Follow-up for a conversation on channel {ChannelId} could not be updated", turnContext.Activity.ChannelId);
        }
    }

    /// <summary>Removes the conversation's follow-up, if one may exist.</summary>
    public async Task CancelAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var data = await _assistant.GetConversationDataAsync(turnContext, cancellationToken);
        if (!data.FollowUpScheduled) return;
        await _jobs.CancelAsync(KeyOf(turnContext.Activity), cancellationToken);
        data.FollowUpScheduled = false;
    }

    private async Task ScheduleAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var now = _clock.GetUtcNow();
        var profile = ShopperProfiles.Current(turnContext);
        var job = new FollowUpJob
        {
            Conversation = activity.GetConversationReference(),
            ChannelId = activity.ChannelId,
            UserId = activity.From?.Id ?? "",
            Locale = activity.Locale ?? profile.Locale,
            FirstName = profile.FirstName,
            TimeZone = profile.TimeZone,
            LastTurnAt = now,
        };
        if (job.UserId.Length == 0) return;
        await _jobs.ScheduleAsync(KeyOf(activity), FollowUpJob.Kind, job.ToJson(), now + _options.CurrentValue.Delay, cancellationToken);
        (await _assistant.GetConversationDataAsync(turnContext, cancellationToken)).FollowUpScheduled = true;
    }

    // The gift finder is waiting when its search has a pending question and a dialog is on the stack.
    private async Task<bool> WaitsForAnswerAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var search = await _searches.GetAsync(turnContext, cancellationToken);
        if (search.PendingSlot is null) return false;
        var dialogs = await _bot.DialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken);
        return dialogs.DialogStack.Count > 0;
    }

    private static string KeyOf(IActivity activity) => FollowUpJob.KeyFor(activity.ChannelId, activity.Conversation.Id);

    public async Task<TurnFlow> RunAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await AfterTurnAsync(turnContext, cancellationToken);
        return TurnFlow.Continue;
    }
}
