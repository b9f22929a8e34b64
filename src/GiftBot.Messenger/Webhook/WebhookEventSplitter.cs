using System.Text.Json;
using GiftBot.Messenger.Inbound;

namespace GiftBot.Messenger.Webhook;

/// <summary>One inbox item to write: ordered per user (partition), deduplicated across Meta's redeliveries.</summary>
public sealed record InboxWrite(string PartitionKey, string DedupKey, MessengerEvent Event);

/// <summary>An item (or the whole body) that could not be read: where it was ("entry[0].messaging[1]") and why.</summary>
public sealed record WebhookRejection(string Location, string Reason);

/// <summary>What one webhook body holds: events to store, items refused, items of kinds this bot does not handle.</summary>
public sealed record WebhookBatch(IReadOnlyList<InboxWrite> Writes, IReadOnlyList<WebhookRejection> Rejections, IReadOnlyList<string> Ignored, string? OtherObject = null);

/// <summary>Turns a webhook body into inbox writes: every entry[], every messaging[] and standby[] item, each read on its own.</summary>
public static class WebhookEventSplitter
{
    public const string PageObject = "page";

    /// <param name="pageId">This bot's Page (Facebook:PageId); when set, other Pages' entries are acknowledged but skipped.</param>
    public static WebhookBatch Split(JsonElement body, string? pageId = null)
    {
        var writes = new List<InboxWrite>();
        var rejections = new List<WebhookRejection>();
        var ignored = new List<string>();
        try
        {
            var root = new JsonFieldReader(body, "");
            var objectName = root.Required("object").Text(JsonFieldReader.MaxShortText);
            // Acknowledged but not handled: this bot serves Pages (an Instagram or WhatsApp subscription is someone else's).
            if (objectName != PageObject) return new WebhookBatch([], [], [], SafeName(objectName));
            foreach (var entry in root.Required("entry").Items())
                Collect(entry, pageId, writes, rejections, ignored);
        }
        catch (MessengerFieldException ex)
        {
            rejections.Add(new WebhookRejection("body", ex.Message));
        }
        return new WebhookBatch(writes, rejections, ignored);
    }

    private static void Collect(JsonFieldReader entry, string? thisPageId, List<InboxWrite> writes, List<WebhookRejection> rejections, List<string> ignored)
    {
        string pageId;
        JsonFieldReader[] messaging, standby;
        try
        {
            pageId = entry.Required("id").Id();
            messaging = entry.Optional("messaging")?.Items().ToArray() ?? [];
            standby = entry.Optional("standby")?.Items().ToArray() ?? [];
            if (entry.Optional("changes") is { Element.ValueKind: JsonValueKind.Array } changes && changes.Element.GetArrayLength() > 0) ignored.Add("changes");
        }
        catch (MessengerFieldException ex)
        {
            rejections.Add(new WebhookRejection(entry.Path, ex.Message));
            return;
        }
        // One app's webhook may carry several Pages' events; a PSID belongs to its Page, and this Page's token cannot answer it.
        if (!string.IsNullOrEmpty(thisPageId) && pageId != thisPageId)
        {
            ignored.Add("another Page's entry");
            return;
        }
        foreach (var item in messaging) Add(item, pageId, standby: false, writes, rejections, ignored);
        foreach (var item in standby) Add(item, pageId, standby: true, writes, rejections, ignored);
    }

    private static void Add(JsonFieldReader item, string pageId, bool standby, List<InboxWrite> writes, List<WebhookRejection> rejections, List<string> ignored)
    {
        var reading = MessengerEventReader.Read(item.Element, pageId, standby);
        if (reading.Event is { } messengerEvent)
            writes.Add(new InboxWrite($"{pageId}:{messengerEvent.UserId}", (standby ? "standby:" : "") + DedupKey(messengerEvent), messengerEvent));
        else if (reading.Rejection is { } reason)
            rejections.Add(new WebhookRejection(item.Path, reason));
        else
            ignored.Add(reading.IgnoredFields ?? "");
    }

    // Meta redelivers on failure: the same mid, or the same event by user, time and kind, is stored once.
    private static string DedupKey(MessengerEvent e) => e.Kind switch
    {
        MessengerEventKind.Message or MessengerEventKind.Echo when e.Message?.Mid is { } mid => $"mid:{mid}",
        MessengerEventKind.Read => $"read:{e.PageId}:{e.UserId}:{e.Watermark?.Watermark}",
        MessengerEventKind.Delivery => $"delivery:{e.PageId}:{e.UserId}:{e.Watermark?.Watermark}",
        MessengerEventKind.Handover => $"{e.ThreadControl?.Field}:{e.PageId}:{e.UserId}:{e.Timestamp}",
        _ => $"{e.Kind.ToString().ToLowerInvariant()}:{e.PageId}:{e.UserId}:{e.Timestamp}",
    };

    private static string SafeName(string name) => new(name.Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').Take(40).ToArray());
}
