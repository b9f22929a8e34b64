using System.Collections.Concurrent;
using GiftBot.Conversations.FollowUps;
using GiftBot.Conversations.Greeting;
using GiftBot.Conversations.Handover;
using GiftBot.Customers.Context;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.Tests.Automations;

/// <summary>Records what a channel would have delivered outside a turn (the Messenger Send API is tested in its own project).</summary>
public sealed class RecordingProactiveSender : IProactiveSender
{
    private readonly ConcurrentQueue<(ConversationReference Conversation, IActivity Activity)> _sent = new();
    private TaskCompletionSource _firstSend = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<(ConversationReference Conversation, IActivity Activity)> Sent => _sent.ToList();

    /// <summary>Set to make the channel fail (e.g. Bot Connector down).</summary>
    public Exception? Failure { get; set; }

    public Task FirstSend => _firstSend.Task;

    public Task SendAsync(ConversationReference conversation, IActivity activity, CancellationToken cancellationToken)
    {
        if (Failure is not null) throw Failure;
        _sent.Enqueue((conversation, activity));
        _firstSend.TrySetResult();
        return Task.CompletedTask;
    }
}

/// <summary>Records hand-overs and answers like the channel would (Messenger: the Page Inbox owns the thread).</summary>
public sealed class RecordingHumanHandoff : IHumanHandoff
{
    private readonly ConcurrentQueue<string> _conversations = new();

    public HandoffResult Result { get; set; } = HandoffResult.WaitingForAgent;
    public bool Refuse { get; set; }
    public IReadOnlyList<string> Conversations => _conversations.ToList();

    public Task<HandoffResult> PassToHumanAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        _conversations.Enqueue(turnContext.Activity.Conversation.Id);
        if (Refuse) throw new InvalidOperationException("(#10) Handover Protocol APIs disabled for this page.");
        return Task.FromResult(Result);
    }

    public static HandoffResult PageInbox => new(HandoverStatus.HumanOwns, HandoverOptions.PageInboxAppId);
}

/// <summary>A channel that knows the person (like Messenger's User Profile API).</summary>
public sealed class FixedProfileProvider(UserProfile profile) : IUserProfileProvider
{
    public Task<UserProfile> GetProfileAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.FromResult(profile);
}
