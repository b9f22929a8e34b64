using Microsoft.Data.Sqlite;

namespace GiftBot.Storage.Sqlite;

/// <summary>
/// Versioned schema: each migration runs once, in order, inside a write transaction, and its number is
/// recorded in schema_version. Later issues append migrations; never edit one that has shipped.
/// </summary>
internal static class SchemaMigrations
{
    private static readonly string[] Migrations =
    [
        // 1: bot state, funnel events, durable inbox, scheduled jobs.
        """
        CREATE TABLE state (
            key        TEXT    NOT NULL PRIMARY KEY,
            value      TEXT    NOT NULL,
            etag       TEXT    NOT NULL,
            updated_at INTEGER NOT NULL
        );

        CREATE TABLE funnel_events (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            kind            TEXT    NOT NULL,
            channel_id      TEXT    NOT NULL,
            conversation_id TEXT    NOT NULL,
            user_id         TEXT    NULL,
            properties      TEXT    NOT NULL,
            timestamp       INTEGER NOT NULL
        );
        CREATE INDEX ix_funnel_events_kind_timestamp ON funnel_events (kind, timestamp);
        CREATE INDEX ix_funnel_events_timestamp ON funnel_events (timestamp);

        -- Every dedup key ever accepted, kept after the item itself is completed and deleted.
        CREATE TABLE inbox_dedup (
            dedup_key   TEXT    NOT NULL PRIMARY KEY,
            accepted_at INTEGER NOT NULL
        );

        CREATE TABLE inbox (
            id            INTEGER PRIMARY KEY AUTOINCREMENT,
            partition_key TEXT    NOT NULL,
            dedup_key     TEXT    NOT NULL UNIQUE,
            payload       TEXT    NOT NULL,
            occurred_at   INTEGER NOT NULL,
            enqueued_at   INTEGER NOT NULL,
            available_at  INTEGER NOT NULL,
            lease_until   INTEGER NULL,
            attempts      INTEGER NOT NULL DEFAULT 0,
            last_error    TEXT    NULL,
            parked_at     INTEGER NULL
        );
        CREATE INDEX ix_inbox_partition_order ON inbox (partition_key, parked_at, occurred_at, id);
        CREATE INDEX ix_inbox_ready ON inbox (parked_at, available_at);

        CREATE TABLE scheduled_jobs (
            job_key     TEXT    NOT NULL PRIMARY KEY,
            kind        TEXT    NOT NULL,
            payload     TEXT    NOT NULL,
            due_at      INTEGER NOT NULL,
            version     INTEGER NOT NULL,
            lease_until INTEGER NULL,
            attempts    INTEGER NOT NULL DEFAULT 0,
            last_error  TEXT    NULL,
            failed_at   INTEGER NULL
        );
        CREATE INDEX ix_scheduled_jobs_due ON scheduled_jobs (failed_at, due_at);
        """,

        // 2: incoming events acknowledged but refused (where and why, no content); a redelivered body counts once.
        """
        CREATE TABLE rejected_events (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            source      TEXT    NOT NULL,
            location    TEXT    NOT NULL,
            reason      TEXT    NOT NULL,
            body_hash   TEXT    NOT NULL,
            received_at INTEGER NOT NULL,
            UNIQUE (body_hash, location)
        );
        CREATE INDEX ix_rejected_events_received ON rejected_events (received_at);
        """,
    ];

    public static int LatestVersion => Migrations.Length;

    /// <summary>Applies pending migrations and returns the resulting version. Concurrent callers (other processes) serialise on the write lock.</summary>
    public static async Task<int> ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = connection.BeginWrite();
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at INTEGER NOT NULL);",
            cancellationToken, transaction).ConfigureAwait(false);
        var current = await connection.ScalarAsync<int>("SELECT COALESCE(MAX(version), 0) FROM schema_version;", cancellationToken, transaction).ConfigureAwait(false);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException($"The database schema (version {current}) is newer than this GiftBot build understands (version {LatestVersion}). Upgrade GiftBot or point {StorageOptions.SectionName}:{nameof(StorageOptions.DatabasePath)} at another file.");
        }

        for (var version = current + 1; version <= LatestVersion; version++)
        {
            await connection.ExecuteAsync(Migrations[version - 1], cancellationToken, transaction).ConfigureAwait(false);
            await connection.ExecuteAsync(
                "INSERT INTO schema_version (version, applied_at) VALUES ($version, $now);",
                cancellationToken, transaction, ("$version", version), ("$now", DateTimeOffset.UtcNow.ToUnixMs())).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return LatestVersion;
    }
}
