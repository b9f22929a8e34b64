using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GiftBot.Storage.Postgres;

/// <summary>
/// Tells the other instances on the database that this one is alive (<c>store_instances</c>): a heartbeat every
/// <see cref="StorageOptions.InstanceHeartbeatInterval"/>, and "stopped" on a clean shutdown. Inbox leases held by an instance
/// that stopped, or whose heartbeat is older than three intervals (it crashed), are taken over at once by the others.
/// </summary>
public sealed class PostgresInstanceHeartbeat(PostgresDatabase database, IOptions<StorageOptions> options, TimeProvider time, ILogger<PostgresInstanceHeartbeat> logger)
    : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the host serves anything, so the first leases already name a live owner.
        await BeatAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Storage instance {InstanceId} started", database.InstanceId);
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
            await database.WriteAsync((connection, transaction, token) => connection.ExecuteAsync(
                "UPDATE store_instances SET stopped_at = @now WHERE instance_id = @id;", token, transaction,
                ("now", time.GetUtcNow().ToUnixTimeMilliseconds()), ("id", database.InstanceId)), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not mark storage instance {InstanceId} as stopped; its leases are taken over once its heartbeat is stale", database.InstanceId);
        }
    }

    internal Task BeatAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return database.WriteAsync(async (connection, transaction, token) =>
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO store_instances (instance_id, started_at, heartbeat_at) VALUES (@id, @now, @now)
                ON CONFLICT (instance_id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at;
                DELETE FROM store_instances WHERE heartbeat_at < @before;
                """,
                token, transaction, ("id", database.InstanceId), ("now", now), ("before", now - (long)TimeSpan.FromDays(1).TotalMilliseconds)).ConfigureAwait(false);
        }, cancellationToken);
    }
}
