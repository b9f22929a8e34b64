using GiftBot.Messenger.Inbound;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Webhook;

/// <summary>One inbox item to write: ordered per user (partition), deduplicated across Meta's redeliveries.</summary>
public sealed record InboxWrite(string PartitionKey, string DedupKey, InboxEnvelope Envelope, DateTimeOffset OccurredAt, MessengerEventKind Kind);

/// <summary>Turns a webhook body into inbox writes: every entry[], every messaging[] and standby[] item.</summary>
public static class WebhookEventSplitter
{
    /// <summary>Items that can be stored, and a count of items skipped because they had no kind or no user.</summary>
    public static (IReadOnlyList<InboxWrite> Writes, IReadOnlyList<string> Skipped) Split(JObject body)
    {
        var writes = new List<InboxWrite>();
        var skipped = new List<string>();
        foreach (var entry in (body["entry"] as JArray ?? []).OfType<JObject>())
        {
            var pageId = entry.Value<string>("id") ?? "";
            Collect(entry["messaging"], pageId, standby: false, writes, skipped);
            Collect(entry["standby"], pageId, standby: true, writes, skipped);
            if (entry["changes"] is JArray changes && changes.Count > 0) skipped.Add("changes");
        }
        return (writes, skipped);
    }

    private static void Collect(JToken? items, string pageId, bool standby, List<InboxWrite> writes, List<string> skipped)
    {
        foreach (var raw in (items as JArray ?? []).OfType<JObject>())
        {
            var kind = MessengerEventClassifier.Classify(raw);
            var psid = MessengerEventClassifier.UserId(raw, kind);
            if (kind == MessengerEventKind.Unknown || string.IsNullOrEmpty(psid))
            {
                skipped.Add(kind == MessengerEventKind.Unknown ? string.Join(",", raw.Properties().Select(p => p.Name)) : $"{kind} without user");
                continue;
            }
            var timestamp = raw.Value<long?>("timestamp") ?? 0;
            var envelope = new InboxEnvelope { PageId = pageId, Standby = standby, Event = raw };
            var dedup = (standby ? "standby:" : "") + DedupKey(raw, kind, pageId, psid, timestamp);
            writes.Add(new InboxWrite($"{pageId}:{psid}", dedup, envelope, DateTimeOffset.FromUnixTimeMilliseconds(timestamp), kind));
        }
    }

    // Meta redelivers on failure: the same mid, or the same event by user, time and kind, is stored once.
    private static string DedupKey(JObject raw, MessengerEventKind kind, string pageId, string psid, long timestamp) => kind switch
    {
        MessengerEventKind.Message or MessengerEventKind.Echo when raw["message"]?.Value<string>("mid") is { Length: > 0 } mid => $"mid:{mid}",
        MessengerEventKind.Read => $"read:{pageId}:{psid}:{raw["read"]?.Value<long?>("watermark")}",
        MessengerEventKind.Delivery => $"delivery:{pageId}:{psid}:{raw["delivery"]?.Value<long?>("watermark")}",
        MessengerEventKind.Handover => $"{MessengerEventClassifier.HandoverField(raw)}:{pageId}:{psid}:{timestamp}",
        _ => $"{kind.ToString().ToLowerInvariant()}:{pageId}:{psid}:{timestamp}",
    };
}
