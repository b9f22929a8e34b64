using GiftBot.Conversations.Text;
using GiftBot.Conversations.Understanding;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.GiftFinder;

/// <summary>
/// A like or a word of praise after a carousel ("👍", Messenger's like sticker, "nice ones", "these look great") says the
/// shopper likes the ideas: answered with a short acknowledgement and the ways on (basket, more ideas), not with "Another
/// gift for ...?" nor "I didn't get that". The words are content (recommend.acknowledgementWords and ...Fillers).
/// </summary>
public sealed class CarouselAcknowledgement(BotVoice voice)
{
    /// <summary>True when every word or emoji of the message is praise or a word around it, and one at least is praise.</summary>
    public bool Acknowledges(ITurnContext turnContext, GiftSearch search)
    {
        if (!search.HasShownRecommendations) return false;
        var tokens = AnswerWords.WordsAndEmoji(turnContext.Activity.Text);
        var praise = Set(turnContext, RecommendText.AcknowledgementWords);
        var fillers = Set(turnContext, RecommendText.AcknowledgementFillers);
        return tokens.Any(praise.Contains) && tokens.All(t => praise.Contains(t) || fillers.Contains(t));
    }

    public Task AnswerAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(QuickReplies.Message(turnContext, voice.Line(turnContext, RecommendText.Acknowledged),
        [
            QuickReplies.Command(voice.Line(turnContext, CommonText.ViewBasket), Payloads.ViewBasket),
            QuickReplies.Command(voice.Line(turnContext, RecommendText.ShowMore), Payloads.ShowMore),
            QuickReplies.Command(voice.Line(turnContext, RecommendText.Cheaper), Payloads.Cheaper),
            QuickReplies.Command(voice.Line(turnContext, RecommendText.DifferentInterests), Payloads.DifferentInterests),
        ]), cancellationToken);

    private HashSet<string> Set(ITurnContext turnContext, string key) =>
        voice.List(turnContext, key).SelectMany(AnswerWords.WordsAndEmoji).ToHashSet(StringComparer.Ordinal);
}
