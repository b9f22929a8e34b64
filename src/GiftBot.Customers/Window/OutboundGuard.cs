using GiftBot.Storage;
using GiftBot.Customers.Context;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GiftBot.Customers.Window;

/// <summary>The one check every message that is not a direct reply goes through before it is sent.</summary>
public interface IOutboundGuard
{
    /// <summary>
    /// How to send a <paramref name="kind"/> message to the person now, or throws an <see cref="OutboundRefusedException"/>
    /// (<see cref="MessagingWindowClosedException"/>, <see cref="RetiredMessageTagException"/>, <see cref="MessageTagNotAllowedException"/>).
    /// </summary>
    Task<OutboundDecision> CheckAsync(string channelId, string userId, OutboundKind kind, string? tag, CancellationToken cancellationToken);
}

/// <summary>Applies <see cref="MessagingWindowPolicy"/> to the person's stored context; refusals are logged with ids only.</summary>
public sealed class OutboundGuard(
    ICustomerContextStore store, MessagingWindowPolicy policy, IOptionsMonitor<CustomersOptions> options, ILogger<OutboundGuard> logger)
    : IOutboundGuard
{
    public async Task<OutboundDecision> CheckAsync(string channelId, string userId, OutboundKind kind, string? tag, CancellationToken cancellationToken)
    {
        DateTimeOffset? lastInteraction = null;
        try
        {
            if (!options.CurrentValue.MessagingWindowChannels.Contains(channelId, StringComparer.OrdinalIgnoreCase))
            {
                return MessagingWindowPolicy.DecideWithoutWindow(kind, tag);
            }

            var context = await store.GetAsync(channelId, userId, cancellationToken).ConfigureAwait(false);
            lastInteraction = context?.LastInteractionAt;
            return policy.Decide(lastInteraction, context?.LastUserMessageAt, kind, tag);
        }
        catch (OutboundRefusedException refusal)
        {
            var reason = refusal is MessagingWindowClosedException closed ? closed.Reason.ToString() : refusal.GetType().Name;
            logger.LogWarning(
                "Refused a {Kind} message to {ChannelId}/{Person} (tag {Tag}): {Reason}; last interaction {LastInteractionAt}",
                kind, channelId, LoggedIds.Person(userId), tag ?? "none", reason, lastInteraction);
            throw;
        }
    }
}
