using GiftBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace GiftBot.Conversations.Funnel;

/// <summary>
/// Records funnel steps for the dashboard. Counting is secondary to the conversation: a failing store is logged
/// and the turn goes on.
/// </summary>
public sealed class FunnelRecorder
{
    private readonly IFunnelEventStore _store;
    private readonly TimeProvider _clock;
    private readonly ILogger<FunnelRecorder> _logger;

    public FunnelRecorder(IFunnelEventStore store, TimeProvider clock, ILogger<FunnelRecorder> logger)
    {
        _store = store;
        _clock = clock;
        _logger = logger;
    }

    public Task RecordAsync(ITurnContext turnContext, string kind, CancellationToken cancellationToken) =>
        RecordAsync(turnContext, kind, new Dictionary<string, string>(), cancellationToken);

    public Task RecordAsync(ITurnContext turnContext, string kind, IReadOnlyDictionary<string, string> properties, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        return RecordAsync(new FunnelEvent
        {
            Kind = kind,
            ChannelId = activity.ChannelId ?? "unknown",
            ConversationId = activity.Conversation?.Id ?? "unknown",
            UserId = activity.From?.Id,
            Properties = properties,
            Timestamp = _clock.GetUtcNow(),
        }, cancellationToken);
    }

    public async Task RecordAsync(FunnelEvent funnelEvent, CancellationToken cancellationToken)
    {
        try
        {
            await _store.RecordAsync(funnelEvent, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Could not record funnel event {FunnelEventKind} on channel {ChannelId}", funnelEvent.Kind, funnelEvent.ChannelId);
        }
    }
}
