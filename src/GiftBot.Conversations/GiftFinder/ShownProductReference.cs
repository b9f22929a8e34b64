using GiftBot.Catalog;
using GiftBot.Conversations.State;
using GiftBot.Conversations.Text;
using GiftBot.Conversations.Understanding;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.GiftFinder;

/// <summary>
/// A typed request for products like one card, of the last carousel by its place ("more like the second one"), or of
/// any recent carousel by the words of its title ("more like the coffee one"): what the card's "More like this" button
/// does, for shoppers who write instead of tapping.
/// </summary>
public sealed class ShownProductReference(ShownProducts shown, IProductCatalog catalog, BotVoice voice)
{
    /// <summary>The id of the last carousel's product the shopper asks for more like, or null when the text names none.</summary>
    public async Task<string?> MoreLikeRequestedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;
        if (!AnswerWords.Matches(text, voice.List(turnContext, RecommendText.MoreLikeAsks))) return null;
        var shownIds = await shown.LastAsync(turnContext, cancellationToken);
        if (shownIds.Count == 0) return null;
        if (ShownPositions.Named(turnContext, voice, text, shownIds.Count) is { } index) return shownIds[index];

        var cards = new List<Product>();
        foreach (var id in await shown.RecentAsync(turnContext, cancellationToken))
            if (await catalog.GetAsync(id, cancellationToken) is { } product) cards.Add(product);
        var ignored = ProductTitles.WordsOf(new[] { CommonText.TitleFillerWords, RecommendText.MoreLikeAsks }.SelectMany(key => voice.List(turnContext, key))).ToList();
        // Only a bare name counts, every other word the title's: "something like lego for my son" is a new search.
        var named = ProductTitles.NamedOnly(text, cards.Select(c => c.Title).ToList(), ignored);
        return named.Count == 1 ? cards[named[0]].Id : null;
    }
}
