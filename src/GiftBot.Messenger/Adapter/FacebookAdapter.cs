using Microsoft.Bot.Connector;
using System.Security.Claims;
using GiftBot.Customers.Window;
using GiftBot.Messenger.Graph;
using GiftBot.Messenger.Handover;
using GiftBot.Messenger.Outbound;
using GiftBot.Messenger.Inbound;
using GiftBot.Messenger.Personas;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Adapter;

/// <summary>
/// The direct Messenger channel as a Bot Framework adapter: turns run through the middleware pipeline
/// (<see cref="BotAdapter.Use"/>, <see cref="BotAdapter.OnTurnError"/>) and replies go out through the Send API.
/// Outgoing events named pass_thread_control (Value: target app id or "inbox"), take_thread_control and
/// request_thread_control call the handover endpoints. Messages that are not replies (ContinueConversationAsync) first pass
/// the <see cref="IOutboundGuard"/>: UPDATE inside 24 hours, HUMAN_AGENT for agents' messages within 7 days, otherwise
/// the typed refusal is thrown and nothing reaches Meta. Every message carries the persona id when one is available.
/// Bot Builder middleware is the same list the host gives every adapter (registered once as IMiddleware). A failed turn
/// is the bot's to handle (its turn pipeline apologises); what escapes goes back to the inbox worker, which retries only
/// passing failures.
/// </summary>
public class FacebookAdapter : BotAdapter
{
    /// <summary>The Page inbox app: passing control to it hands the thread to people in Meta Business Suite.</summary>
    public const string PageInboxAppId = MessengerHandover.PageInboxAppId;

    /// <summary>TurnState key: set to an <see cref="OutboundKind"/> by a proactive callback that sends on an agent's behalf.</summary>
    public const string OutboundKindKey = "GiftBot.Messenger.OutboundKind";

    private readonly GraphApiClient graph;
    private readonly MessengerRenderer renderer;
    private readonly MessengerHandover handover;
    private readonly MessengerPersona persona;
    private readonly IOutboundGuard guard;
    private readonly ILogger<FacebookAdapter> logger;

    public FacebookAdapter(GraphApiClient graph, MessengerRenderer renderer, MessengerHandover handover, MessengerPersona persona,
        IOutboundGuard guard, IEnumerable<IMiddleware> middleware, ILogger<FacebookAdapter> logger)
    {
        (this.graph, this.renderer, this.handover, this.persona, this.guard, this.logger) = (graph, renderer, handover, persona, guard, logger);
        foreach (var item in middleware) Use(item);
    }

    private static readonly HashSet<string> HandoverEvents = ["pass_thread_control", "take_thread_control", "request_thread_control"];

    /// <summary>Runs one inbound activity as a turn.</summary>
    public virtual async Task ProcessActivityAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        using var context = new TurnContext(this, activity);
        await RunPipelineAsync(context, callback, cancellationToken);
    }

    /// <summary>Runs <paramref name="continuationActivity"/> as its own turn (used by middleware that splits one event into several turns).</summary>
    public override async Task ContinueConversationAsync(ClaimsIdentity claimsIdentity, Activity continuationActivity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        using var context = new TurnContext(this, continuationActivity);
        context.TurnState.Add<System.Security.Principal.IIdentity>(BotIdentityKey, claimsIdentity);
        await RunPipelineAsync(context, callback, cancellationToken);
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            string? messageId = null;
            if (activity.Type == ActivityTypesEx.Delay)
                await Task.Delay(TimeSpan.FromMilliseconds(Convert.ToDouble(activity.Value ?? 1000)), cancellationToken);
            else if (activity.Type is ActivityTypes.Message or ActivityTypes.Typing)
                messageId = await SendMessageAsync(turnContext, activity, cancellationToken);
            else if (activity.Type == ActivityTypes.Event && HandoverEvents.Contains(activity.Name ?? ""))
                await HandoverAsync(turnContext, activity, cancellationToken);
            else if (activity.Type != ActivityTypes.Trace)
                logger.LogDebug("Activity of type {ActivityType} has no Messenger form and was not sent", activity.Type);
            responses[i] = new ResourceResponse(messageId ?? activity.Id ?? "");
        }
        return responses;
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Messenger does not let a Page edit a message it sent.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Messenger does not let a Page delete a message it sent.");

    private async Task<string?> SendMessageAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        var psid = UserId(turnContext, activity);
        var plan = renderer.Render(activity);
        var kind = turnContext.TurnState.Get<object>(OutboundKindKey) as OutboundKind? ?? (IsProactive(turnContext) ? OutboundKind.BotUpdate : OutboundKind.Reply);
        OutboundDecision? decision = null;
        if (kind != OutboundKind.Reply && activity.Type == ActivityTypes.Message)
            decision = await guard.CheckAsync(Channels.Facebook, psid, kind, plan.Overrides["tag"]?.ToString(), cancellationToken);
        // An agent writes as themselves, not as the bot's persona.
        var personaId = kind == OutboundKind.HumanAgent ? null : await persona.GetIdAsync(cancellationToken);
        string? messageId = null;
        foreach (var request in MessengerRenderer.ToSendRequests(plan, psid, decision?.MessagingType ?? MessagingTypes.Response, personaId))
        {
            if (decision?.Tag is { } tag && request["message"] is not null) (request["messaging_type"], request["tag"]) = (MessagingTypes.MessageTag, tag);
            messageId = (await graph.SendMessageAsync(request, cancellationToken)).MessageId ?? messageId;
        }
        return messageId;
    }

    private async Task HandoverAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        var psid = UserId(turnContext, activity);
        var metadata = activity.Value is JObject value ? value.Value<string>("metadata") : null;
        switch (activity.Name)
        {
            case "pass_thread_control":
                var target = activity.Value is JObject v ? v["target_app_id"]?.ToString() : activity.Value?.ToString();
                await handover.PassThreadControlAsync(psid, target, metadata, cancellationToken);
                break;
            case "take_thread_control":
                await handover.TakeThreadControlAsync(psid, metadata, cancellationToken);
                break;
            default:
                await handover.RequestThreadControlAsync(psid, metadata, cancellationToken);
                break;
        }
    }

    private static string UserId(ITurnContext turnContext, Activity activity) =>
        activity.Recipient?.Id is { Length: > 0 } id && id != turnContext.Activity.Recipient?.Id ? id
        : turnContext.Activity.From?.Id ?? throw new InvalidOperationException("The activity has no Messenger recipient (PSID).");

    private static bool IsProactive(ITurnContext turnContext) =>
        turnContext.Activity.Type == ActivityTypes.Event && turnContext.Activity.Name == ActivityEventNames.ContinueConversation;
}
