using GiftBot.Storage;
using GiftBot.Customers;
using GiftBot.Customers.Context;
using GiftBot.Customers.Handover;
using GiftBot.Customers.Window;
using GiftBot.Messenger;
using GiftBot.Messenger.Adapter;
using GiftBot.Messenger.AgentMessages;
using GiftBot.Messenger.Graph;
using GiftBot.Messenger.Handover;
using GiftBot.WebConsole.Transcripts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace GiftBot.WebConsole.Inbox;

/// <summary>How an agent's reply would go right now, as the console shows it above the reply box.</summary>
public sealed record ReplyPlan(ReplyMode Mode, string Explanation, DateTimeOffset? Until = null)
{
    public bool CanSend => Mode != ReplyMode.Blocked;
}

public enum ReplyMode
{
    /// <summary>A normal response (RESPONSE on Messenger, a plain message elsewhere).</summary>
    Response,

    /// <summary>Messenger's HUMAN_AGENT tag: after 24 hours, within 7 days of the shopper's last message.</summary>
    HumanAgent,

    Blocked,
}

/// <summary>
/// Sends an agent's reply on the road the shopper's last message came by: the direct Messenger adapter (Send API), or
/// Bot Framework proactive continuation (Messenger through Azure Bot Service, Web Chat, the Emulator). Every reply goes
/// through the outbound guard first; a refusal reaches the agent as a reason, and nothing is sent.
/// </summary>
public sealed class AgentReplies(
    IServiceProvider services, IConversationTranscript transcript, ICustomerContextStore customers, IOutboundGuard guard,
    MessagingWindowPolicy policy, IHandoverState handover, IOptionsMonitor<CustomersOptions> customerOptions,
    IOptionsMonitor<FacebookOptions> facebook, IConfiguration configuration, ILogger<AgentReplies> logger)
{
    public async Task<ReplyPlan> PlanAsync(CustomerContext context, CancellationToken cancellationToken)
    {
        var latest = await transcript.LatestInboundAsync(context.ChannelId, context.UserId, cancellationToken).ConfigureAwait(false);
        var direct = IsDirectMessenger(context.ChannelId, latest);
        if (!direct && latest is null)
            return new(ReplyMode.Blocked, "Cannot send: the shopper has not written since the console started recording, so there is no conversation to continue.");
        if (!customerOptions.CurrentValue.MessagingWindowChannels.Contains(context.ChannelId, StringComparer.OrdinalIgnoreCase))
            return new(ReplyMode.Response, $"Goes as a normal response on {ChannelName(context.ChannelId, latest)} (no messaging window on this channel).");
        try
        {
            var decision = policy.Decide(context.LastInteractionAt, context.LastUserMessageAt, OutboundKind.HumanAgent, null);
            var window = policy.Describe(context.LastInteractionAt, context.LastUserMessageAt);
            return decision.Tag == GiftBot.Customers.Window.MessageTags.HumanAgent
                ? new(ReplyMode.HumanAgent, $"More than 24 hours since the shopper's last message: goes tagged HUMAN_AGENT, allowed until {window.HumanAgentUntil:d MMM HH:mm} UTC.", window.HumanAgentUntil)
                : new(ReplyMode.Response, $"Goes as a normal response (RESPONSE) on {ChannelName(context.ChannelId, latest)}; the 24-hour window is open until {window.ClosesAt:d MMM HH:mm} UTC.", window.ClosesAt);
        }
        catch (MessagingWindowClosedException closed)
        {
            return new(ReplyMode.Blocked, closed.Reason switch
            {
                WindowClosedReason.HumanAgentWindowExpired => "Cannot send: Meta allows a person's reply (HUMAN_AGENT) only within 7 days of the shopper's last message, and that has passed. Wait for the shopper to write again.",
                _ => "Cannot send: the shopper has not written to the Page, so Meta allows no message.",
            });
        }
    }

    /// <summary>Sends the text as <paramref name="agent"/>; returns the plan it went by, or the refusal.</summary>
    public async Task<ReplyPlan> SendAsync(string channelId, string userId, string text, string agent, CancellationToken cancellationToken)
    {
        var context = await customers.GetAsync(channelId, userId, cancellationToken).ConfigureAwait(false);
        if (context is null) return new(ReplyMode.Blocked, "Cannot send: this shopper is unknown.");
        var plan = await PlanAsync(context, cancellationToken).ConfigureAwait(false);
        if (!plan.CanSend) return plan;
        var latest = await transcript.LatestInboundAsync(channelId, userId, cancellationToken).ConfigureAwait(false);
        TranscriptMiddleware.SendingAgent.Value = agent;
        try
        {
            if (IsDirectMessenger(channelId, latest))
            {
                await TakeThreadFromInboxAppAsync(context, cancellationToken).ConfigureAwait(false);
                await services.GetRequiredService<MessengerAgentMessages>().SendAsync(userId, text, agent, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await SendThroughBotFrameworkAsync(channelId, userId, latest!, text, agent, cancellationToken).ConfigureAwait(false);
                await handover.RecordAgentActivityAsync(channelId, userId, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OutboundRefusedException refused)
        {
            return new(ReplyMode.Blocked, $"Cannot send: {refused.Message}");
        }
        catch (GraphApiException ex)
        {
            logger.LogWarning("Messenger refused an agent reply to {ChannelId}/{Person}: {Kind} (code {Code})", channelId, LoggedIds.Person(userId), ex.Kind, ex.Code);
            return new(ReplyMode.Blocked, $"Messenger refused the message ({ex.Kind}, code {ex.Code}); it was not delivered.");
        }
        finally
        {
            TranscriptMiddleware.SendingAgent.Value = null;
        }

        // Replying is taking the conversation: it leaves the waiting queue and is assigned to whoever answered.
        await handover.SetAsync(channelId, userId, HandoverStatus.HumanOwns, ownerAppId: null, agentId: agent, cancellationToken).ConfigureAwait(false);
        await customers.UpdateAsync(channelId, userId, c =>
        {
            if (c.AssignedAgent is not null) return false;
            c.AssignedAgent = agent;
            return true;
        }, createIfMissing: false, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Agent reply sent to {ChannelId}/{Person} as {Mode}", channelId, LoggedIds.Person(userId), plan.Mode);
        return plan;
    }

    private async Task SendThroughBotFrameworkAsync(string channelId, string userId, TranscriptEntry latest, string text, string agent, CancellationToken cancellationToken)
    {
        var decision = await guard.CheckAsync(channelId, userId, OutboundKind.HumanAgent, null, cancellationToken).ConfigureAwait(false);
        var reference = latest.Activity.GetConversationReference();
        var reply = MessageFactory.Text(text);
        reply.From = new ChannelAccount(reference.Bot?.Id, agent);
        if (channelId == "facebook")
        {
            // Azure Bot Service's Facebook channel reads Messenger fields from channelData (messaging_type, tag).
            reply.ChannelData = decision.Tag is null
                ? new JObject { ["messaging_type"] = decision.MessagingType }
                : new JObject { ["messaging_type"] = decision.MessagingType, ["tag"] = decision.Tag };
        }

        var adapter = services.GetRequiredService<CloudAdapter>();
        var appId = configuration["MicrosoftAppId"] ?? "";
        await adapter.ContinueConversationAsync(appId, reference, async (turn, ct) =>
        {
            turn.TurnState.Add(FacebookAdapter.OutboundKindKey, (object)OutboundKind.HumanAgent);
            await turn.SendActivityAsync(reply, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    // When the shopper was passed to another inbox app (Meta's Page Inbox), the bot's app must own the thread to send.
    private async Task TakeThreadFromInboxAppAsync(CustomerContext context, CancellationToken cancellationToken)
    {
        var owner = context.Handover.OwnerAppId;
        var ownApp = facebook.CurrentValue.AppId;
        if (context.Handover.Status != HandoverStatus.HumanOwns || string.IsNullOrEmpty(owner) || owner == ownApp) return;
        await services.GetRequiredService<MessengerHandover>().TakeThreadControlAsync(context.UserId, "an agent answers from the GiftBot console", cancellationToken).ConfigureAwait(false);
        await handover.SetAsync(context.ChannelId, context.UserId, HandoverStatus.HumanOwns, ownApp, null, cancellationToken).ConfigureAwait(false);
    }

    private bool IsDirectMessenger(string channelId, TranscriptEntry? latest) =>
        channelId == "facebook" && (latest is null ? !string.IsNullOrEmpty(facebook.CurrentValue.AppSecret) : latest.Route == TranscriptRoutes.MessengerDirect);

    private static string ChannelName(string channelId, TranscriptEntry? latest) => channelId switch
    {
        "facebook" when latest?.Route == TranscriptRoutes.BotFramework => "Messenger (through Azure Bot Service)",
        "facebook" => "Messenger",
        "webchat" => "Web Chat",
        "emulator" => "the Bot Framework Emulator",
        _ => channelId,
    };
}
