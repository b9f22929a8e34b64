using GiftBot.Conversations.Funnel;
using GiftBot.Conversations.Text;
using GiftBot.Language;
using GiftBot.Storage;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.Interruptions;

/// <summary>
/// "Can I talk to someone?": tells the shopper a person will reply and records the request. Passing the thread to the
/// page inbox (Messenger handover protocol) belongs to the handover feature, which replaces this handler.
/// </summary>
public sealed class HandoverInterruption : IInterruptionHandler
{
    public const string HandoverKey = "persona.handover";
    private readonly BotVoice _voice;
    private readonly FunnelRecorder _funnel;

    public HandoverInterruption(BotVoice voice, FunnelRecorder funnel)
    {
        _voice = voice;
        _funnel = funnel;
    }

    public async Task<bool> TryHandleAsync(ITurnContext turnContext, PayloadCommand? command, ShopperUnderstanding understanding, CancellationToken cancellationToken)
    {
        if (command?.Name != Payloads.TalkToHuman && (command is not null || understanding.Intent != GiftIntents.TalkToHuman)) return false;
        await turnContext.SendActivityAsync(MessageFactory.Text(_voice.Line(turnContext, HandoverKey)), cancellationToken);
        await _funnel.RecordAsync(turnContext, FunnelEventKinds.HandoverRequested, cancellationToken);
        return true;
    }
}
