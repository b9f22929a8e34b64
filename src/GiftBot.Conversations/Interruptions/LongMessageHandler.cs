using GiftBot.Conversations.Text;
using GiftBot.Conversations.Understanding;
using GiftBot.Language;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.Interruptions;

/// <summary>
/// A message far longer than anyone writes to a shop assistant (a pasted email, a log) is not read for a gift request
/// or a FAQ: a few of its thousands of words used to pick an answer at random (the gift-wrap FAQ for a pasted email).
/// The shopper is asked to say it in a sentence or two, or to pass it to a person, who can read it whole; inside a
/// dialog its question is asked again.
/// </summary>
public sealed class LongMessageHandler(BotVoice voice) : IInterruptionHandler
{
    public async Task<bool> TryHandleAsync(ITurnContext turnContext, PayloadCommand? command, ShopperUnderstanding understanding, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (command is not null || activity.Type != ActivityTypes.Message || !TurnUnderstanding.IsTooLong(activity.Text)) return false;
        await turnContext.SendActivityAsync(QuickReplies.Message(turnContext, voice.Line(turnContext, CommonText.TooLong),
        [
            QuickReplies.Command(voice.Line(turnContext, CommonText.FindGift), Payloads.FindGift),
            QuickReplies.Command(voice.Line(turnContext, CommonText.TalkToHuman), Payloads.TalkToHuman),
        ]), cancellationToken);
        return true;
    }
}
