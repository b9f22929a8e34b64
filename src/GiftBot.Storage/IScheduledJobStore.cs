namespace GiftBot.Storage;

/// <summary>
/// Durable one-off jobs (e.g. the gift finder's follow-up message), keyed so a job exists at most once:
/// scheduling an existing key replaces its due time and payload. Jobs are leased, not removed, when due, so a crash
/// between lease and completion makes the job due again once the lease expires (at-least-once; a handler that
/// sends a message should check its own "already sent" flag). Times are parameters so callers can use a TimeProvider.
/// </summary>
public interface IScheduledJobStore
{
    /// <summary>Creates the job or replaces the one with the same key (due time, kind, payload; attempts and any failure are reset).</summary>
    Task ScheduleAsync(string jobKey, string kind, string payload, DateTimeOffset dueAt, CancellationToken cancellationToken = default);

    /// <summary>Removes the job; returns false if there was none. A job already leased may still be running; its completion is then a no-op.</summary>
    Task<bool> CancelAsync(string jobKey, CancellationToken cancellationToken = default);

    Task<ScheduledJob?> GetAsync(string jobKey, CancellationToken cancellationToken = default);

    /// <summary>Leases up to <paramref name="max"/> jobs due at <paramref name="now"/>, earliest first, skipping jobs whose lease has not expired and failed jobs.</summary>
    Task<IReadOnlyList<ScheduledJob>> LeaseDueAsync(DateTimeOffset now, int max, TimeSpan leaseDuration, CancellationToken cancellationToken = default);

    /// <summary>Deletes the job it was leased as. If the job was rescheduled meanwhile (newer <see cref="ScheduledJob.Version"/>), the new schedule is kept.</summary>
    Task CompleteAsync(ScheduledJob job, CancellationToken cancellationToken = default);

    /// <summary>Records a failed run: due again at now + <paramref name="retryDelay"/>, or, after <paramref name="maxAttempts"/>, kept as failed with its error and no longer leased.</summary>
    Task FailAsync(ScheduledJob job, string error, DateTimeOffset now, int maxAttempts, TimeSpan retryDelay, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ScheduledJob>> ListFailedAsync(int limit = 100, CancellationToken cancellationToken = default);
}

/// <param name="Version">Changes every time the job is (re)scheduled; completion and failure apply only to the version that was leased.</param>
public sealed record ScheduledJob(string JobKey, string Kind, string Payload, DateTimeOffset DueAt, long Version, int Attempts, string? LastError);
