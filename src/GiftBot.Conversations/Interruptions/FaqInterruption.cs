using GiftBot.Conversations.Text;
using GiftBot.Language;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.Interruptions;

/// <summary>
/// A frequently-asked question ("when do you ship?", FAQ:&lt;id&gt; buttons). Until the FAQ feature answers from the FAQ
/// content, this placeholder says a person can answer and offers to pass the shopper on.
/// </summary>
public sealed class FaqInterruption : IInterruptionHandler
{
    public const string UnavailableKey = "main.faqUnavailable";
    private readonly BotVoice _voice;

    public FaqInterruption(BotVoice voice) => _voice = voice;

    public async Task<bool> TryHandleAsync(ITurnContext turnContext, PayloadCommand? command, ShopperUnderstanding understanding, CancellationToken cancellationToken)
    {
        if (command?.Name != Payloads.Faq && (command is not null || understanding.Intent != GiftIntents.Faq)) return false;
        await turnContext.SendActivityAsync(QuickReplies.Message(turnContext, _voice.Line(turnContext, UnavailableKey),
            [QuickReplies.Command(_voice.Line(turnContext, Main.MainText.TalkToHuman), Payloads.TalkToHuman)]), cancellationToken);
        return true;
    }
}
