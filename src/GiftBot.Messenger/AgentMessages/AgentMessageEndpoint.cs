using Microsoft.Bot.Connector;
using GiftBot.Customers.Context;
using GiftBot.Customers.Window;
using GiftBot.Messenger.Graph;
using GiftBot.Messenger.Inbound;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.AgentMessages;

/// <summary>
/// POST {agent api}/customers/{channelId}/{userId}/messages {"text", "agent"}: an agent writes to a Messenger person.
/// 200 {messageId, messagingType, tag}; 400 bad body; 404 unknown person; 409 window closed; 422 channel without this
/// path; 502 Meta refused. Map it on the agent API's group so the same API key protects it.
/// </summary>
public static class AgentMessageEndpoint
{
    public const int MaxTextLength = 2000;
    private const int MaxBodyBytes = 16 * 1024;

    public static RouteGroupBuilder MapMessengerAgentMessages(this RouteGroupBuilder agentApi)
    {
        agentApi.MapPost("/customers/{channelId}/{userId}/messages", SendAsync);
        return agentApi;
    }

    private static async Task<IResult> SendAsync(string channelId, string userId, HttpRequest request,
        ICustomerContextStore customers, MessengerAgentMessages messages, CancellationToken cancellationToken)
    {
        if (!CustomerKey.IsValidId(channelId) || !CustomerKey.IsValidId(userId))
            return Results.Problem(statusCode: 400, title: "Invalid ids", detail: "channelId and userId must be plain ids.");
        if (channelId != Channels.Facebook)
            return Results.Problem(statusCode: 422, title: "Channel not supported", detail: "Agent messages are sent on the direct Messenger channel (\"facebook\") only.");
        var (text, agent, problem) = await ReadAsync(request, cancellationToken);
        if (problem is not null) return problem;
        if (await customers.GetAsync(channelId, userId, cancellationToken) is null)
            return Results.Problem(statusCode: 404, title: "Unknown customer", detail: $"No customer {channelId}/{userId}.");
        try
        {
            var result = await messages.SendAsync(userId, text!, agent, cancellationToken);
            return Results.Json(new { messageId = result.MessageId, messagingType = result.MessagingType, tag = result.Tag });
        }
        catch (MessagingWindowClosedException closed)
        {
            return Results.Problem(statusCode: 409, title: "Messaging window closed",
                detail: $"Meta allows no message to this person now ({closed.Reason}); last interaction {closed.LastInteractionAt:u}.",
                extensions: new Dictionary<string, object?> { ["reason"] = closed.Reason.ToString() });
        }
        catch (OutboundRefusedException refused)
        {
            return Results.Problem(statusCode: 422, title: "Message not allowed", detail: refused.Message);
        }
        catch (GraphApiException ex)
        {
            return Results.Problem(statusCode: 502, title: "Messenger refused the message",
                detail: $"{ex.Kind} (code {ex.Code}); the message was not delivered.");
        }
    }

    private static async Task<(string? Text, string? Agent, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes) return (null, null, Results.Problem(statusCode: 413, title: "Body too large"));
        using var reader = new StreamReader(request.Body);
        JObject? body;
        try { body = JToken.Parse(await reader.ReadToEndAsync(cancellationToken)) as JObject; }
        catch (JsonReaderException) { body = null; }
        var text = body?["text"] is JValue { Type: JTokenType.String } t ? ((string?)t)?.Trim() : null;
        var agent = body?["agent"] is JValue { Type: JTokenType.String } a ? ((string?)a)?.Trim() : null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxTextLength)
            return (null, null, Results.Problem(statusCode: 400, title: "Invalid body", detail: $"Send JSON {{\"text\": \"...\" (1-{MaxTextLength} characters), \"agent\": \"name\"}}."));
        if (agent is { Length: > 100 }) return (null, null, Results.Problem(statusCode: 400, title: "Invalid body", detail: "\"agent\" must be at most 100 characters."));
        return (text, string.IsNullOrEmpty(agent) ? null : agent, null);
    }
}
