using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GiftBot.Storage.Postgres;

/// <summary>
/// Scheduled jobs in PostgreSQL, shared by every instance: the job key is the primary key (a job exists once however
/// many instances schedule it), and due jobs are leased FOR UPDATE SKIP LOCKED so each due job goes to one instance.
/// </summary>
public sealed class PostgresScheduledJobStore(PostgresDatabase database, ILogger<PostgresScheduledJobStore>? logger = null) : IScheduledJobStore
{
    private const string Columns = "job_key, kind, payload, due_at, version, attempts, last_error";
    private readonly ILogger _logger = logger ?? NullLogger<PostgresScheduledJobStore>.Instance;

    public Task ScheduleAsync(string jobKey, string kind, string payload, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobKey);
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(payload);
        return database.WriteAsync((connection, transaction, token) => ScheduleRowAsync(connection, transaction, jobKey, kind, payload, dueAt, token), cancellationToken);
    }

    public Task<bool> CancelAsync(string jobKey, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction, token) => CancelRowAsync(connection, transaction, jobKey, token), cancellationToken);

    /// <summary>A random version (as in SQLite) so a worker still holding the old lease can never complete or fail the new schedule.</summary>
    internal static Task<int> ScheduleRowAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string jobKey, string kind, string payload, DateTimeOffset dueAt, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(
            """
            INSERT INTO scheduled_jobs (job_key, kind, payload, due_at, version)
            VALUES (@key, @kind, @payload, @due, @version)
            ON CONFLICT (job_key) DO UPDATE SET
                kind = excluded.kind, payload = excluded.payload, due_at = excluded.due_at, version = excluded.version,
                lease_until = NULL, attempts = 0, last_error = NULL, failed_at = NULL;
            """,
            cancellationToken, transaction, ("key", jobKey), ("kind", kind), ("payload", payload), ("due", dueAt.ToUnixTimeMilliseconds()),
            ("version", Random.Shared.NextInt64(1, long.MaxValue)));

    internal static async Task<bool> CancelRowAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string jobKey, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync("DELETE FROM scheduled_jobs WHERE job_key = @key;", cancellationToken, transaction, ("key", jobKey)).ConfigureAwait(false) > 0;

    public async Task<ScheduledJob?> GetAsync(string jobKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var jobs = await QueryAsync(connection, $"SELECT {Columns} FROM scheduled_jobs WHERE job_key = @key;", cancellationToken, ("key", jobKey)).ConfigureAwait(false);
        return jobs.SingleOrDefault();
    }

    public async Task<IReadOnlyList<ScheduledJob>> LeaseDueAsync(DateTimeOffset now, int max, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        var nowMs = now.ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var jobs = await QueryAsync(connection,
            $"""
            UPDATE scheduled_jobs SET lease_until = @until
            WHERE job_key IN (
                SELECT job_key FROM scheduled_jobs
                WHERE failed_at IS NULL AND due_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
                ORDER BY due_at, job_key LIMIT @max
                FOR UPDATE SKIP LOCKED)
            RETURNING {Columns};
            """,
            cancellationToken, ("now", nowMs), ("max", max), ("until", nowMs + (long)leaseDuration.TotalMilliseconds)).ConfigureAwait(false);
        // RETURNING has no order of its own.
        return jobs.OrderBy(j => j.DueAt).ThenBy(j => j.JobKey, StringComparer.Ordinal).ToList();
    }

    public async Task CompleteAsync(ScheduledJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync("DELETE FROM scheduled_jobs WHERE job_key = @key AND version = @version;", cancellationToken, null,
            ("key", job.JobKey), ("version", job.Version)).ConfigureAwait(false);
    }

    public async Task FailAsync(ScheduledJob job, string error, DateTimeOffset now, int maxAttempts, TimeSpan retryDelay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAttempts);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var failed = await connection.ScalarAsync<long?>(
            """
            UPDATE scheduled_jobs SET
                attempts = attempts + 1, last_error = @error, lease_until = NULL,
                due_at = CASE WHEN attempts + 1 >= @maxAttempts THEN due_at ELSE @retryAt END,
                failed_at = CASE WHEN attempts + 1 >= @maxAttempts THEN @now ELSE NULL END
            WHERE job_key = @key AND version = @version AND failed_at IS NULL
            RETURNING failed_at;
            """,
            cancellationToken, null, ("error", PostgresDurableInbox.Truncate(error ?? string.Empty)), ("maxAttempts", maxAttempts),
            ("retryAt", (now + retryDelay).ToUnixTimeMilliseconds()), ("now", now.ToUnixTimeMilliseconds()), ("key", job.JobKey), ("version", job.Version)).ConfigureAwait(false);
        if (failed is not null)
        {
            _logger.LogError("Scheduled job {JobKey} ({JobKind}) gave up after {MaxAttempts} attempts", LoggedIds.Key(job.JobKey), job.Kind, maxAttempts);
        }
    }

    public async Task<IReadOnlyList<ScheduledJob>> ListFailedAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await QueryAsync(connection, $"SELECT {Columns} FROM scheduled_jobs WHERE failed_at IS NOT NULL ORDER BY failed_at DESC LIMIT @limit;",
            cancellationToken, ("limit", limit)).ConfigureAwait(false);
    }

    private static async Task<List<ScheduledJob>> QueryAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = connection.Command(sql, null, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var jobs = new List<ScheduledJob>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            jobs.Add(new ScheduledJob(reader.GetString(0), reader.GetString(1), reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                reader.GetInt64(4), reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return jobs;
    }
}
