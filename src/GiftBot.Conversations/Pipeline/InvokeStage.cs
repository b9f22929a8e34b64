using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace GiftBot.Conversations.Pipeline;

/// <summary>
/// Invoke activities are calls a channel makes and waits on, not messages from a shopper. The bot answers Bot
/// Framework's "healthCheck" and refuses any other with a 400 naming it: the SDK's default for an unanswered invoke is
/// a 501, a server error for a request the client chose to send.
/// </summary>
public sealed class InvokeStage(ILogger<InvokeStage> logger) : ITurnStage
{
    private const string HealthCheck = "healthCheck";

    public Task<TurnFlow> RunAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Type != ActivityTypes.Invoke) return Task.FromResult(TurnFlow.Continue);
        var response = activity.Name == HealthCheck
            ? new InvokeResponse { Status = (int)HttpStatusCode.OK, Body = new JObject { ["healthResults"] = new JObject { ["success"] = true } } }
            : new InvokeResponse { Status = (int)HttpStatusCode.BadRequest, Body = new JObject { ["error"] = "This bot does not handle the invoke named in the activity." } };
        if (activity.Name != HealthCheck) logger.LogInformation("Invoke {InvokeName} on {ChannelId} refused: not handled", Truncate(activity.Name), activity.ChannelId);
        turnContext.TurnState.Add(BotAdapter.InvokeResponseKey, new Activity { Type = ActivityTypesEx.InvokeResponse, Value = response });
        return Task.FromResult(TurnFlow.EndTurn);
    }

    // The name is the client's text: logged short, never whole.
    private static string? Truncate(string? name) => name is { Length: > 40 } ? name[..40] + "…" : name;
}
