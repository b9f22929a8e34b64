using System.Security.Claims;
using GiftBot.Messenger.Graph;
using GiftBot.Messenger.Outbound;
using GiftBot.Messenger.Users;
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
/// request_thread_control call the handover endpoints. Proactive messages (ContinueConversationAsync) use messaging_type UPDATE.
/// </summary>
public class FacebookAdapter(
    GraphApiClient graph,
    MessengerRenderer renderer,
    MessengerUserStore users,
    IOptionsMonitor<FacebookOptions> options,
    ILogger<FacebookAdapter> logger) : BotAdapter
{
    /// <summary>The Page inbox app: passing control to it hands the thread to people in Meta Business Suite.</summary>
    public const string PageInboxAppId = "263902037430900";

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
        var messagingType = IsProactive(turnContext) ? "UPDATE" : "RESPONSE";
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            string? messageId = null;
            if (activity.Type == ActivityTypesEx.Delay)
                await Task.Delay(TimeSpan.FromMilliseconds(Convert.ToDouble(activity.Value ?? 1000)), cancellationToken);
            else if (activity.Type is ActivityTypes.Message or ActivityTypes.Typing)
                messageId = await SendMessageAsync(turnContext, activity, messagingType, cancellationToken);
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

    private async Task<string?> SendMessageAsync(ITurnContext turnContext, Activity activity, string messagingType, CancellationToken cancellationToken)
    {
        var psid = UserId(turnContext, activity);
        var plan = renderer.Render(activity);
        string? messageId = null;
        foreach (var request in MessengerRenderer.ToSendRequests(plan, psid, messagingType, options.CurrentValue.PersonaId))
            messageId = (await graph.SendMessageAsync(request, cancellationToken)).MessageId ?? messageId;
        return messageId;
    }

    private async Task HandoverAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        var psid = UserId(turnContext, activity);
        var body = new JObject { ["recipient"] = new JObject { ["id"] = psid } };
        var metadata = activity.Value is JObject value ? value.Value<string>("metadata") : null;
        if (metadata is not null) body["metadata"] = metadata;
        if (activity.Name == "pass_thread_control")
        {
            var target = activity.Value is JObject v ? v["target_app_id"]?.ToString() : activity.Value?.ToString();
            body["target_app_id"] = string.IsNullOrEmpty(target) || target == "inbox" ? PageInboxAppId : target;
        }
        await graph.PostAsync($"me/{activity.Name}", body, cancellationToken);
        var pageId = turnContext.Activity.Recipient?.Id ?? options.CurrentValue.PageId ?? "";
        if (activity.Name != "request_thread_control")
            await users.UpdateAsync(pageId, psid, r =>
            {
                r.ThreadOwnedByOtherApp = activity.Name == "pass_thread_control";
                r.ThreadOwnerChangedAt = DateTimeOffset.UtcNow;
            }, cancellationToken);
        logger.LogInformation("Facebook thread control: {Handover} done", activity.Name);
    }

    private static string UserId(ITurnContext turnContext, Activity activity) =>
        activity.Recipient?.Id is { Length: > 0 } id && id != turnContext.Activity.Recipient?.Id ? id
        : turnContext.Activity.From?.Id ?? throw new InvalidOperationException("The activity has no Messenger recipient (PSID).");

    private static bool IsProactive(ITurnContext turnContext) =>
        turnContext.Activity.Type == ActivityTypes.Event && turnContext.Activity.Name == ActivityEventNames.ContinueConversation;
}
