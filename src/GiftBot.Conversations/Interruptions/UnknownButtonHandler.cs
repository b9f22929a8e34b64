using GiftBot.Conversations.Text;
using GiftBot.Language;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace GiftBot.Conversations.Interruptions;

/// <summary>
/// A tap on a button this bot does not have (a quick reply from an older version of the content, a persistent-menu
/// item set up in Meta's tools, a payload some other app sent): its UPPER_SNAKE text is no shopper's words, and read as
/// language it was taken for anything, even a request for a person. The shopper hears that the button no longer works
/// and what they can do; inside a dialog its question is asked again. The payload's name is logged for the developer.
/// </summary>
public sealed class UnknownButtonHandler(BotVoice voice, ILogger<UnknownButtonHandler> logger) : IInterruptionHandler
{
    public async Task<bool> TryHandleAsync(ITurnContext turnContext, PayloadCommand? command, ShopperUnderstanding understanding, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (command is not null || activity.Type != ActivityTypes.Message || !Payloads.LooksLikeButton(activity.Text, out var name)) return false;
        logger.LogWarning("Unknown button payload {PayloadName} on channel {ChannelId}: answered as a button that no longer works", name, activity.ChannelId);
        await turnContext.SendActivityAsync(QuickReplies.Message(turnContext, voice.Line(turnContext, CommonText.UnknownButton),
        [
            QuickReplies.Command(voice.Line(turnContext, CommonText.FindGift), Payloads.FindGift),
            QuickReplies.Command(voice.Line(turnContext, CommonText.ViewBasket), Payloads.ViewBasket),
            QuickReplies.Command(voice.Line(turnContext, CommonText.TalkToHuman), Payloads.TalkToHuman),
        ]), cancellationToken);
        return true;
    }
}
