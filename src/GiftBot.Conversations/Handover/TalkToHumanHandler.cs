using GiftBot.Conversations.Text;
using GiftBot.Conversations.State;
using GiftBot.Conversations.Away;
using GiftBot.Conversations.Funnel;
using GiftBot.Conversations.Interruptions;
using GiftBot.Language;
using GiftBot.Storage;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.Handover;

/// <summary>
/// "Can I talk to someone?" (intent, TALK_TO_HUMAN button or menu item) at any point: outside opening hours the away
/// message says when the team is back, the request joins the waiting queue and the bot keeps helping until the team
/// opens; inside hours the conversation goes to people.
/// </summary>
public sealed class TalkToHumanHandler : IInterruptionHandler
{
    private readonly AwayNotices _away;
    private readonly HumanHandover _handover;
    private readonly AssistantAccessors _accessors;
    private readonly FunnelRecorder _funnel;

    public TalkToHumanHandler(AwayNotices away, HumanHandover handover, AssistantAccessors accessors, FunnelRecorder funnel)
    {
        (_away, _handover, _accessors, _funnel) = (away, handover, accessors, funnel);
    }

    public async Task<bool> TryHandleAsync(ITurnContext turnContext, PayloadCommand? command, ShopperUnderstanding understanding, CancellationToken cancellationToken)
    {
        var asked = command is null ? understanding.Intent == GiftIntents.TalkToHuman : command.Name == Payloads.TalkToHuman;
        if (!asked) return false;
        TurnFacts.Of(turnContext).Intent = GiftIntents.TalkToHuman;

        var open = _away.IsOpenNow();
        await _funnel.RecordAsync(turnContext, FunnelEventKinds.HandoverRequested,
            new Dictionary<string, string> { ["outcome"] = open ? "handed_over" : "away" }, cancellationToken);
        if (open)
            await _handover.HandOverAsync(turnContext, cancellationToken);
        else
        {
            // Told when the team is back and that the request waits for them; the bot keeps helping meanwhile. When this
            // message already got the away notice (the first of a closed period), only the waiting is said.
            await _handover.WaitForTeamAsync(turnContext, cancellationToken);
            var data = await _accessors.GetUserDataAsync(turnContext, cancellationToken);
            if (!await _away.SendAwayForPersonAsync(turnContext, data, cancellationToken))
                await _handover.SayWaitingForTeamAsync(turnContext, cancellationToken);
        }
        return true;
    }
}
