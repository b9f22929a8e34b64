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

        // 3: one unit of work per turn (lease owners, reply outbox), the agents' list as a table, retention.
        """
        -- Which process holds an inbox lease; a process that stopped beating its heartbeat loses its leases at once.
        ALTER TABLE inbox ADD COLUMN lease_owner TEXT NULL;
        CREATE TABLE store_instances (
            instance_id  TEXT    NOT NULL PRIMARY KEY,
            started_at   INTEGER NOT NULL,
            heartbeat_at INTEGER NOT NULL,
            stopped_at   INTEGER NULL
        );

        -- Reply parts the Send API accepted for an inbox item still being handled: a replayed item skips them.
        CREATE TABLE reply_outbox (
            scope      TEXT    NOT NULL,
            sequence   INTEGER NOT NULL,
            message_id TEXT    NULL,
            sent_at    INTEGER NOT NULL,
            PRIMARY KEY (scope, sequence)
        ) WITHOUT ROWID;

        -- The agents' list: one row per person with what the list filters and sorts on (the card itself stays in state).
        CREATE TABLE customer_list (
            channel_id          TEXT    NOT NULL,
            user_id             TEXT    NOT NULL,
            display_name        TEXT    NULL,
            name_key            TEXT    NULL,
            status              TEXT    NOT NULL,
            status_since        INTEGER NULL,
            last_interaction_at INTEGER NULL,
            assigned_agent      TEXT    NULL COLLATE NOCASE,
            entry_source        TEXT    NULL,
            PRIMARY KEY (channel_id, user_id)
        );
        CREATE INDEX ix_customer_list_status ON customer_list (status, status_since);
        CREATE INDEX ix_customer_list_recent ON customer_list (last_interaction_at);
        CREATE INDEX ix_customer_list_agent ON customer_list (assigned_agent, last_interaction_at);
        CREATE INDEX ix_customer_list_name ON customer_list (name_key);
        CREATE TABLE customer_list_tags (
            tag        TEXT NOT NULL,
            channel_id TEXT NOT NULL,
            user_id    TEXT NOT NULL,
            PRIMARY KEY (tag, channel_id, user_id)
        ) WITHOUT ROWID;
        CREATE INDEX ix_customer_list_tags_person ON customer_list_tags (channel_id, user_id);

        -- Funnel figures older than the raw-event retention, per day, entry source and kind.
        ALTER TABLE funnel_events ADD COLUMN entry_source TEXT NULL;
        CREATE TABLE funnel_daily (
            day          INTEGER NOT NULL,
            entry_source TEXT    NOT NULL,
            kind         TEXT    NOT NULL,
            count        INTEGER NOT NULL,
            PRIMARY KEY (day, entry_source, kind)
        ) WITHOUT ROWID;
        CREATE INDEX ix_inbox_dedup_accepted ON inbox_dedup (accepted_at);

        -- Existing customer cards (stored by GiftBot.Customers as plain JSON) fill the list once; the old index documents go.
        INSERT OR IGNORE INTO customer_list (channel_id, user_id, display_name, name_key, status, status_since, last_interaction_at, assigned_agent, entry_source)
        SELECT json_extract(value, '$.ChannelId'), json_extract(value, '$.UserId'),
               json_extract(value, '$.Profile.FirstName'), lower(json_extract(value, '$.Profile.FirstName')),
               COALESCE(json_extract(value, '$.Handover.Status'), 'BotOwns'),
               CAST((julianday(json_extract(value, '$.Handover.Since')) - 2440587.5) * 86400000 AS INTEGER),
               CAST((julianday(json_extract(value, '$.LastInteractionAt')) - 2440587.5) * 86400000 AS INTEGER),
               json_extract(value, '$.AssignedAgent'), json_extract(value, '$.FirstEntry.Source')
        FROM state WHERE key LIKE 'customers/%' AND json_valid(value) AND json_extract(value, '$.UserId') IS NOT NULL;
        INSERT OR IGNORE INTO customer_list_tags (tag, channel_id, user_id)
        SELECT t.value, json_extract(s.value, '$.ChannelId'), json_extract(s.value, '$.UserId')
        FROM state s, json_each(s.value, '$.Tags') t
        WHERE s.key LIKE 'customers/%' AND json_valid(s.value) AND json_extract(s.value, '$.UserId') IS NOT NULL;
        DELETE FROM state WHERE key LIKE 'customers-index/%';
        """,

        // 4: the agents' lists are read a page at a time, longest waiting or most recent first: indexes holding exactly those
        // orders (the IS NULL terms and tie-breaks included, as the queries write them) let a page read its 25 rows instead of
        // sorting every match (2,000 waiting, 100,000 people).
        """
        CREATE INDEX ix_customer_list_status_waiting_order ON customer_list (status, status_since IS NULL, status_since, channel_id, user_id);
        CREATE INDEX ix_customer_list_status_recent_order ON customer_list (status, last_interaction_at IS NULL, last_interaction_at DESC, channel_id, user_id);
        CREATE INDEX ix_customer_list_recent_order ON customer_list (last_interaction_at IS NULL, last_interaction_at DESC, channel_id, user_id);
        DROP INDEX ix_customer_list_status;
        DROP INDEX ix_customer_list_recent;
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
