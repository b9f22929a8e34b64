using Newtonsoft.Json;
using Npgsql;

namespace GiftBot.Storage.Postgres;

/// <summary>Funnel events in PostgreSQL: one row per step from every instance, properties as a JSON object, counted by kind for the dashboard.</summary>
public sealed class PostgresFunnelEventStore(PostgresDatabase database) : IFunnelEventStore
{
    private const int MaxListLimit = 10_000;

    public Task RecordAsync(FunnelEvent funnelEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(funnelEvent);
        ArgumentException.ThrowIfNullOrWhiteSpace(funnelEvent.Kind, nameof(funnelEvent));
        return database.WriteAsync((connection, transaction, token) => InsertAsync(connection, transaction, funnelEvent, token), cancellationToken);
    }

    internal static Task<int> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, FunnelEvent funnelEvent, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(
            """
            INSERT INTO funnel_events (kind, channel_id, conversation_id, user_id, properties, timestamp, entry_source)
            VALUES (@kind, @channel, @conversation, @user, @properties, @timestamp, @entrySource);
            """,
            cancellationToken, transaction,
            ("kind", funnelEvent.Kind),
            ("channel", funnelEvent.ChannelId ?? string.Empty),
            ("conversation", funnelEvent.ConversationId ?? string.Empty),
            ("user", funnelEvent.UserId),
            ("properties", funnelEvent.Properties is null || funnelEvent.Properties.Count == 0 ? "{}" : JsonConvert.SerializeObject(funnelEvent.Properties)),
            ("timestamp", funnelEvent.Timestamp.ToUnixTimeMilliseconds()),
            ("entrySource", funnelEvent.EntrySource));

    /// <summary>A unit of work's events in one statement: one round trip however many steps the turn recorded.</summary>
    internal static Task<int> InsertAllAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<FunnelEvent> events, CancellationToken cancellationToken) =>
        events.Count == 1
            ? InsertAsync(connection, transaction, events[0], cancellationToken)
            : connection.ExecuteAsync(
                """
                INSERT INTO funnel_events (kind, channel_id, conversation_id, user_id, properties, timestamp, entry_source)
                SELECT k, c, v, u, p, t, e FROM unnest(@kinds, @channels, @conversations, @users, @properties, @timestamps, @entrySources)
                    WITH ORDINALITY AS x(k, c, v, u, p, t, e, n)
                ORDER BY n;
                """,
                cancellationToken, transaction,
                ("kinds", events.Select(e => e.Kind).ToArray()),
                ("channels", events.Select(e => e.ChannelId ?? string.Empty).ToArray()),
                ("conversations", events.Select(e => e.ConversationId ?? string.Empty).ToArray()),
                ("users", events.Select(e => e.UserId).ToArray()),
                ("properties", events.Select(e => e.Properties is null || e.Properties.Count == 0 ? "{}" : JsonConvert.SerializeObject(e.Properties)).ToArray()),
                ("timestamps", events.Select(e => e.Timestamp.ToUnixTimeMilliseconds()).ToArray()),
                ("entrySources", events.Select(e => e.EntrySource).ToArray()));

    /// <summary>Raw events since <paramref name="since"/>, plus the daily figures of rolled-up days that start at or after it.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountByKindAsync(DateTimeOffset? since = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            """
            SELECT kind, SUM(n)::bigint FROM (
                SELECT kind, COUNT(*) AS n FROM funnel_events WHERE timestamp >= @since GROUP BY kind
                UNION ALL
                SELECT kind, SUM(count) AS n FROM funnel_daily WHERE day * 86400000 >= @since GROUP BY kind) AS counts
            GROUP BY kind;
            """,
            null, ("since", since?.ToUnixTimeMilliseconds() ?? long.MinValue));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await FunnelEventRow.ReadCountsAsync(reader, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<FunnelEvent>> ListAsync(string? kind = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            """
            SELECT kind, channel_id, conversation_id, user_id, properties, timestamp FROM funnel_events
            WHERE @kind::text IS NULL OR kind = @kind
            ORDER BY timestamp DESC, id DESC LIMIT @limit;
            """,
            null, ("kind", kind), ("limit", Math.Min(limit, MaxListLimit)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await FunnelEventRow.ReadAllAsync(reader, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A shopper's data deletion: their events stay counted but no longer name them.</summary>
    public Task<int> ForgetUserAsync(string channelId, string userId, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction, token) => connection.ExecuteAsync(
            "UPDATE funnel_events SET user_id = NULL, conversation_id = 'forgotten' WHERE channel_id = @channel AND user_id = @user;",
            token, transaction, ("channel", channelId), ("user", userId)), cancellationToken);
}
