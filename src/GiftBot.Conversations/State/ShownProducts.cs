using GiftBot.Storage;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.State;

/// <summary>
/// The products the shopper saw (ConversationState "ShownProducts"): the last carousel in card order, which a card's
/// place points at ("more like the second one", "add the last one"), and the cards of earlier carousels, which a name
/// may still point at ("add the coffee box" after "cheaper" showed other cards). The gift finder writes it; any feature
/// may read it. It outlives a new search on purpose: the old cards are still on the shopper's screen until new ones come.
/// </summary>
public sealed class ShownProducts(ConversationState conversationState)
{
    // Enough for the few carousels a shopper scrolls back through; the state stays small.
    private const int MaxEarlier = 20;

    private readonly IStatePropertyAccessor<ShownCarousel> _property = conversationState.CreateTrackedProperty<ShownCarousel>(nameof(ShownProducts));

    /// <summary>The product ids of the last carousel, first card first; empty before any.</summary>
    public async Task<IReadOnlyList<string>> LastAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        (await _property.GetAsync(turnContext, () => new ShownCarousel(), cancellationToken)).ProductIds;

    /// <summary>The last carousel's ids, then those of earlier carousels, the most recently shown first.</summary>
    public async Task<IReadOnlyList<string>> RecentAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var shown = await _property.GetAsync(turnContext, () => new ShownCarousel(), cancellationToken);
        return shown.Earlier.Count == 0 ? shown.ProductIds : [.. shown.ProductIds, .. shown.Earlier];
    }

    /// <summary>
    /// The card of the last carousel the shopper last asked about by its place ("tell me more about the second one"),
    /// which "it" then means ("add it", "is it in stock?"); null before any, and again once another carousel comes.
    /// </summary>
    public async Task<string?> InFocusAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var shown = await _property.GetAsync(turnContext, () => new ShownCarousel(), cancellationToken);
        return shown.InFocus is { } id && shown.ProductIds.Contains(id) ? id : null;
    }

    public async Task FocusAsync(ITurnContext turnContext, string productId, CancellationToken cancellationToken) =>
        (await _property.GetAsync(turnContext, () => new ShownCarousel(), cancellationToken)).InFocus = productId;

    public async Task RememberAsync(ITurnContext turnContext, IEnumerable<string> productIds, CancellationToken cancellationToken)
    {
        var previous = await _property.GetAsync(turnContext, () => new ShownCarousel(), cancellationToken);
        var last = productIds.ToList();
        var earlier = previous.ProductIds.Concat(previous.Earlier).Where(id => !last.Contains(id)).Distinct().Take(MaxEarlier).ToList();
        await _property.SetAsync(turnContext, new ShownCarousel { ProductIds = last, Earlier = earlier }, cancellationToken);
    }
}

public sealed class ShownCarousel
{
    public List<string> ProductIds { get; set; } = [];

    /// <summary>Cards of earlier carousels, not in the last one, the most recently shown first.</summary>
    public List<string> Earlier { get; set; } = [];

    /// <summary>A card of <see cref="ProductIds"/> last asked about by its place; a new carousel starts without one.</summary>
    public string? InFocus { get; set; }
}
