using GiftBot.Customers.Context;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.Handover;

/// <summary>
/// The channel's way of giving the person of this turn to people. On Messenger the host implements it with
/// pass_thread_control to <see cref="HandoverOptions.TargetAppId"/> (the Page Inbox by default) and returns
/// <see cref="HandoverStatus.HumanOwns"/> with that app; elsewhere <see cref="WaitingForAgentHandoff"/> leaves the
/// conversation waiting for an agent, who takes it through the agent API. The caller records the returned state.
/// Throw when the channel refused: the conversation is then marked as waiting for an agent anyway.
/// </summary>
public interface IHumanHandoff
{
    Task<HandoffResult> PassToHumanAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}

/// <param name="Status">Who has the thread now: waiting for an agent, or a human inbox app.</param>
/// <param name="OwnerAppId">The app that owns the thread now, when the channel has such a notion.</param>
public sealed record HandoffResult(HandoverStatus Status, string? OwnerAppId = null)
{
    public static HandoffResult WaitingForAgent { get; } = new(HandoverStatus.WaitingForAgent);
}

/// <summary>Channels without a human inbox of their own (Emulator, Web Chat): the conversation waits for an agent.</summary>
public sealed class WaitingForAgentHandoff : IHumanHandoff
{
    public Task<HandoffResult> PassToHumanAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.FromResult(HandoffResult.WaitingForAgent);
}
