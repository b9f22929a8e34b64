using GiftBot.Storage;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.State;

/// <summary>What the Page's automations remember about a person (UserState: survives new conversations and restarts).</summary>
public sealed class AssistantUserData
{
    /// <summary>The person's first message has been seen (and answered with the instant reply when that was on).</summary>
    public bool InstantReplyDone { get; set; }

    /// <summary>The away message was sent for the closed period that ends at this moment (the next opening).</summary>
    public DateTimeOffset? AwayNoticeUntil { get; set; }

    /// <summary>The profile last written to the person's context card (name|locale|time zone), so it is written only when it changes.</summary>
    public string? RecordedProfile { get; set; }

    /// <summary>The bot last knew that people had the thread: when it gets the thread back it says it is back.</summary>
    public bool PeopleHaveThread { get; set; }
}

/// <summary>What the automations remember about one conversation (ConversationState).</summary>
public sealed class AssistantConversationData
{
    /// <summary>The persona introduced itself in this conversation (join, Get Started or a first "hi").</summary>
    public bool Welcomed { get; set; }

    /// <summary>A follow-up job may exist for this conversation (so turns without a pending question cancel it only then).</summary>
    public bool FollowUpScheduled { get; set; }

    /// <summary>The FAQ entry whose answer just asked for a reference (an order number): the next message may be it.</summary>
    public string? AwaitedReferenceFaq { get; set; }
}

/// <summary>The automations' state properties, created tracked so in-place changes are saved with plain-JSON stores.</summary>
public sealed class AssistantAccessors
{
    public AssistantAccessors(ConversationState conversationState, UserState userState)
    {
        ConversationState = conversationState;
        UserState = userState;
        UserData = userState.CreateTrackedProperty<AssistantUserData>("Assistant");
        ConversationData = conversationState.CreateTrackedProperty<AssistantConversationData>("Assistant");
    }

    public ConversationState ConversationState { get; }
    public UserState UserState { get; }
    public IStatePropertyAccessor<AssistantUserData> UserData { get; }
    public IStatePropertyAccessor<AssistantConversationData> ConversationData { get; }

    public Task<AssistantUserData> GetUserDataAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        UserData.GetAsync(turnContext, () => new AssistantUserData(), cancellationToken);

    public Task<AssistantConversationData> GetConversationDataAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        ConversationData.GetAsync(turnContext, () => new AssistantConversationData(), cancellationToken);

    public async Task SaveAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await ConversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await UserState.SaveChangesAsync(turnContext, false, cancellationToken);
    }
}
