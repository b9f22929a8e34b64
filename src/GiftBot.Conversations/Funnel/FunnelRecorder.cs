using GiftBot.Customers.Context;
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
    private readonly ICustomerContextStore? _customers;

    public FunnelRecorder(IFunnelEventStore store, TimeProvider clock, ILogger<FunnelRecorder> logger, ICustomerContextStore? customers = null)
    {
        _store = store;
        _clock = clock;
        _logger = logger;
        _customers = customers;
    }

    public Task RecordAsync(ITurnContext turnContext, string kind, CancellationToken cancellationToken) =>
        RecordAsync(turnContext, kind, new Dictionary<string, string>(), cancellationToken);

    public async Task RecordAsync(ITurnContext turnContext, string kind, IReadOnlyDictionary<string, string> properties, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        await RecordAsync(new FunnelEvent
        {
            Kind = kind,
            ChannelId = activity.ChannelId ?? "unknown",
            ConversationId = activity.Conversation?.Id ?? "unknown",
            UserId = activity.From?.Id,
            Properties = properties,
            Timestamp = _clock.GetUtcNow(),
            EntrySource = await EntrySourceAsync(activity.ChannelId, activity.From?.Id, cancellationToken),
        }, cancellationToken);
    }

    // How the person first came in, for the daily figures per entry source; the turn's unit of work already holds the card.
    private async Task<string?> EntrySourceAsync(string? channelId, string? userId, CancellationToken cancellationToken)
    {
        if (_customers is null || !CustomerKey.IsValidId(channelId) || !CustomerKey.IsValidId(userId))
        {
            return null;
        }

        try
        {
            return (await _customers.GetAsync(channelId!, userId!, cancellationToken))?.FirstEntry?.Source;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogDebug(ex, "No entry source for a funnel event: the customer card could not be read");
            return null;
        }
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
