using Microsoft.Bot.Connector;
using GiftBot.Customers.Context;
using GiftBot.Customers.Handover;
using GiftBot.Messenger.Users;

namespace GiftBot.Messenger.Handover;

/// <summary>
/// When an agent releases a Messenger person to the bot through the agent API, take thread control back from the Page
/// inbox, so Meta delivers the person's messages to the bot again. A failure reaches the agent API as 502 ("try again").
/// </summary>
public sealed class TakeBackOnAgentRelease(MessengerHandover handover) : IHandoverChangeListener
{
    public async Task OnAgentChangedHandoverAsync(HandoverChange change, CancellationToken cancellationToken)
    {
        if (change.ChannelId != Channels.Facebook || change.Current.Status != HandoverStatus.BotOwns) return;
        await handover.TakeThreadControlAsync(change.UserId, "released by an agent", cancellationToken);
    }
}
