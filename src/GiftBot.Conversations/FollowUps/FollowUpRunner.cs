using GiftBot.Content;
using GiftBot.Conversations.Greeting;
using GiftBot.Customers.Context;
using GiftBot.Customers.Window;
using GiftBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace GiftBot.Conversations.FollowUps;

/// <summary>
/// Sends the follow-ups that are due: each is checked again when due (not opted out, not handed over, the messaging
/// window still open for an update) and either sent or completed without sending. Sending failures are retried.
/// </summary>
public sealed class FollowUpRunner
{
    public const string MessageKey = "automations.followUp.message";

    private readonly IScheduledJobStore _jobs;
    private readonly FollowUpLedger _ledger;
    private readonly ICustomerContextStore _customers;
    private readonly IOutboundGuard _guard;
    private readonly IProactiveSender _sender;
    private readonly IBotText _text;
    private readonly TurnTokens _tokens;
    private readonly IOptionsMonitor<FollowUpOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<FollowUpRunner> _logger;

    public FollowUpRunner(IScheduledJobStore jobs, FollowUpLedger ledger, ICustomerContextStore customers, IOutboundGuard guard,
        IProactiveSender sender, IBotText text, TurnTokens tokens, IOptionsMonitor<FollowUpOptions> options, TimeProvider clock,
        ILogger<FollowUpRunner> logger)
    {
        (_jobs, _ledger, _customers, _guard, _sender) = (jobs, ledger, customers, guard, sender);
        (_text, _tokens, _options, _clock, _logger) = (text, tokens, options, clock, logger);
    }

    /// <summary>Leases and handles the follow-ups due now; returns how many were sent.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        var due = await _jobs.LeaseDueAsync(_clock.GetUtcNow(), options.BatchSize, options.LeaseDuration, cancellationToken);
        var sent = 0;
        foreach (var job in due)
        {
            if (job.Kind != FollowUpJob.Kind)
            {
                _logger.LogWarning("Scheduled job {JobKey} of kind {Kind} has no handler here; left for its lease to expire", LoggedIds.Key(job.JobKey), job.Kind);
                continue;
            }
            try
            {
                if (await RunAsync(job, cancellationToken)) sent++;
                await _jobs.CompleteAsync(job, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "Follow-up {JobKey} failed (attempt {Attempt}); it will be retried", LoggedIds.Key(job.JobKey), job.Attempts + 1);
                await _jobs.FailAsync(job, ex.GetType().Name, _clock.GetUtcNow(), options.MaxAttempts, options.RetryDelay, cancellationToken);
            }
        }
        return sent;
    }

    /// <summary>True when the follow-up was sent; false when it is no longer wanted. Throws when sending failed.</summary>
    private async Task<bool> RunAsync(ScheduledJob scheduled, CancellationToken cancellationToken)
    {
        var job = FollowUpJob.TryParse(scheduled.Payload);
        if (job is null)
        {
            _logger.LogError("Follow-up {JobKey} has an unreadable payload; dropped", LoggedIds.Key(scheduled.JobKey));
            return false;
        }
        var conversationId = job.Conversation.Conversation.Id;
        if (await SkipReasonAsync(job, conversationId, cancellationToken) is { } reason)
        {
            _logger.LogInformation("Follow-up {JobKey} not sent: {Reason}", LoggedIds.Key(scheduled.JobKey), reason);
            return false;
        }

        OutboundDecision decision;
        try
        {
            decision = await _guard.CheckAsync(job.ChannelId, job.UserId, OutboundKind.BotUpdate, null, cancellationToken);
        }
        catch (OutboundRefusedException ex)
        {
            _logger.LogInformation("Follow-up {JobKey} not sent: the messaging window refused it ({Refusal})", LoggedIds.Key(scheduled.JobKey), ex.GetType().Name);
            return false;
        }

        await _ledger.RecordSentAsync(job.ChannelId, conversationId, new FollowUpRecord(job.LastTurnAt, _clock.GetUtcNow()), cancellationToken);
        try
        {
            await _sender.SendAsync(job.Conversation, Message(job, decision), cancellationToken);
        }
        catch (OutboundRefusedException ex)
        {
            _logger.LogInformation("Follow-up {JobKey} not sent: the channel refused it ({Refusal})", LoggedIds.Key(scheduled.JobKey), ex.GetType().Name);
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await _ledger.ForgetAsync(job.ChannelId, conversationId, CancellationToken.None);
            throw;
        }
        _logger.LogInformation("Follow-up {JobKey} sent", LoggedIds.Key(scheduled.JobKey));
        return true;
    }

    private async Task<string?> SkipReasonAsync(FollowUpJob job, string conversationId, CancellationToken cancellationToken)
    {
        if (!_options.CurrentValue.Enabled) return "follow-ups are switched off";
        if (await _ledger.GetAsync(job.ChannelId, conversationId, cancellationToken) is { } sent && sent.LastTurnAt >= job.LastTurnAt)
            return "already sent for this silence";
        var customer = await _customers.GetAsync(job.ChannelId, job.UserId, cancellationToken);
        if (customer?.FollowUpsOptedOut == true) return "the shopper opted out";
        if (customer is not null && customer.Handover.Status != HandoverStatus.BotOwns) return "people have the conversation";
        return null;
    }

    private IActivity Message(FollowUpJob job, OutboundDecision decision)
    {
        var tokens = _tokens.For(new ShopperTokens(job.FirstName, job.Locale, job.TimeZone));
        var activity = MessageFactory.Text(_text.Get(MessageKey, job.Locale, tokens));
        activity.Locale = job.Locale;
        // Messenger reads the messaging type (and tag) of a message the bot starts from channelData.
        var channelData = new JObject { ["messaging_type"] = decision.MessagingType };
        if (decision.Tag is not null) channelData["tag"] = decision.Tag;
        activity.ChannelData = channelData;
        return activity;
    }
}
