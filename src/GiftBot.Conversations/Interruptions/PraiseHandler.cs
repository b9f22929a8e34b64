using GiftBot.Conversations.Text;
using GiftBot.Language;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.Interruptions;

/// <summary>
/// "great bot", "you're a star" while a question waits: praise is about the bot, not an answer (it was read as the robots
/// or space interest, or "I didn't catch an interest I know"). Thanked briefly; the question waiting is asked again.
/// Praise that also says who, how old or what they love ("thanks! she's 7") is an answer and is not taken here.
/// </summary>
public sealed class PraiseHandler(BotVoice voice) : IInterruptionHandler
{
    public const string ThanksKey = "persona.praised";

    public async Task<bool> TryHandleAsync(ITurnContext turnContext, PayloadCommand? command, ShopperUnderstanding understanding, CancellationToken cancellationToken)
    {
        if (command is not null || understanding.Intent != GiftIntents.Thanks || understanding.HasGiftSlots) return false;
        await turnContext.SendActivityAsync(MessageFactory.Text(voice.Line(turnContext, ThanksKey)), cancellationToken);
        return true;
    }
}
