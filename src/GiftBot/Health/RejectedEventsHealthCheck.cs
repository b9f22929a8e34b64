using GiftBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GiftBot.Health;

/// <summary>
/// Reports incoming events that were acknowledged but refused as unreadable (count, latest reason and time) in the
/// readiness details. Refused events never make the bot unready: they are someone else's bad input, shown, not fatal.
/// </summary>
internal sealed class RejectedEventsHealthCheck(IRejectedEventStore rejectedEvents, ILogger<RejectedEventsHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var summary = await rejectedEvents.SummarizeAsync(cancellationToken);
            var data = new Dictionary<string, object> { ["rejectedEvents"] = summary.Count };
            if (summary.Latest is { } latest)
            {
                data["lastRejectedAt"] = latest.ReceivedAt;
                data["lastRejectedReason"] = $"{latest.Source} {latest.Location}: {latest.Reason}";
            }
            return HealthCheckResult.Healthy(
                summary.Count == 0 ? "No incoming event was rejected." : $"{summary.Count} incoming events were rejected as unreadable (see the log).", data);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Health check: the rejected-events store did not answer");
            return HealthCheckResult.Unhealthy("The rejected-events store does not answer.");
        }
    }
}
