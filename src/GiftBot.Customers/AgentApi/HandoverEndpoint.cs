using GiftBot.Storage;
using GiftBot.Customers.Context;
using GiftBot.Customers.Handover;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GiftBot.Customers.AgentApi;

/// <summary>POST /customers/{channelId}/{userId}/handover: an agent releases a person to the bot, marks them waiting, or takes them.</summary>
internal static class HandoverEndpoint
{
    public static async Task<IResult> ChangeAsync(
        string channelId, string userId, HttpRequest request, AgentRequestServices services, IHandoverState handover,
        IEnumerable<IHandoverChangeListener> listeners, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!CustomerKey.IsValidId(channelId) || !CustomerKey.IsValidId(userId))
        {
            return Problems.InvalidIds();
        }

        var (body, problem) = await JsonBody.ReadAsync<HandoverRequest>(request, services.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (!HandoverStatuses.TryParse(body!.Status, out var status))
        {
            return Problems.BadRequest($"\"status\" must be one of: {HandoverStatuses.Allowed}.");
        }

        var agent = string.IsNullOrWhiteSpace(body.Agent) ? null : body.Agent.Trim();
        if (agent is not null && !AgentWriteEndpoints.IsValidAgentName(agent))
        {
            return Problems.BadRequest($"\"agent\" must be at most {AgentWriteEndpoints.MaxAgentNameLength} characters without control characters.");
        }

        var existing = await services.Store.GetAsync(channelId, userId, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return Problems.UnknownCustomer(channelId, userId);
        }

        var previous = HandoverSnapshot.Of(existing.Handover);
        var current = await handover.SetAsync(channelId, userId, status, ownerAppId: null, agentId: agent, cancellationToken).ConfigureAwait(false);
        if (previous.Status != current.Status)
        {
            var logger = loggers.CreateLogger(typeof(HandoverEndpoint).FullName!);
            foreach (var listener in listeners)
            {
                try
                {
                    await listener.OnAgentChangedHandoverAsync(new HandoverChange(channelId, userId, previous, current), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "Handover of {ChannelId}/{Person} changed to {Status} but {Listener} could not follow", channelId, LoggedIds.Person(userId), status, listener.GetType().Name);
                    return Problems.Create(StatusCodes.Status502BadGateway, "Channel not updated",
                        $"The handover state is now {current.Status}, but the channel could not be told; try again.");
                }
            }
        }

        return Results.Json(current, AgentJson.Options);
    }
}
