using GiftBot.Customers.Context;

namespace GiftBot.Customers.Handover;

/// <summary>
/// Who answers a person right now, shared by the conversations (the bot stays silent while a human owns the thread)
/// and the Messenger layer (pass/take thread control, standby events). Backed by the customer context.
/// </summary>
public interface IHandoverState
{
    /// <summary>The person's state; <see cref="HandoverStatus.BotOwns"/> for someone unknown.</summary>
    Task<HandoverSnapshot> GetAsync(string channelId, string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the thread to <paramref name="status"/>. "Since" changes only when the status does; <paramref name="ownerAppId"/>
    /// and <paramref name="agentId"/> are kept when null.
    /// </summary>
    Task<HandoverSnapshot> SetAsync(string channelId, string userId, HandoverStatus status, string? ownerAppId, string? agentId, CancellationToken cancellationToken);

    /// <summary>A human did something in the thread (sent a message through GiftBot, replied in the Page inbox): restarts the idle clock.</summary>
    Task RecordAgentActivityAsync(string channelId, string userId, CancellationToken cancellationToken);
}

public sealed record HandoverSnapshot(HandoverStatus Status, DateTimeOffset? Since, string? OwnerAppId, string? AgentId, DateTimeOffset? LastAgentActivityAt)
{
    public static readonly HandoverSnapshot BotOwns = new(HandoverStatus.BotOwns, null, null, null, null);

    /// <summary>True while people (not the bot) have the thread.</summary>
    public bool BotMustStaySilent => Status != HandoverStatus.BotOwns;

    /// <summary>
    /// People have the thread (waiting or owning) and no human has acted for <paramref name="timeout"/>, counted from the
    /// later of the hand-over and the last agent activity: time for the bot to take the thread back politely.
    /// </summary>
    public bool IsHumanIdle(DateTimeOffset now, TimeSpan timeout)
    {
        if (Status == HandoverStatus.BotOwns)
        {
            return false;
        }

        var lastHumanSide = LastAgentActivityAt > Since ? LastAgentActivityAt : Since;
        return lastHumanSide is null || now - lastHumanSide.Value >= timeout;
    }

    public static HandoverSnapshot Of(HandoverInfo? info) => info is null
        ? BotOwns
        : new HandoverSnapshot(info.Status, info.Since, info.OwnerAppId, info.AgentId, info.LastAgentActivityAt);
}
