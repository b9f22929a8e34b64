using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GiftBot.Storage.Postgres;

/// <summary>The instance heartbeat (<see cref="InstanceHeartbeat"/>) in PostgreSQL, seen by every instance on the database.</summary>
public sealed class PostgresInstanceHeartbeat(PostgresDatabase database, IOptions<StorageOptions> options, TimeProvider time, ILogger<PostgresInstanceHeartbeat> logger)
    : InstanceHeartbeat(options, time, logger)
{
    protected override string InstanceId => database.InstanceId;

    protected override Task WriteBeatAsync(long nowMs, long forgetBeforeMs, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction, token) => connection.ExecuteAsync(
            """
            INSERT INTO store_instances (instance_id, started_at, heartbeat_at) VALUES (@id, @now, @now)
            ON CONFLICT (instance_id) DO UPDATE SET heartbeat_at = GREATEST(store_instances.heartbeat_at, excluded.heartbeat_at);
            DELETE FROM store_instances WHERE heartbeat_at < @before;
            """,
            token, transaction, ("id", database.InstanceId), ("now", nowMs), ("before", forgetBeforeMs)), cancellationToken);

    protected override Task WriteStoppedAsync(long nowMs, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction, token) => connection.ExecuteAsync(
            "UPDATE store_instances SET stopped_at = @now WHERE instance_id = @id;", token, transaction,
            ("now", nowMs), ("id", database.InstanceId)), cancellationToken);
}
