using GiftBot.Storage;
using GiftBot.Customers.Context;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GiftBot.Customers.Middleware;

/// <summary>
/// Keeps every person's context card current on every channel: the last qualifying interaction (for Messenger's 24-hour
/// window), last seen, entry source from referrals, and the recent messages in and out. Register it on every adapter.
/// A store failure is logged and never breaks the turn; message text is stored on the card but never logged.
/// </summary>
public sealed class CustomerActivityMiddleware(
    ICustomerContextStore store, IOptionsMonitor<CustomersOptions> options, TimeProvider time, ILogger<CustomerActivityMiddleware> logger)
    : IMiddleware
{
    // Messenger events can be processed a while after they happened (inbox retries, restarts); the window counts from
    // when the person acted, so an activity's own timestamp is used when it is plausible.
    private static readonly TimeSpan MaxActivityAge = TimeSpan.FromDays(1);
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(2);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        await TryRecordInboundAsync(turnContext.Activity, cancellationToken).ConfigureAwait(false);

        var sent = new List<(string ChannelId, string UserId, RecentMessage Message)>();
        turnContext.OnSendActivities(async (context, activities, nextSend) =>
        {
            var responses = await nextSend().ConfigureAwait(false);
            var settings = options.CurrentValue;
            foreach (var activity in activities.Where(a => a.Type == ActivityTypes.Message))
            {
                var userId = activity.Recipient?.Id ?? context.Activity.From?.Id;
                var channelId = activity.ChannelId ?? context.Activity.ChannelId;
                if (CustomerKey.IsValidId(channelId) && CustomerKey.IsValidId(userId))
                {
                    var text = ActivitySummary.Describe(activity, settings.MessageTextLimit);
                    sent.Add((channelId, userId!, new RecentMessage { Direction = MessageDirection.Outbound, Text = text, At = time.GetUtcNow() }));
                }
            }

            return responses;
        });

        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // One write per person per turn, also when the turn failed after sending something.
            foreach (var group in sent.GroupBy(s => (s.ChannelId, s.UserId)))
            {
                await TryRecordOutboundAsync(group.Key.ChannelId, group.Key.UserId, group.Select(s => s.Message).ToList(), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task TryRecordInboundAsync(IActivity activity, CancellationToken cancellationToken)
    {
        var interaction = InboundInteractions.Classify(activity);
        var (channelId, userId) = (activity.ChannelId, activity.From?.Id);
        if (interaction == InboundInteraction.None || !CustomerKey.IsValidId(channelId) || !CustomerKey.IsValidId(userId))
        {
            return;
        }

        var at = OccurredAt(activity);
        var settings = options.CurrentValue;
        var message = interaction switch
        {
            InboundInteraction.Message => ActivitySummary.Describe(activity.AsMessageActivity(), settings.MessageTextLimit),
            InboundInteraction.Reaction => $"[reaction: {activity.AsMessageReactionActivity().ReactionsAdded[0].Type}]",
            _ => null,
        };
        var entry = interaction == InboundInteraction.Referral ? ReferralEntry.From(activity.AsEventActivity().Value, at) : null;
        try
        {
            await store.UpdateAsync(channelId, userId!, context =>
            {
                context.RecordInteraction(at, isUserMessage: interaction == InboundInteraction.Message);
                if (message is not null)
                {
                    context.AppendMessage(new RecentMessage { Direction = MessageDirection.Inbound, Text = ActivitySummary.Truncate(message, settings.MessageTextLimit), At = at }, settings.RecentMessageLimit);
                }

                if (entry is not null)
                {
                    context.RecordEntry(entry);
                }

                return true;
            }, createIfMissing: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Could not record the inbound {Interaction} for {ChannelId}/{Person}; the turn goes on", interaction, channelId, LoggedIds.Person(userId));
        }
    }

    private async Task TryRecordOutboundAsync(string channelId, string userId, List<RecentMessage> messages, CancellationToken cancellationToken)
    {
        try
        {
            var limit = options.CurrentValue.RecentMessageLimit;
            await store.UpdateAsync(channelId, userId, context =>
            {
                messages.ForEach(m => context.AppendMessage(m, limit));
                return true;
            }, createIfMissing: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Runs in a finally block: never let it replace the turn's own exception.
            logger.LogWarning(ex, "Could not record {Count} outbound messages for {ChannelId}/{Person}", messages.Count, channelId, LoggedIds.Person(userId));
        }
    }

    private DateTimeOffset OccurredAt(IActivity activity)
    {
        var now = time.GetUtcNow();
        return activity.Timestamp is { } stamp && stamp <= now + MaxClockSkew && stamp >= now - MaxActivityAge
            ? (stamp < now ? stamp : now)
            : now;
    }
}
