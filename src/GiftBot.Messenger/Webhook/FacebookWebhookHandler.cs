using Microsoft.Bot.Connector;
using System.Security.Cryptography;
using System.Text.Json;
using GiftBot.Messenger.Inbound;
using GiftBot.Messenger.Inbox;
using GiftBot.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GiftBot.Messenger.Webhook;

/// <summary>
/// /api/facebook: GET answers Meta's verification challenge; POST checks the signature over the raw bytes, then writes
/// every event to the durable inbox before answering 200, so an acknowledged event survives a crash. Any signed body is
/// acknowledged: items that cannot be read are recorded as rejected with their reason and never queued; only a store
/// failure answers 503, so Meta retries.
/// </summary>
public sealed class FacebookWebhookHandler(
    IOptionsMonitor<FacebookOptions> options,
    IDurableInbox inbox,
    IRejectedEventStore rejectedEvents,
    FacebookInboxSignal signal,
    TimeProvider time,
    ILogger<FacebookWebhookHandler> logger)
{
    private const int MaxLoggedRejections = 10;
    private const int MaxRecordedRejections = 100;
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

        var batch = Read(body);
        if (batch.OtherObject is { } other)
        {
            // Acknowledged so Meta does not retry (and eventually disable the webhook) for objects this bot does not serve.
            logger.LogWarning("Facebook webhook for object {Object} ignored: only 'page' is handled", other);
            return Results.Text("EVENT_RECEIVED");
        }
        if (batch.Ignored.Count > 0)
            logger.LogWarning("Facebook webhook skipped {Count} items of kinds this bot does not handle ({Fields})",
                batch.Ignored.Count, string.Join("; ", batch.Ignored.Distinct().Take(5)));

        var stored = 0;
        try
        {
            // Refused items are acknowledged too (a redelivery would be refused again), so they are recorded first:
            // if that fails, the 503 makes Meta redeliver and nothing is lost.
            await RecordRejectedAsync(body, batch.Rejections, cancellationToken);
            // A POST's events are stored in one commit (Meta batches many under load): all of them before the 200, or none.
            var accepted = await inbox.EnqueueAllAsync(
                batch.Writes.Select(w => new InboxEntry(w.PartitionKey, w.DedupKey, InboxEventPayload.Serialize(w.Event), w.Event.OccurredAt)).ToArray(), cancellationToken);
            for (var i = 0; i < accepted.Count; i++)
            {
                if (accepted[i]) stored++;
                // The dedup key holds the PSID: the Page and message ids are enough to find the event again.
                else logger.LogInformation("Facebook webhook duplicate {Kind} ignored (page {PageId}, message {MessageId})", batch.Writes[i].Event.Kind, batch.Writes[i].Event.PageId, batch.Writes[i].Event.Message?.Mid);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not acknowledged, so Meta redelivers; none of this POST's events were stored.
            logger.LogError(ex, "Facebook webhook events could not be stored ({Received} received); answering 503 so Meta retries", batch.Writes.Count);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        if (stored > 0) signal.Notify();
        logger.LogDebug("Facebook webhook stored {Stored} of {Received} events", stored, batch.Writes.Count);
        return Results.Text("EVENT_RECEIVED");
    }

    // The body's one parse: strict JSON, then each item read into a checked event (or refused with its reason).
    private WebhookBatch Read(byte[] body)
    {
        try
        {
            using var document = StrictJson.Parse(body);
            return WebhookEventSplitter.Split(document.RootElement, options.CurrentValue.PageId);
        }
        catch (JsonException ex)
        {
            return new WebhookBatch([], [new WebhookRejection("body", StrictJson.Describe(ex))], []);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A reading bug must not turn a signed body into a 500 that Meta retries for an hour: refuse it, loudly.
            logger.LogError(ex, "Facebook webhook body could not be read");
            return new WebhookBatch([], [new WebhookRejection("body", $"body could not be read ({ex.GetType().Name})")], []);
        }
    }

    private async Task RecordRejectedAsync(byte[] body, IReadOnlyList<WebhookRejection> rejections, CancellationToken cancellationToken)
    {
        if (rejections.Count == 0) return;
        var hash = Convert.ToHexStringLower(SHA256.HashData(body));
        foreach (var rejection in rejections.Take(MaxLoggedRejections))
            logger.LogWarning("Facebook webhook event rejected at {Location}: {Reason} (body {BodyHash})", rejection.Location, rejection.Reason, hash[..16]);
        if (rejections.Count > MaxLoggedRejections)
            logger.LogWarning("Facebook webhook body {BodyHash}: {More} more events rejected", hash[..16], rejections.Count - MaxLoggedRejections);
        var at = time.GetUtcNow();
        await rejectedEvents.RecordAsync(
            rejections.Take(MaxRecordedRejections).Select(r => new RejectedEvent
            {
                Source = Channels.Facebook, Location = r.Location, Reason = r.Reason, BodyHash = hash, ReceivedAt = at,
            }).ToList(),
            cancellationToken);
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
