using GiftBot.Storage;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.GiftFinder;

/// <summary>The conversation's current gift search (ConversationState "GiftSearch": reset with the conversation).</summary>
public sealed class GiftSearches(ConversationState conversationState)
{
    private readonly IStatePropertyAccessor<GiftSearch> _property = conversationState.CreateTrackedProperty<GiftSearch>(nameof(GiftSearch));

    public Task<GiftSearch> GetAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        _property.GetAsync(turnContext, () => new GiftSearch(), cancellationToken);

    public Task SetAsync(ITurnContext turnContext, GiftSearch search, CancellationToken cancellationToken) =>
        _property.SetAsync(turnContext, search, cancellationToken);
}
