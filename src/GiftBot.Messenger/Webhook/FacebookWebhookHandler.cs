using GiftBot.Messenger.Inbox;
using GiftBot.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Webhook;

/// <summary>
/// /api/facebook: GET answers Meta's verification challenge; POST checks the signature over the raw bytes, then writes
/// every event to the durable inbox before answering 200, so an acknowledged event survives a crash.
/// </summary>
public sealed class FacebookWebhookHandler(
    IOptionsMonitor<FacebookOptions> options,
    IDurableInbox inbox,
    FacebookInboxSignal signal,
    ILogger<FacebookWebhookHandler> logger)
{
    private int _disabledLogged;

    public IResult Verify(HttpContext context)
    {
        var settings = options.CurrentValue;
        if (!settings.IsEnabled) return Disabled();
        var query = context.Request.Query;
        if (query["hub.mode"] == "subscribe" && !string.IsNullOrEmpty(settings.VerifyToken)
            && string.Equals(query["hub.verify_token"], settings.VerifyToken, StringComparison.Ordinal)
            && query["hub.challenge"].ToString() is { Length: > 0 } challenge)
        {
            logger.LogInformation("Facebook webhook verified");
            return Results.Text(challenge, "text/plain", statusCode: StatusCodes.Status200OK);
        }
        logger.LogWarning("Facebook webhook verification refused (mode {Mode})", query["hub.mode"].ToString());
        return Results.StatusCode(StatusCodes.Status403Forbidden);
    }

    public async Task<IResult> ReceiveAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.IsEnabled) return Disabled();

        var body = await RequestBodyReader.ReadAsync(context.Request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            logger.LogWarning("Facebook webhook body over {MaxBodyBytes} bytes refused", settings.MaxBodyBytes);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        if (!WebhookSignature.IsValid(body, context.Request.Headers[WebhookSignature.HeaderName], settings.AppSecret!))
        {
            logger.LogWarning("Facebook webhook refused: {Problem} {Header}",
                context.Request.Headers.ContainsKey(WebhookSignature.HeaderName) ? "wrong signature in" : "missing", WebhookSignature.HeaderName);
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        JObject root;
        try { root = MessengerJson.Parse(new MemoryStream(body)); }
        catch (JsonException ex)
        {
            logger.LogWarning("Facebook webhook body is not valid JSON ({Length} bytes): {Error}", body.Length, ex.Message);
            return Results.BadRequest(new { error = "The body is not valid JSON." });
        }
        if (root.Value<string>("object") != "page")
        {
            // Acknowledged so Meta does not retry (and eventually disable the webhook) for objects this bot does not serve.
            logger.LogWarning("Facebook webhook for object {Object} ignored: only 'page' is handled", root["object"]?.ToString());
            return Results.Text("EVENT_RECEIVED");
        }

        var (writes, skipped) = WebhookEventSplitter.Split(root);
        foreach (var kind in skipped) logger.LogWarning("Facebook webhook item skipped: unknown or unaddressed event ({Fields})", kind);
        var stored = 0;
        try
        {
            foreach (var write in writes)
            {
                if (await inbox.EnqueueAsync(write.PartitionKey, write.DedupKey, write.Envelope.Serialize(), write.OccurredAt, cancellationToken)) stored++;
                else logger.LogInformation("Facebook webhook duplicate {Kind} ignored ({DedupKey})", write.Kind, write.DedupKey);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not acknowledged, so Meta redelivers; items stored before the failure are deduplicated then.
            logger.LogError(ex, "Facebook webhook events could not be stored ({Stored} of {Received}); answering 503 so Meta retries", stored, writes.Count);
            if (stored > 0) signal.Notify();
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        if (stored > 0) signal.Notify();
        logger.LogDebug("Facebook webhook stored {Stored} of {Received} events", stored, writes.Count);
        return Results.Text("EVENT_RECEIVED");
    }

    private IResult Disabled()
    {
        if (Interlocked.Exchange(ref _disabledLogged, 1) == 0)
            logger.LogWarning("Facebook webhook called but the Facebook channel is not configured (set Facebook:AppSecret, PageAccessToken and VerifyToken)");
        return Results.Problem("The Facebook channel is not configured on this bot.", statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

internal static class RequestBodyReader
{
    /// <summary>The whole body, or null when it is (or claims to be) larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
