using GiftBot.Storage;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.Basket;

/// <summary>
/// "Empty your basket?" stays open for the shopper's next message only (ConversationState "EmptyBasketQuestion"), so
/// a typed "yes" or "no" answers it as its buttons do; any other message closes it unanswered.
/// </summary>
public sealed class EmptyBasketQuestion(ConversationState conversationState)
{
    private readonly IStatePropertyAccessor<OpenQuestion> _property = conversationState.CreateTrackedProperty<OpenQuestion>(nameof(EmptyBasketQuestion));

    public Task AskedAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        _property.SetAsync(turnContext, new OpenQuestion { Open = true }, cancellationToken);

    /// <summary>Whether the question was open when this message came; it is closed either way.</summary>
    public async Task<bool> CloseAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        // Most conversations were never asked: the turn's loaded state says so at once, and no entry is added to it.
        if (conversationState.GetCachedState(turnContext)?.State is { } loaded && !loaded.ContainsKey(nameof(EmptyBasketQuestion))) return false;
        var question = await _property.GetAsync(turnContext, null, cancellationToken);
        if (question is not { Open: true }) return false;
        await _property.DeleteAsync(turnContext, cancellationToken);
        return true;
    }

    public sealed class OpenQuestion
    {
        public bool Open { get; set; }
    }
}
