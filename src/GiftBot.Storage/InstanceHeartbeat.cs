using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GiftBot.Storage;

/// <summary>
/// Tells the other instances on the same database that this one is alive (<c>store_instances</c>): a heartbeat every
/// <see cref="StorageOptions.InstanceHeartbeatInterval"/>, and "stopped" on a clean shutdown. Inbox leases held by an
/// instance that stopped, or whose heartbeat is older than three intervals (it crashed), are taken over at once by the
/// others. The schedule and its failure handling live here; each database writes the rows in its own SQL.
/// </summary>
public abstract class InstanceHeartbeat(IOptions<StorageOptions> options, TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>Rows of instances silent this long are deleted: nobody can hold a lease that old.</summary>
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);

    /// <summary>This process's name in <c>store_instances</c>.</summary>
    protected abstract string InstanceId { get; }

    /// <summary>Upserts this instance's heartbeat at <paramref name="nowMs"/> and deletes rows older than <paramref name="forgetBeforeMs"/>.</summary>
    protected abstract Task WriteBeatAsync(long nowMs, long forgetBeforeMs, CancellationToken cancellationToken);

    /// <summary>Marks this instance stopped at <paramref name="nowMs"/>, so its leases are free at once.</summary>
    protected abstract Task WriteStoppedAsync(long nowMs, CancellationToken cancellationToken);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the host serves anything, so the first leases already name a live owner.
        await BeatAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Storage instance {InstanceId} started", InstanceId);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.InstanceHeartbeatInterval, time);
        while (true)
        {
            try
            {
                if (!await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false)) return;
                await BeatAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Storage heartbeat failed; other instances may take over this one's work if it keeps failing");
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteStoppedAsync(time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Also when the host's shutdown time runs out first: the outcome is the same, so stopping must not fail over it.
            logger.LogWarning(ex, "Could not mark storage instance {InstanceId} as stopped; its leases are taken over once its heartbeat is stale", InstanceId);
        }
    }

    internal Task BeatAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return WriteBeatAsync(now, now - (long)ForgetAfter.TotalMilliseconds, cancellationToken);
    }
}
