namespace GiftBot.Customers.Handover;

/// <summary>
/// Told when an agent changes a person's handover state through the agent API, so the channel can follow
/// (on Messenger: take thread control back from the Page inbox when released to the bot). Register any number.
/// </summary>
public interface IHandoverChangeListener
{
    Task OnAgentChangedHandoverAsync(HandoverChange change, CancellationToken cancellationToken);
}

public sealed record HandoverChange(string ChannelId, string UserId, HandoverSnapshot Previous, HandoverSnapshot Current);
