using GiftBot.Conversations.State;
using GiftBot.Conversations.Text;
using GiftBot.Conversations.Interruptions;
using GiftBot.Language;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.Handover;

/// <summary>"Can I talk to someone?" (intent, TALK_TO_HUMAN button or menu item) at any point: see <see cref="PersonRequest"/>.</summary>
public sealed class TalkToHumanHandler(PersonRequest persons) : IInterruptionHandler
{
    public async Task<bool> TryHandleAsync(ITurnContext turnContext, PayloadCommand? command, ShopperUnderstanding understanding, CancellationToken cancellationToken)
    {
        var asked = command is null ? understanding.Intent == GiftIntents.TalkToHuman : command.Name == Payloads.TalkToHuman;
        if (!asked) return false;
        TurnFacts.Of(turnContext).Intent = GiftIntents.TalkToHuman;
        await persons.RequestAsync(turnContext, cancellationToken);
        return true;
    }
}
