namespace GiftBot.Storage.Postgres;

/// <summary>
/// Writes a unit of work (a turn, an inbox item) in one PostgreSQL transaction: state with compare-and-set ETags, funnel
/// events, jobs, agents'-list rows, the inbox item's completion and its reply outbox, all or nothing. No group commit is
/// needed: PostgreSQL lets concurrent transactions of many instances commit side by side (row locks, shared WAL flushes).
/// State keys are written in a fixed order so two units touching the same keys cannot deadlock.
/// </summary>
public sealed class PostgresUnitOfWorkCommitter(PostgresDatabase database) : IUnitOfWorkCommitter
{
    public Task CommitAsync(UnitOfWorkChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return changes.IsEmpty ? Task.CompletedTask : database.WriteAsync(async (connection, transaction, token) =>
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            foreach (var change in changes.State.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                if (change.IsDelete)
                {
                    await PostgresStorage.DeleteRowAsync(connection, transaction, change.Key, token).ConfigureAwait(false);
                }
                else
                {
                    await PostgresStorage.WriteRowAsync(connection, transaction, change.Key, change.Json!, change.ExpectedETag, change.NewETag, now, token).ConfigureAwait(false);
                }
            }

            if (changes.FunnelEvents.Count > 0)
            {
                await PostgresFunnelEventStore.InsertAllAsync(connection, transaction, changes.FunnelEvents, token).ConfigureAwait(false);
            }

            foreach (var job in changes.Jobs)
            {
                _ = job.IsCancel
                    ? await PostgresScheduledJobStore.CancelRowAsync(connection, transaction, job.JobKey, token).ConfigureAwait(false) ? 1 : 0
                    : await PostgresScheduledJobStore.ScheduleRowAsync(connection, transaction, job.JobKey, job.Kind!, job.Payload!, job.DueAt, token).ConfigureAwait(false);
            }

            foreach (var row in changes.CustomerRows)
            {
                await PostgresCustomerListStore.UpsertRowAsync(connection, transaction, row, token).ConfigureAwait(false);
            }

            if (changes.CompletedInboxItems.Count > 0)
            {
                await PostgresDurableInbox.CompleteRowsAsync(connection, transaction, [.. changes.CompletedInboxItems], token).ConfigureAwait(false);
            }

            foreach (var scope in changes.ClearedReplyOutboxes)
            {
                await PostgresReplyOutbox.ClearRowsAsync(connection, transaction, scope, token).ConfigureAwait(false);
            }
        }, cancellationToken);
    }
}
