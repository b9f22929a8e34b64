using Microsoft.Bot.Builder;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GiftBot.Health;

/// <summary>Ready when the bot state store answers a read (of a key nobody writes).</summary>
internal sealed class StorageHealthCheck(IStorage storage, ILogger<StorageHealthCheck> logger) : IHealthCheck
{
    private static readonly string[] ProbeKeys = ["health/probe"];

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.ReadAsync(ProbeKeys, cancellationToken);
            return HealthCheckResult.Healthy("The state store answers.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Health check: the state store did not answer");
            return HealthCheckResult.Unhealthy("The state store does not answer.");
        }
    }
}
