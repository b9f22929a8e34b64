namespace GiftBot.Storage.Sqlite;

/// <summary>
/// Writes a unit of work as one step of the group-commit writer: it shares the batch's transaction (and fsync) with other
/// turns, and an ETag conflict undoes this unit alone (its savepoint) and is thrown to its turn.
/// </summary>
public sealed class SqliteUnitOfWorkCommitter(SqliteDatabase database) : IUnitOfWorkCommitter
{
    public Task CommitAsync(UnitOfWorkChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return changes.IsEmpty ? Task.CompletedTask : database.WriteAsync(async (connection, transaction, token) =>
        {
            var now = DateTimeOffset.UtcNow.ToUnixMs();
            foreach (var change in changes.State)
            {
                if (change.IsDelete)
                {
                    await SqliteStorage.DeleteRowAsync(connection, transaction, change.Key, token).ConfigureAwait(false);
                }
                else
                {
                    await SqliteStorage.WriteRowAsync(connection, transaction, change.Key, change.Json!, change.ExpectedETag, change.NewETag, now, token).ConfigureAwait(false);
                }
            }

            foreach (var funnelEvent in changes.FunnelEvents)
            {
                await SqliteFunnelEventStore.InsertAsync(connection, transaction, funnelEvent, token).ConfigureAwait(false);
            }

            foreach (var job in changes.Jobs)
            {
                _ = job.IsCancel
                    ? await SqliteScheduledJobStore.CancelRowAsync(connection, transaction, job.JobKey, token).ConfigureAwait(false)
                    : await SqliteScheduledJobStore.ScheduleRowAsync(connection, transaction, job.JobKey, job.Kind!, job.Payload!, job.DueAt, token).ConfigureAwait(false);
            }

            foreach (var row in changes.CustomerRows)
            {
                await SqliteCustomerListStore.UpsertRowAsync(connection, transaction, row, token).ConfigureAwait(false);
            }

            foreach (var id in changes.CompletedInboxItems)
            {
                await SqliteDurableInbox.CompleteRowAsync(connection, transaction, id, token).ConfigureAwait(false);
            }

            foreach (var scope in changes.ClearedReplyOutboxes)
            {
                await SqliteReplyOutbox.ClearRowsAsync(connection, transaction, scope, token).ConfigureAwait(false);
            }
        }, cancellationToken);
    }
}
