using Microsoft.Bot.Connector;
using GiftBot.Customers.Handover;
using GiftBot.Customers.Window;
using GiftBot.Messenger.Adapter;
using GiftBot.Messenger.Inbound;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GiftBot.Messenger.AgentMessages;

/// <summary>
/// Sends a human agent's message to a Messenger person through the adapter: RESPONSE inside 24 hours of the person's
/// last interaction, MESSAGE_TAG HUMAN_AGENT up to 7 days after their last message, refused (typed exception, no Graph
/// call) after that. Restarts the handover idle clock, so the bot does not take the thread back from an active agent.
/// </summary>
public sealed class MessengerAgentMessages(
    FacebookAdapter adapter, IOutboundGuard guard, IHandoverState handover, IOptionsMonitor<FacebookOptions> options, ILogger<MessengerAgentMessages> logger)
{
    /// <exception cref="OutboundRefusedException">The window is closed; nothing was sent.</exception>
    public async Task<AgentMessageResult> SendAsync(string psid, string text, string? agent, CancellationToken cancellationToken)
    {
        var decision = await guard.CheckAsync(Channels.Facebook, psid, OutboundKind.HumanAgent, null, cancellationToken);
        var pageId = options.CurrentValue.PageId ?? "";
        var reference = new ConversationReference
        {
            ChannelId = Channels.Facebook,
            User = new ChannelAccount(psid),
            Bot = new ChannelAccount(pageId),
            Conversation = new ConversationAccount(id: psid),
        };
        string? messageId = null;
        await adapter.ContinueConversationAsync(options.CurrentValue.AppId ?? "", reference, async (turn, ct) =>
        {
            turn.TurnState.Add(FacebookAdapter.OutboundKindKey, (object)OutboundKind.HumanAgent);
            var reply = MessageFactory.Text(text);
            if (!string.IsNullOrWhiteSpace(agent)) reply.From = new ChannelAccount(pageId, agent);
            messageId = (await turn.SendActivityAsync(reply, ct))?.Id;
        }, cancellationToken);
        await handover.RecordAgentActivityAsync(Channels.Facebook, psid, cancellationToken);
        logger.LogInformation("Agent message sent on Messenger as {MessagingType} (tag {Tag})", decision.MessagingType, decision.Tag ?? "none");
        return new AgentMessageResult(messageId, decision.MessagingType, decision.Tag);
    }
}

public sealed record AgentMessageResult(string? MessageId, string MessagingType, string? Tag);
