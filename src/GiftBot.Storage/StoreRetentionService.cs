using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GiftBot.Storage;

/// <summary>Runs <see cref="IStoreRetention"/> every <see cref="StorageOptions.RetentionInterval"/> with the configured windows.</summary>
public sealed class StoreRetentionService(IStoreRetention retention, IOptionsMonitor<StorageOptions> options, TimeProvider time, ILogger<StoreRetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var settings = options.CurrentValue;
            try
            {
                var now = time.GetUtcNow();
                var result = await retention.ApplyAsync(now - settings.DedupKeyRetention, now - settings.FunnelEventRetention, stoppingToken).ConfigureAwait(false);
                if (result.DedupKeysRemoved > 0 || result.FunnelEventsRolledUp > 0 || result.InboxPartitionsRemoved > 0)
                {
                    logger.LogInformation("Retention removed {DedupKeys} dedup keys and {InboxPartitions} idle inbox lease rows, and rolled up {FunnelEvents} funnel events into daily figures",
                        result.DedupKeysRemoved, result.InboxPartitionsRemoved, result.FunnelEventsRolledUp);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Retention run failed; trying again in {RetentionInterval}", settings.RetentionInterval);
            }

            try
            {
                await Task.Delay(settings.RetentionInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
