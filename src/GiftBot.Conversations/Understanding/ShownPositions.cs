using GiftBot.Conversations.Text;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.Understanding;

/// <summary>
/// Which card of the last carousel typed words point at by its place: "the second one", "the last one", or "it" /
/// "that one" when the carousel had a single card. The words are content (main.shownPositions).
/// </summary>
public static class ShownPositions
{
    // A carousel has at most 10 cards.
    private const int MaxPositions = 10;

    /// <summary>The index (0 first) of the card the text names by its place among <paramref name="shownCount"/> cards, or null.</summary>
    public static int? Named(ITurnContext turnContext, BotVoice voice, string? text, int shownCount)
    {
        if (shownCount == 0 || string.IsNullOrWhiteSpace(text)) return null;
        for (var position = 1; position <= Math.Min(shownCount, MaxPositions); position++)
        {
            if (AnswerWords.Matches(text, voice.List(turnContext, CommonText.ShownPosition(position)))) return position - 1;
        }
        if (AnswerWords.Matches(text, voice.List(turnContext, CommonText.LastShown))) return shownCount - 1;
        return shownCount == 1 && PointsAtOne(turnContext, voice, text) ? 0 : null;
    }

    /// <summary>True when the text says "it", "that one" ... without saying which card.</summary>
    public static bool PointsAtOne(ITurnContext turnContext, BotVoice voice, string? text) =>
        AnswerWords.Matches(text, voice.List(turnContext, CommonText.ShownThisOne));
}
