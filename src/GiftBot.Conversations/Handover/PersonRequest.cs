using GiftBot.Conversations.Away;
using GiftBot.Conversations.Funnel;
using GiftBot.Conversations.State;
using GiftBot.Storage;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.Handover;

/// <summary>
/// The shopper wants a person (asked for one, or gave what the team needs to act): in opening hours the conversation
/// goes to people; outside them the away message says when the team is back, the request joins the waiting queue and
/// the bot keeps helping until the team opens.
/// </summary>
public sealed class PersonRequest(AwayNotices away, HumanHandover handover, AssistantAccessors accessors, FunnelRecorder funnel)
{
    public async Task RequestAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var open = away.IsOpenNow();
        await funnel.RecordAsync(turnContext, FunnelEventKinds.HandoverRequested,
            new Dictionary<string, string> { ["outcome"] = open ? "handed_over" : "away" }, cancellationToken);
        if (open)
        {
            await handover.HandOverAsync(turnContext, cancellationToken);
            return;
        }
        // When this message already got the away notice (the first of a closed period), only the waiting is said.
        await handover.WaitForTeamAsync(turnContext, cancellationToken);
        var data = await accessors.GetUserDataAsync(turnContext, cancellationToken);
        if (!await away.SendAwayForPersonAsync(turnContext, data, cancellationToken))
            await handover.SayWaitingForTeamAsync(turnContext, cancellationToken);
    }
}
