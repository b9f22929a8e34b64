using GiftBot.Customers.Context;
using GiftBot.Customers.Window;
using GiftBot.Messenger.Adapter;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace GiftBot.WebConsole.Transcripts;

/// <summary>
/// Records every message in and out, whole, for the inbox (the context card only keeps one-line summaries), notes which
/// adapter carried it (so an agent's reply takes the same road), and tells open console pages when the turn is done.
/// A store failure is logged and never breaks the turn; message text is stored but never logged.
/// </summary>
public sealed class TranscriptMiddleware(IConversationTranscript transcript, ConsoleEventHub events, TimeProvider time, ILogger<TranscriptMiddleware> logger)
    : IMiddleware
{
    /// <summary>Marks a recorded message as written by a person (the agent's name), not the bot.</summary>
    public const string AgentProperty = "giftbotAgent";

    /// <summary>The console agent sending right now (the channel overwrites the sender's name with the bot's).</summary>
    public static readonly AsyncLocal<string?> SendingAgent = new();

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var route = turnContext.Adapter is FacebookAdapter ? TranscriptRoutes.MessengerDirect : TranscriptRoutes.BotFramework;
        var inbound = turnContext.Activity;
        var touched = new HashSet<(string, string)>();
        if (inbound.Type == ActivityTypes.Message && CustomerKey.IsValidId(inbound.ChannelId) && CustomerKey.IsValidId(inbound.From?.Id))
        {
            await TryAppendAsync(inbound.ChannelId, inbound.From!.Id, true, route, inbound, cancellationToken).ConfigureAwait(false);
            touched.Add((inbound.ChannelId, inbound.From.Id));
        }

        turnContext.OnSendActivities(async (context, activities, nextSend) =>
        {
            // Read before sending: an agent's proactive turn can be over (its state disposed) by the time the send returns.
            var byAgent = context.TurnState.Get<object>(FacebookAdapter.OutboundKindKey) is OutboundKind.HumanAgent;
            var responses = await nextSend().ConfigureAwait(false);
            foreach (var activity in activities.Where(a => a.Type == ActivityTypes.Message))
            {
                var channelId = activity.ChannelId ?? context.Activity.ChannelId;
                var userId = activity.Recipient?.Id ?? context.Activity.From?.Id;
                if (!CustomerKey.IsValidId(channelId) || !CustomerKey.IsValidId(userId)) continue;
                if (byAgent)
                    activity.Properties[AgentProperty] = SendingAgent.Value ?? activity.From?.Name ?? "agent";
                await TryAppendAsync(channelId, userId!, false, route, activity, cancellationToken).ConfigureAwait(false);
                touched.Add((channelId, userId!));
            }
            return responses;
        });

        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var (channelId, userId) in touched) events.Publish(channelId, userId);
        }
    }

    private async Task TryAppendAsync(string channelId, string userId, bool isInbound, string route, Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            await transcript.AppendAsync(channelId, userId, isInbound, route, time.GetUtcNow(), activity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not record a {Direction} message for {ChannelId}/{UserId} in the console transcript", isInbound ? "inbound" : "outbound", channelId, userId);
        }
    }
}
