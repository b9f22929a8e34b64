using System.Data.Common;
using Newtonsoft.Json;

namespace GiftBot.Storage;

/// <summary>
/// Reads a funnel event from the columns both databases select in the same order
/// (kind, channel_id, conversation_id, user_id, properties, timestamp in Unix milliseconds).
/// </summary>
internal static class FunnelEventRow
{
    public static FunnelEvent Read(DbDataReader reader) => new()
    {
        Kind = reader.GetString(0),
        ChannelId = reader.GetString(1),
        ConversationId = reader.GetString(2),
        UserId = reader.IsDBNull(3) ? null : reader.GetString(3),
        Properties = ParseProperties(reader.GetString(4)),
        Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
    };

    public static async Task<IReadOnlyList<FunnelEvent>> ReadAllAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var events = new List<FunnelEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(Read(reader));
        }

        return events;
    }

    /// <summary>Reads (kind, count) rows: the figures' counts per funnel step.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> ReadCountsAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

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
