using Npgsql;

namespace GiftBot.Storage.Postgres;

/// <summary>
/// Versioned PostgreSQL schema, the same tables and meanings as the SQLite one (times are Unix milliseconds so both
/// providers agree to the millisecond). Each migration runs once, in order, in one transaction that first takes a
/// transaction-scoped advisory lock: instances starting together queue on the lock and the later ones find the work
/// done. Later issues append migrations; never edit one that has shipped.
/// </summary>
internal static class PostgresSchemaMigrations
{
    /// <summary>Arbitrary, fixed: "GiftBot schema" for pg_advisory_xact_lock. Other applications on the database use other keys.</summary>
    private const long AdvisoryLockKey = 0x4769_6674_426F_7401;

    private static readonly string[] Migrations =
    [
        // 1: bot state, funnel events, durable inbox (with per-person lease rows), scheduled jobs.
        """
        CREATE TABLE state (
            key        text   NOT NULL PRIMARY KEY,
            value      text   NOT NULL,
            etag       text   NOT NULL,
            updated_at bigint NOT NULL
        );

        CREATE TABLE funnel_events (
            id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            kind            text   NOT NULL,
            channel_id      text   NOT NULL,
            conversation_id text   NOT NULL,
            user_id         text   NULL,
            properties      text   NOT NULL,
            timestamp       bigint NOT NULL
        );
        CREATE INDEX ix_funnel_events_kind_timestamp ON funnel_events (kind, timestamp);
        CREATE INDEX ix_funnel_events_timestamp ON funnel_events (timestamp);

        -- Every dedup key ever accepted, kept after the item itself is completed and deleted.
        CREATE TABLE inbox_dedup (
            dedup_key   text   NOT NULL PRIMARY KEY,
            accepted_at bigint NOT NULL
        );

        CREATE TABLE inbox (
            id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            partition_key text   NOT NULL,
            dedup_key     text   NOT NULL UNIQUE,
            payload       text   NOT NULL,
            occurred_at   bigint NOT NULL,
            enqueued_at   bigint NOT NULL,
            available_at  bigint NOT NULL,
            attempts      integer NOT NULL DEFAULT 0,
            last_error    text   NULL,
            parked_at     bigint NULL
        );
        CREATE INDEX ix_inbox_partition_order ON inbox (partition_key, occurred_at, id) WHERE parked_at IS NULL;
        CREATE INDEX ix_inbox_parked ON inbox (parked_at) WHERE parked_at IS NOT NULL;

        -- One row per partition (person): its lease. Leasing locks these rows FOR UPDATE SKIP LOCKED, so two instances
        -- never hold the same person at once and each person's events are handed out strictly one after another.
        CREATE TABLE inbox_partitions (
            partition_key text   NOT NULL PRIMARY KEY,
            leased_item   bigint NULL,
            lease_until   bigint NULL
        );

        CREATE TABLE scheduled_jobs (
            job_key     text    NOT NULL PRIMARY KEY,
            kind        text    NOT NULL,
            payload     text    NOT NULL,
            due_at      bigint  NOT NULL,
            version     bigint  NOT NULL,
            lease_until bigint  NULL,
            attempts    integer NOT NULL DEFAULT 0,
            last_error  text    NULL,
            failed_at   bigint  NULL
        );
        CREATE INDEX ix_scheduled_jobs_due ON scheduled_jobs (due_at) WHERE failed_at IS NULL;
        """,

        // 2: incoming events acknowledged but refused (where and why, no content); a redelivered body counts once.
        """
        CREATE TABLE rejected_events (
            id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            source      text   NOT NULL,
            location    text   NOT NULL,
            reason      text   NOT NULL,
            body_hash   text   NOT NULL,
            received_at bigint NOT NULL,
            UNIQUE (body_hash, location)
        );
        CREATE INDEX ix_rejected_events_received ON rejected_events (received_at);
        """,

        // 3: one unit of work per turn (lease owners, reply outbox), the agents' list as a table, retention (SQLite's equivalent).
        // No customer cards to copy into the list: no PostgreSQL database held any before this version.
        """
        -- Which instance holds a person's lease; an instance that stopped beating its heartbeat loses its leases at once.
        ALTER TABLE inbox_partitions ADD COLUMN lease_owner text NULL;
        CREATE TABLE store_instances (
            instance_id  text   NOT NULL PRIMARY KEY,
            started_at   bigint NOT NULL,
            heartbeat_at bigint NOT NULL,
            stopped_at   bigint NULL
        );

        -- Reply parts the Send API accepted for an inbox item still being handled: a replayed item skips them.
        CREATE TABLE reply_outbox (
            scope      text    NOT NULL,
            sequence   integer NOT NULL,
            message_id text    NULL,
            sent_at    bigint  NOT NULL,
            PRIMARY KEY (scope, sequence)
        );

        -- The agents' list: one row per person with what the list filters and sorts on (the card itself stays in state).
        CREATE TABLE customer_list (
            channel_id          text   NOT NULL,
            user_id             text   NOT NULL,
            display_name        text   NULL,
            name_key            text   NULL,
            status              text   NOT NULL,
            status_since        bigint NULL,
            last_interaction_at bigint NULL,
            assigned_agent      text   NULL,
            entry_source        text   NULL,
            PRIMARY KEY (channel_id, user_id)
        );
        CREATE INDEX ix_customer_list_status ON customer_list (status, status_since);
        CREATE INDEX ix_customer_list_recent ON customer_list (last_interaction_at);
        CREATE INDEX ix_customer_list_agent ON customer_list (lower(assigned_agent), last_interaction_at);
        CREATE INDEX ix_customer_list_name ON customer_list (name_key text_pattern_ops);
        CREATE TABLE customer_list_tags (
            tag        text NOT NULL,
            channel_id text NOT NULL,
            user_id    text NOT NULL,
            PRIMARY KEY (tag, channel_id, user_id)
        );
        CREATE INDEX ix_customer_list_tags_person ON customer_list_tags (channel_id, user_id);

        -- Funnel figures older than the raw-event retention, per day, entry source and kind.
        ALTER TABLE funnel_events ADD COLUMN entry_source text NULL;
        CREATE TABLE funnel_daily (
            day          bigint NOT NULL,
            entry_source text   NOT NULL,
            kind         text   NOT NULL,
            count        bigint NOT NULL,
            PRIMARY KEY (day, entry_source, kind)
        );
        CREATE INDEX ix_inbox_dedup_accepted ON inbox_dedup (accepted_at);
        DELETE FROM state WHERE key LIKE 'customers-index/%';
        """,

        // 4: the web console's tables (agents, transcript, orders, ad spend, deletion requests), so every instance shares them.
        // SQLite creates the same tables on first use (GiftBot.WebConsole's ConsoleSqlite); amounts stay invariant-culture text there and numeric here.
        """
        -- Agent names match case-insensitively, as SQLite's COLLATE NOCASE does.
        CREATE TABLE console_agents (
            name          text    NOT NULL,
            display_name  text    NOT NULL,
            password_hash text    NOT NULL,
            failed_count  integer NOT NULL DEFAULT 0,
            locked_until  bigint  NULL,
            created_at    bigint  NOT NULL
        );
        CREATE UNIQUE INDEX ux_console_agents_name ON console_agents (lower(name));

        CREATE TABLE console_transcript (
            id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            channel_id text   NOT NULL,
            user_id    text   NOT NULL,
            direction  text   NOT NULL,
            route      text   NOT NULL,
            at         bigint NOT NULL,
            activity   text   NOT NULL
        );
        CREATE INDEX ix_console_transcript_person ON console_transcript (channel_id, user_id, id);
        CREATE INDEX ix_console_transcript_at ON console_transcript (at);

        CREATE TABLE console_orders (
            order_id    text    NOT NULL PRIMARY KEY,
            total       numeric NOT NULL,
            currency    text    NOT NULL,
            at          bigint  NOT NULL,
            token       text    NULL,
            channel_id  text    NULL,
            user_id     text    NULL,
            first_touch text    NOT NULL,
            last_touch  text    NOT NULL,
            received_at bigint  NOT NULL
        );
        CREATE INDEX ix_console_orders_at ON console_orders (at);
        CREATE INDEX ix_console_orders_person ON console_orders (channel_id, user_id);

        CREATE TABLE console_ad_spend (
            ad_id    text    NOT NULL,
            day      date    NOT NULL,
            campaign text    NULL,
            spend    numeric NOT NULL,
            PRIMARY KEY (ad_id, day)
        );

        CREATE TABLE console_deletions (
            code         text   NOT NULL PRIMARY KEY,
            user_id      text   NOT NULL,
            requested_at bigint NOT NULL,
            completed_at bigint NULL
        );
        """,

        // 5: the agents' lists are read a page at a time, longest waiting or most recent first: indexes in those exact orders
        // (tie-breaks included) let a page read its 25 rows instead of sorting every match (2,000 waiting, 100,000 people).
        """
        CREATE INDEX ix_customer_list_status_waiting_order ON customer_list (status, status_since ASC NULLS LAST, channel_id, user_id);
        CREATE INDEX ix_customer_list_status_recent_order ON customer_list (status, last_interaction_at DESC NULLS LAST, channel_id, user_id);
        CREATE INDEX ix_customer_list_recent_order ON customer_list (last_interaction_at DESC NULLS LAST, channel_id, user_id);
        DROP INDEX ix_customer_list_status;
        DROP INDEX ix_customer_list_recent;
        """,

        // 6: transcript messages are written Brotli-compressed into activity_z (PostgreSQL compresses a value only once its
        // row passes about 2 kB, so replies with quick replies stayed whole); rows already stored keep their text in activity.
        """
        ALTER TABLE console_transcript ADD COLUMN activity_z bytea NULL;
        ALTER TABLE console_transcript ALTER COLUMN activity DROP NOT NULL;
        ALTER TABLE console_transcript ADD CONSTRAINT ck_console_transcript_activity CHECK (activity IS NOT NULL OR activity_z IS NOT NULL);
        """,
    ];

    public static int LatestVersion => Migrations.Length;

    /// <summary>Applies pending migrations and returns the resulting version.</summary>
    public static async Task<int> ApplyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@key);", cancellationToken, transaction, ("key", AdvisoryLockKey)).ConfigureAwait(false);
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL PRIMARY KEY, applied_at bigint NOT NULL);",
            cancellationToken, transaction).ConfigureAwait(false);
        var current = await connection.ScalarAsync<int>("SELECT COALESCE(MAX(version), 0) FROM schema_version;", cancellationToken, transaction).ConfigureAwait(false);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException($"The database schema (version {current}) is newer than this GiftBot build understands (version {LatestVersion}). Upgrade GiftBot or point ConnectionStrings:{StorageOptions.ConnectionStringName} at another database.");
        }

        for (var version = current + 1; version <= LatestVersion; version++)
        {
            await connection.ExecuteAsync(Migrations[version - 1], cancellationToken, transaction).ConfigureAwait(false);
            await connection.ExecuteAsync(
                "INSERT INTO schema_version (version, applied_at) VALUES (@version, @now);",
                cancellationToken, transaction, ("version", version), ("now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return LatestVersion;
    }
}
