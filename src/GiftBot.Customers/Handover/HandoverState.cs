using GiftBot.Storage;
using GiftBot.Customers.Context;
using Microsoft.Extensions.Logging;

namespace GiftBot.Customers.Handover;

public sealed class HandoverState(ICustomerContextStore store, TimeProvider time, ILogger<HandoverState> logger) : IHandoverState
{
    public async Task<HandoverSnapshot> GetAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var context = await store.GetAsync(channelId, userId, cancellationToken).ConfigureAwait(false);
        return HandoverSnapshot.Of(context?.Handover);
    }

    public async Task<HandoverSnapshot> SetAsync(
        string channelId, string userId, HandoverStatus status, string? ownerAppId, string? agentId, CancellationToken cancellationToken)
    {
        var previous = HandoverStatus.BotOwns;
        var context = await store.UpdateAsync(channelId, userId, c =>
        {
            previous = c.Handover.Status;
            return c.SetHandover(status, time.GetUtcNow(), ownerAppId, agentId);
        }, createIfMissing: true, cancellationToken).ConfigureAwait(false);

        if (previous != status)
        {
            logger.LogInformation("Handover for {ChannelId}/{Person}: {Previous} -> {Status} (app {OwnerAppId}, agent {AgentId})", channelId, LoggedIds.Person(userId), previous, status, ownerAppId, agentId);
        }

        return HandoverSnapshot.Of(context?.Handover);
    }

    public Task RecordAgentActivityAsync(string channelId, string userId, CancellationToken cancellationToken) =>
        store.UpdateAsync(channelId, userId, c =>
        {
            c.Handover.LastAgentActivityAt = time.GetUtcNow();
            return true;
        }, createIfMissing: false, cancellationToken);
}
