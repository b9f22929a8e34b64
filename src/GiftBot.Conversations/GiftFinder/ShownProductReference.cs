using GiftBot.Conversations.Text;
using GiftBot.Conversations.Understanding;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.GiftFinder;

/// <summary>
/// A typed request for products like one card of the last carousel ("more like the second one", "similar to the last
/// one"): what the card's "More like this" button does, for shoppers who write instead of tapping.
/// </summary>
public static class ShownProductReference
{
    // The words for each card's place are content (recommend.shownPositions.1, .2, ...); a carousel has at most 10 cards.
    private const int MaxPositions = 10;

    /// <summary>The id of the last carousel's product the shopper asks for more like, or null when the text names none.</summary>
    public static string? MoreLikeRequested(ITurnContext turnContext, BotVoice voice, GiftSearch search)
    {
        var text = turnContext.Activity.Text;
        var shown = search.LastShownProductIds;
        if (shown.Count == 0 || string.IsNullOrWhiteSpace(text)) return null;
        if (!AnswerWords.Matches(text, voice.List(turnContext, RecommendText.MoreLikeAsks))) return null;

        for (var position = 1; position <= Math.Min(shown.Count, MaxPositions); position++)
        {
            if (AnswerWords.Matches(text, voice.List(turnContext, RecommendText.ShownPosition(position)))) return shown[position - 1];
        }
        return AnswerWords.Matches(text, voice.List(turnContext, RecommendText.LastShown)) ? shown[^1] : null;
    }
}
