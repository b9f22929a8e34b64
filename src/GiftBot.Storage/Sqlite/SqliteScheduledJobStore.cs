using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GiftBot.Storage.Sqlite;

/// <summary>Scheduled jobs in SQLite: the job key is the primary key, so a job can never be duplicated, across restarts too.</summary>
public sealed class SqliteScheduledJobStore(SqliteDatabase database, ILogger<SqliteScheduledJobStore>? logger = null) : IScheduledJobStore
{
    private const string Columns = "job_key, kind, payload, due_at, version, attempts, last_error";
    private readonly ILogger _logger = logger ?? NullLogger<SqliteScheduledJobStore>.Instance;

    public Task ScheduleAsync(string jobKey, string kind, string payload, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobKey);
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(payload);
        return database.WriteAsync((connection, transaction, token) => ScheduleRowAsync(connection, transaction, jobKey, kind, payload, dueAt, token), cancellationToken);
    }

    public Task<bool> CancelAsync(string jobKey, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction, token) => await CancelRowAsync(connection, transaction, jobKey, token).ConfigureAwait(false) > 0, cancellationToken);

    // A random version (not MAX+1, which a cancelled-then-rescheduled job could reuse) so a worker still holding
    // the old lease can never complete or fail the new schedule.
    internal static Task<int> ScheduleRowAsync(SqliteConnection connection, SqliteTransaction transaction, string jobKey, string kind, string payload, DateTimeOffset dueAt, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(
            """
            INSERT INTO scheduled_jobs (job_key, kind, payload, due_at, version)
            VALUES ($key, $kind, $payload, $due, $version)
            ON CONFLICT (job_key) DO UPDATE SET
                kind = excluded.kind, payload = excluded.payload, due_at = excluded.due_at, version = excluded.version,
                lease_until = NULL, attempts = 0, last_error = NULL, failed_at = NULL;
            """,
            cancellationToken, transaction, ("$key", jobKey), ("$kind", kind), ("$payload", payload), ("$due", dueAt.ToUnixMs()),
            ("$version", Random.Shared.NextInt64(1, long.MaxValue)));

    internal static Task<int> CancelRowAsync(SqliteConnection connection, SqliteTransaction transaction, string jobKey, CancellationToken cancellationToken) =>
        connection.ExecuteAsync("DELETE FROM scheduled_jobs WHERE job_key = $key;", cancellationToken, transaction, ("$key", jobKey));

    public async Task<ScheduledJob?> GetAsync(string jobKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var jobs = await QueryAsync(connection, null, $"SELECT {Columns} FROM scheduled_jobs WHERE job_key = $key;", cancellationToken, ("$key", jobKey)).ConfigureAwait(false);
        return jobs.SingleOrDefault();
    }

    public async Task<IReadOnlyList<ScheduledJob>> LeaseDueAsync(DateTimeOffset now, int max, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        var nowMs = now.ToUnixMs();
        return await database.WriteAsync(async (connection, transaction, token) =>
        {
            var jobs = await QueryAsync(connection, transaction,
                $"""
                SELECT {Columns} FROM scheduled_jobs
                WHERE failed_at IS NULL AND due_at <= $now AND (lease_until IS NULL OR lease_until <= $now)
                ORDER BY due_at, job_key LIMIT $max;
                """,
                token, ("$now", nowMs), ("$max", max)).ConfigureAwait(false);
            foreach (var job in jobs)
            {
                await connection.ExecuteAsync("UPDATE scheduled_jobs SET lease_until = $until WHERE job_key = $key;", token, transaction,
                    ("$until", nowMs + (long)leaseDuration.TotalMilliseconds), ("$key", job.JobKey)).ConfigureAwait(false);
            }

            return (IReadOnlyList<ScheduledJob>)jobs;
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task CompleteAsync(ScheduledJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        return database.WriteAsync((connection, transaction, token) => connection.ExecuteAsync(
            "DELETE FROM scheduled_jobs WHERE job_key = $key AND version = $version;", token, transaction,
            ("$key", job.JobKey), ("$version", job.Version)), cancellationToken);
    }

    public async Task FailAsync(ScheduledJob job, string error, DateTimeOffset now, int maxAttempts, TimeSpan retryDelay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAttempts);
        var failed = await database.WriteAsync((connection, transaction, token) => connection.ScalarAsync<long?>(
            """
            UPDATE scheduled_jobs SET
                attempts = attempts + 1, last_error = $error, lease_until = NULL,
                due_at = CASE WHEN attempts + 1 >= $maxAttempts THEN due_at ELSE $retryAt END,
                failed_at = CASE WHEN attempts + 1 >= $maxAttempts THEN $now ELSE NULL END
            WHERE job_key = $key AND version = $version AND failed_at IS NULL
            RETURNING failed_at;
            """,
            token, transaction, ("$error", SqliteDurableInbox.Truncate(error ?? string.Empty)), ("$maxAttempts", maxAttempts),
            ("$retryAt", (now + retryDelay).ToUnixMs()), ("$now", now.ToUnixMs()), ("$key", job.JobKey), ("$version", job.Version)), cancellationToken).ConfigureAwait(false);
        if (failed is not null)
        {
            _logger.LogError("Scheduled job {JobKey} ({JobKind}) gave up after {MaxAttempts} attempts", LoggedIds.Key(job.JobKey), job.Kind, maxAttempts);
        }
    }

    public async Task<IReadOnlyList<ScheduledJob>> ListFailedAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await QueryAsync(connection, null, $"SELECT {Columns} FROM scheduled_jobs WHERE failed_at IS NOT NULL ORDER BY failed_at DESC LIMIT $limit;",
            cancellationToken, ("$limit", limit)).ConfigureAwait(false);
    }

    private static async Task<List<ScheduledJob>> QueryAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = connection.Command(sql, transaction, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var jobs = new List<ScheduledJob>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            jobs.Add(new ScheduledJob(reader.GetString(0), reader.GetString(1), reader.GetString(2), SqliteCommandExtensions.FromUnixMs(reader.GetInt64(3)),
                reader.GetInt64(4), reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return jobs;
    }
}
