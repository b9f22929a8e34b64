using System.Data.Common;

namespace GiftBot.Storage;

/// <summary>
/// What both databases' rejected-event stores share: the length a stored text is cut to, the most rows one listing
/// returns, and reading the columns both select in the same order (source, location, reason, body_hash, received_at
/// in Unix milliseconds).
/// </summary>
internal static class RejectedEventRow
{
    public const int MaxTextLength = 500;
    public const int MaxListLimit = 1000;

    public const string SelectColumns = "source, location, reason, body_hash, received_at";

    /// <summary>Cuts a location or reason to <see cref="MaxTextLength"/>, so one hostile body cannot fill the store.</summary>
    public static string Bound(string text) => text.Length <= MaxTextLength ? text : text[..MaxTextLength];

    public static async Task<IReadOnlyList<RejectedEvent>> ReadAllAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var items = new List<RejectedEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(new RejectedEvent
            {
                Source = reader.GetString(0),
                Location = reader.GetString(1),
                Reason = reader.GetString(2),
                BodyHash = reader.GetString(3),
                ReceivedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
            });
        }
        return items;
    }
}
