namespace GiftBot.Storage;

/// <summary>
/// Jobs a turn schedules or cancels (e.g. the gift finder's follow-up) are committed with the turn (<see cref="UnitOfWork"/>);
/// the job worker's lease/complete/fail and everything outside a turn pass through.
/// </summary>
public sealed class UnitOfWorkScheduledJobStore(IScheduledJobStore inner) : IScheduledJobStore
{
    public Task ScheduleAsync(string jobKey, string kind, string payload, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        if (UnitOfWork.Current is not { } unit)
        {
            return inner.ScheduleAsync(jobKey, kind, payload, dueAt, cancellationToken);
        }

        ArgumentException.ThrowIfNullOrEmpty(jobKey);
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(payload);
        unit.ScheduleJob(jobKey, kind, payload, dueAt);
        return Task.CompletedTask;
    }

    /// <summary>Inside a turn the removal is committed with it; the result then says whether a job is known to exist (stored or scheduled in this turn).</summary>
    public async Task<bool> CancelAsync(string jobKey, CancellationToken cancellationToken = default)
    {
        if (UnitOfWork.Current is not { } unit)
        {
            return await inner.CancelAsync(jobKey, cancellationToken).ConfigureAwait(false);
        }

        var existed = unit.PendingJob(jobKey) is { } pending ? !pending.IsCancel : await inner.GetAsync(jobKey, cancellationToken).ConfigureAwait(false) is not null;
        unit.CancelJob(jobKey);
        return existed;
    }

    public async Task<ScheduledJob?> GetAsync(string jobKey, CancellationToken cancellationToken = default)
    {
        if (UnitOfWork.Current?.PendingJob(jobKey) is { } pending)
        {
            return pending.IsCancel ? null : new ScheduledJob(jobKey, pending.Kind!, pending.Payload!, pending.DueAt, 0, 0, null);
        }

        return await inner.GetAsync(jobKey, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<ScheduledJob>> LeaseDueAsync(DateTimeOffset now, int max, TimeSpan leaseDuration, CancellationToken cancellationToken = default) =>
        inner.LeaseDueAsync(now, max, leaseDuration, cancellationToken);

    public Task CompleteAsync(ScheduledJob job, CancellationToken cancellationToken = default) => inner.CompleteAsync(job, cancellationToken);

    public Task FailAsync(ScheduledJob job, string error, DateTimeOffset now, int maxAttempts, TimeSpan retryDelay, CancellationToken cancellationToken = default) =>
        inner.FailAsync(job, error, now, maxAttempts, retryDelay, cancellationToken);

    public Task<IReadOnlyList<ScheduledJob>> ListFailedAsync(int limit = 100, CancellationToken cancellationToken = default) =>
        inner.ListFailedAsync(limit, cancellationToken);
}
