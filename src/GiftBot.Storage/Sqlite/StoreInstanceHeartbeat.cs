using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GiftBot.Storage.Sqlite;

/// <summary>The instance heartbeat (<see cref="InstanceHeartbeat"/>) in SQLite, seen by the other processes on the same file.</summary>
public sealed class StoreInstanceHeartbeat(SqliteDatabase database, IOptions<StorageOptions> options, TimeProvider time, ILogger<StoreInstanceHeartbeat> logger)
    : InstanceHeartbeat(options, time, logger)
{
    protected override string InstanceId => database.InstanceId;

    protected override Task WriteBeatAsync(long nowMs, long forgetBeforeMs, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction, token) =>
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO store_instances (instance_id, started_at, heartbeat_at) VALUES ($id, $now, $now)
                ON CONFLICT (instance_id) DO UPDATE SET heartbeat_at = MAX(heartbeat_at, excluded.heartbeat_at);
                """,
                token, transaction, ("$id", database.InstanceId), ("$now", nowMs)).ConfigureAwait(false);
            await connection.ExecuteAsync("DELETE FROM store_instances WHERE heartbeat_at < $before;", token, transaction, ("$before", forgetBeforeMs)).ConfigureAwait(false);
        }, cancellationToken);

    protected override Task WriteStoppedAsync(long nowMs, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction, token) => connection.ExecuteAsync(
            "UPDATE store_instances SET stopped_at = $now WHERE instance_id = $id;", token, transaction, ("$now", nowMs), ("$id", database.InstanceId)), cancellationToken);
}
