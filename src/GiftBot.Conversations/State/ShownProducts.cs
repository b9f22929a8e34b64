using GiftBot.Storage;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.State;

/// <summary>
/// The last carousel of products the shopper saw (ConversationState "ShownProducts"), in card order: what typed words
/// point at ("more like the second one", "add the last one"). The gift finder writes it; any feature may read it.
/// It outlives a new search on purpose: the old cards are still on the shopper's screen until new ones come.
/// </summary>
public sealed class ShownProducts(ConversationState conversationState)
{
    private readonly IStatePropertyAccessor<ShownCarousel> _property = conversationState.CreateTrackedProperty<ShownCarousel>(nameof(ShownProducts));

    /// <summary>The product ids of the last carousel, first card first; empty before any.</summary>
    public async Task<IReadOnlyList<string>> LastAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        (await _property.GetAsync(turnContext, () => new ShownCarousel(), cancellationToken)).ProductIds;

    public Task RememberAsync(ITurnContext turnContext, IEnumerable<string> productIds, CancellationToken cancellationToken) =>
        _property.SetAsync(turnContext, new ShownCarousel { ProductIds = productIds.ToList() }, cancellationToken);
}

public sealed class ShownCarousel
{
    public List<string> ProductIds { get; set; } = [];
}
