using Microsoft.Data.Sqlite;
using Newtonsoft.Json;

namespace GiftBot.Storage.Sqlite;

/// <summary>Funnel events in SQLite: one row per step, properties as a JSON object, counted by kind for the dashboard.</summary>
public sealed class SqliteFunnelEventStore(SqliteDatabase database) : IFunnelEventStore
{
    private const int MaxListLimit = 10_000;

    public async Task RecordAsync(FunnelEvent funnelEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(funnelEvent);
        ArgumentException.ThrowIfNullOrWhiteSpace(funnelEvent.Kind, nameof(funnelEvent));
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await write.Connection.ExecuteAsync(
            """
            INSERT INTO funnel_events (kind, channel_id, conversation_id, user_id, properties, timestamp)
            VALUES ($kind, $channel, $conversation, $user, $properties, $timestamp);
            """,
            cancellationToken, write.Transaction,
            ("$kind", funnelEvent.Kind),
            ("$channel", funnelEvent.ChannelId ?? string.Empty),
            ("$conversation", funnelEvent.ConversationId ?? string.Empty),
            ("$user", funnelEvent.UserId),
            ("$properties", JsonConvert.SerializeObject(funnelEvent.Properties ?? new Dictionary<string, string>())),
            ("$timestamp", funnelEvent.Timestamp.ToUnixMs())).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, long>> CountByKindAsync(DateTimeOffset? since = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT kind, COUNT(*) FROM funnel_events WHERE timestamp >= $since GROUP BY kind;",
            null, ("$since", since?.ToUnixMs() ?? long.MinValue));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    public async Task<IReadOnlyList<FunnelEvent>> ListAsync(string? kind = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            """
            SELECT kind, channel_id, conversation_id, user_id, properties, timestamp FROM funnel_events
            WHERE $kind IS NULL OR kind = $kind
            ORDER BY timestamp DESC, id DESC LIMIT $limit;
            """,
            null, ("$kind", kind), ("$limit", Math.Min(limit, MaxListLimit)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<FunnelEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(Read(reader));
        }

        return events;
    }

    public async Task<int> ForgetUserAsync(string channelId, string userId, CancellationToken cancellationToken = default)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var changed = await write.Connection.ExecuteAsync(
            "UPDATE funnel_events SET user_id = NULL, conversation_id = 'forgotten' WHERE channel_id = $channel AND user_id = $user;",
            cancellationToken, write.Transaction, ("$channel", channelId), ("$user", userId)).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }

    private static FunnelEvent Read(SqliteDataReader reader) => new()
    {
        Kind = reader.GetString(0),
        ChannelId = reader.GetString(1),
        ConversationId = reader.GetString(2),
        UserId = reader.IsDBNull(3) ? null : reader.GetString(3),
        Properties = ParseProperties(reader.GetString(4)),
        Timestamp = SqliteCommandExtensions.FromUnixMs(reader.GetInt64(5)),
    };

    // A damaged properties column should not hide the event from the dashboard: count it, show it without properties.
    private static IReadOnlyDictionary<string, string> ParseProperties(string json)
    {
        try
        {
            return JsonConvert.DeserializeObject<Dictionary<string, string>>(json) ?? [];
        }
        catch (JsonException)
        {
            return new Dictionary<string, string>();
        }
    }
}
