using GiftBot.Content;
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
/// is logged, the shopper gets the persona's apology, the dialog stack is reset so the next message works, and the
/// Emulator gets a TurnError trace. Requests are checked before CloudAdapter sees them (see <see cref="IncomingActivityReader"/>).
/// </summary>
public sealed class AdapterWithErrorHandler : CloudAdapter, IBotFrameworkHttpAdapter
{
    private const string ErrorTraceType = "https://www.botframework.com/schemas/error";
    private readonly ILogger<AdapterWithErrorHandler> _logger;
    private readonly IBotText _text;
    private readonly BotOptions _options;
    private readonly ConversationState? _conversationState;

    public AdapterWithErrorHandler(
        BotFrameworkAuthentication authentication,
        ILogger<AdapterWithErrorHandler> logger,
        IBotText text,
        IOptions<BotOptions> options,
        ConversationState? conversationState = null,
        IEnumerable<Microsoft.Bot.Builder.IMiddleware>? middleware = null)
        : base(authentication, logger)
    {
        _logger = logger;
        _text = text;
        _options = options.Value;
        _conversationState = conversationState;
        foreach (var item in middleware ?? []) Use(item);
        OnTurnError = HandleTurnErrorAsync;
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
            _logger.LogInformation("Rejected a request on the messaging endpoint with {StatusCode}: {Reason}", incoming.ProblemStatus, incoming.ProblemDetail);
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

    private async Task HandleTurnErrorAsync(ITurnContext turnContext, Exception exception)
    {
        var activity = turnContext.Activity;
        _logger.LogError(exception, "Turn failed on {ActivityType} activity {ActivityId} in conversation {ConversationId} ({ChannelId})",
            activity.Type, activity.Id, activity.Conversation?.Id, activity.ChannelId);

        var stateWasUnreadable = await ResetDialogStateAsync(turnContext).ConfigureAwait(false);
        await ApologizeAsync(turnContext, stateWasUnreadable ? "persona.stateReset" : "persona.error").ConfigureAwait(false);
        await SendErrorTraceAsync(turnContext, exception).ConfigureAwait(false);
    }

    private async Task ApologizeAsync(ITurnContext turnContext, string textKey)
    {
        var activity = turnContext.Activity;
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Event or ActivityTypes.ConversationUpdate)) return;
        try
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(_text.Get(textKey, activity.Locale)), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception sendFailure)
        {
            _logger.LogWarning(sendFailure, "Could not send the error apology in conversation {ConversationId}", activity.Conversation?.Id);
        }
    }

    /// <summary>
    /// Drops the dialog stack (not the rest of the conversation, not user state) so the next message starts cleanly.
    /// Returns true when the stored conversation state could not be read at all and was deleted instead.
    /// </summary>
    private async Task<bool> ResetDialogStateAsync(ITurnContext turnContext)
    {
        if (_conversationState is null) return false;
        try
        {
            // Reload first: the failed turn's in-memory changes must not be saved.
            await _conversationState.LoadAsync(turnContext, force: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception readFailure)
        {
            _logger.LogWarning(readFailure, "Conversation state of {ConversationId} cannot be read; deleting it", turnContext.Activity.Conversation?.Id);
            await TryAsync(() => _conversationState.DeleteAsync(turnContext, CancellationToken.None), "delete the unreadable conversation state", turnContext).ConfigureAwait(false);
            return true;
        }
        await TryAsync(async () =>
        {
            await _conversationState.CreateProperty<object>(_options.DialogStateProperty).DeleteAsync(turnContext, CancellationToken.None).ConfigureAwait(false);
            await _conversationState.SaveChangesAsync(turnContext, force: false, CancellationToken.None).ConfigureAwait(false);
        }, "reset the dialog state", turnContext).ConfigureAwait(false);
        return false;
    }

    private async Task SendErrorTraceAsync(ITurnContext turnContext, Exception exception)
    {
        // Trace activities are only rendered by the Emulator; other channels never get exception text.
        if (turnContext.Activity.ChannelId != Channels.Emulator) return;
        var trace = Activity.CreateTraceActivity("OnTurnError Trace", ErrorTraceType, exception.Message, "TurnError");
        await TryAsync(() => turnContext.SendActivityAsync(trace, CancellationToken.None),
            "send the TurnError trace", turnContext).ConfigureAwait(false);
    }

    private async Task TryAsync(Func<Task> action, string what, ITurnContext turnContext)
    {
        try { await action().ConfigureAwait(false); }
        catch (Exception failure)
        {
            _logger.LogWarning(failure, "Could not {Action} in conversation {ConversationId}", what, turnContext.Activity.Conversation?.Id);
        }
    }

    private static Task WriteProblemAsync(HttpResponse response, int status, string detail, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = ReasonPhrases.GetReasonPhrase(status), Detail = detail };
        return response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
    }
}
