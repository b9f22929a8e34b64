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
    /// <summary>The id of the last carousel's product the shopper asks for more like, or null when the text names none.</summary>
    public static string? MoreLikeRequested(ITurnContext turnContext, BotVoice voice, IReadOnlyList<string> shown)
    {
        var text = turnContext.Activity.Text;
        if (shown.Count == 0 || !AnswerWords.Matches(text, voice.List(turnContext, RecommendText.MoreLikeAsks))) return null;
        return ShownPositions.Named(turnContext, voice, text, shown.Count) is { } index ? shown[index] : null;
    }
}
