using GiftBot.Conversations.Pipeline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace GiftBot.Bot;

/// <summary>
/// The Bot Framework adapter behind /api/messages, in the shape of the samples' AdapterWithErrorHandler: a failed turn
/// goes to the bot's one <see cref="TurnErrorPolicy"/> (logged, one apology, dialog reset, a TurnError trace for the
/// Emulator), the same policy the Messenger inbox's turns get. Requests are checked before CloudAdapter sees them
/// (see <see cref="IncomingActivityReader"/>). CloudAdapter's own per-activity Information lines are written at Debug.
/// </summary>
public sealed class AdapterWithErrorHandler : CloudAdapter, IBotFrameworkHttpAdapter
{
    private readonly ILogger<AdapterWithErrorHandler> _logger;
    private readonly BotOptions _options;

    public AdapterWithErrorHandler(
        BotFrameworkAuthentication authentication,
        ILogger<AdapterWithErrorHandler> logger,
        TurnErrorPolicy errors,
        IOptions<BotOptions> options,
        IEnumerable<Microsoft.Bot.Builder.IMiddleware> middleware)
        : base(authentication, new InformationAsDebugLogger(logger))
    {
        _logger = logger;
        _options = options.Value;
        foreach (var item in middleware) Use(item);
        OnTurnError = errors.HandleAsync;
    }

    // CloudAdapter.ProcessAsync is not virtual: this re-implements IBotFrameworkHttpAdapter, which is what the endpoint calls.
    public new async Task ProcessAsync(HttpRequest httpRequest, HttpResponse httpResponse, IBot bot, CancellationToken cancellationToken = default)
    {
        if (!HttpMethods.IsPost(httpRequest.Method))
        {
            if (httpRequest.HttpContext.WebSockets.IsWebSocketRequest)
            {
                await base.ProcessAsync(httpRequest, httpResponse, bot, cancellationToken).ConfigureAwait(false);
                return;
            }
            httpResponse.Headers.Allow = "POST";
            await WriteProblemAsync(httpResponse, StatusCodes.Status405MethodNotAllowed,
                "This is GiftBot's Bot Framework messaging endpoint: channels and the Bot Framework Emulator POST activities here.", cancellationToken).ConfigureAwait(false);
            return;
        }

        var incoming = await IncomingActivityReader.ReadAsync(httpRequest.Body, httpRequest.ContentLength, _options.MaxActivityBytes, httpRequest.HttpContext.RequestAborted).ConfigureAwait(false);
        if (incoming.Activity is not { } activity)
        {
            _logger.LogWarning("Rejected a request on the messaging endpoint with {StatusCode}: {Reason}", incoming.ProblemStatus, incoming.ProblemDetail);
            await WriteProblemAsync(httpResponse, incoming.ProblemStatus, incoming.ProblemDetail!, cancellationToken).ConfigureAwait(false);
            return;
        }

        using var scope = _logger.BeginScope(new Dictionary<string, object?>
        {
            ["ChannelId"] = activity.ChannelId,
            ["ConversationId"] = activity.Conversation.Id,
            ["ActivityId"] = activity.Id,
        });
        try
        {
            var invokeResponse = await ProcessActivityAsync(httpRequest.Headers.Authorization, activity, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
            await HttpHelper.WriteResponseAsync(httpResponse, invokeResponse).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or SecurityTokenException or SecurityTokenArgumentException)
        {
            // CloudAdapter only maps UnauthorizedAccessException; a malformed token would otherwise surface as a 500.
            _logger.LogWarning("Rejected an activity from {ChannelId} that is not signed by Azure Bot Service for this bot", activity.ChannelId);
            await WriteProblemAsync(httpResponse, StatusCodes.Status401Unauthorized,
                "The request is not authenticated for this bot (Authorization header missing or invalid).", cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task WriteProblemAsync(HttpResponse response, int status, string detail, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = ReasonPhrases.GetReasonPhrase(status), Detail = detail };
        return response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
    }
}
