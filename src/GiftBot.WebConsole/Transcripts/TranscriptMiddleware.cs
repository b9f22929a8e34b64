using GiftBot.Customers.Context;
using GiftBot.Customers.Window;
using GiftBot.Dialogs;
using GiftBot.Messenger.Adapter;
using GiftBot.Storage;
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
        // The turn's messages are written together when it ends: one write a turn instead of one per message, each of
        // which waited for its own commit while the shopper waited for the reply.
        var pending = new TurnMessages();
        if (inbound.Type == ActivityTypes.Message && CustomerKey.IsValidId(inbound.ChannelId) && CustomerKey.IsValidId(inbound.From?.Id))
        {
            pending.Add(new TranscriptAppend(inbound.ChannelId, inbound.From!.Id, true, route, time.GetUtcNow(), inbound));
        }

        turnContext.OnSendActivities(async (context, activities, nextSend) =>
        {
            // Read before sending: an agent's proactive turn can be over (its state disposed) by the time the send returns.
            var byAgent = context.TurnState.Get<object>(FacebookAdapter.OutboundKindKey) is OutboundKind.HumanAgent;
            var responses = await nextSend().ConfigureAwait(false);
            var sent = new List<TranscriptAppend>();
            foreach (var activity in activities.Where(a => a.Type == ActivityTypes.Message))
            {
                var channelId = activity.ChannelId ?? context.Activity.ChannelId;
                var userId = activity.Recipient?.Id ?? context.Activity.From?.Id;
                if (!CustomerKey.IsValidId(channelId) || !CustomerKey.IsValidId(userId)) continue;
                if (byAgent)
                    activity.Properties[AgentProperty] = SendingAgent.Value ?? activity.From?.Name ?? "agent";
                // A reply stores the JSON it was sent as, when its sender kept it (an agent's reply gains its name after the send).
                var sentJson = byAgent ? null : SentActivityJson.Of(activity);
                sent.Add(new TranscriptAppend(channelId, userId!, false, route, time.GetUtcNow(), activity, sentJson));
            }
            // A send that finishes after its turn was recorded is written on its own.
            if (!pending.AddAll(sent)) await RecordAsync(sent, cancellationToken).ConfigureAwait(false);
            return responses;
        });

        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            var recording = RecordAsync(pending.Close(), cancellationToken);
            // Inside a turn's unit of work the write is queued now and awaited after the unit's commit, so both can share a batch.
            if (UnitOfWork.Current is { } unit) unit.FinishWith(recording);
            else await recording.ConfigureAwait(false);
        }
    }

    // A store failure is logged, never the turn's; open console pages hear about the people whose transcript changed.
    private async Task RecordAsync(IReadOnlyList<TranscriptAppend> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0) return;
        try
        {
            await transcript.AppendAllAsync(messages, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not record {Count} message(s) for {ChannelId}/{Person} in the console transcript", messages.Count, messages[0].ChannelId, LoggedIds.Person(messages[0].UserId));
        }
        finally
        {
            foreach (var (channelId, userId) in messages.Select(m => (m.ChannelId, m.UserId)).Distinct()) events.Publish(channelId, userId);
        }
    }

    // The messages of one turn, in order; closed when the turn ends.
    private sealed class TurnMessages
    {
        private readonly List<TranscriptAppend> _messages = [];
        private bool _closed;

        public void Add(TranscriptAppend message) => AddAll([message]);

        public bool AddAll(IEnumerable<TranscriptAppend> messages)
        {
            lock (_messages)
            {
                if (_closed) return false;
                _messages.AddRange(messages);
                return true;
            }
        }

        public IReadOnlyList<TranscriptAppend> Close()
        {
            lock (_messages)
            {
                _closed = true;
                return _messages.ToList();
            }
        }
    }
}
