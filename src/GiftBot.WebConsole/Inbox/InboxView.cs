using System.Text;
using System.Text.Json.Nodes;
using GiftBot.Customers.Context;
using Microsoft.AspNetCore.Http;
using static GiftBot.WebConsole.Pages.Html;

namespace GiftBot.WebConsole.Inbox;

/// <summary>The inbox's pieces: the queue, the context card and the reply box. Each is also served alone for live updates.</summary>
public static class InboxView
{
    public static string Queue(InboxLists lists, string? openPerson)
    {
        var html = new StringBuilder();
        html.Append("<h2 id=\"waiting-title\">Waiting for a person</h2>");
        html.Append(lists.Waiting.Count == 0 ? "<p class=\"meta\">Nobody is waiting.</p>" : List(lists.Waiting, lists.Now, openPerson, waiting: true, "waiting-title"));
        html.Append("<h2 id=\"open-title\">Open conversations</h2>");
        html.Append(lists.Open.Count == 0 ? "<p class=\"meta\">No conversations yet.</p>" : List(lists.Open, lists.Now, openPerson, waiting: false, "open-title"));
        return html.ToString();
    }

    private static string List(IReadOnlyList<CustomerSummary> people, DateTimeOffset now, string? openPerson, bool waiting, string labelledBy)
    {
        var items = people.Select(p =>
        {
            var person = $"{p.ChannelId}/{p.UserId}";
            var current = person == openPerson ? " aria-current=\"true\"" : "";
            var detail = waiting && p.HandoverSince is { } since
                ? $"<span class=\"wait\">waiting {E(Duration(now - since))}</span>"
                : $"<span class=\"meta\">{(p.AssignedAgent is null ? "bot" : "with " + E(p.AssignedAgent))} · {Time(p.LastInteractionAt)}</span>";
            return $"<li data-waiting-person=\"{(waiting ? E(person) : "")}\"><a href=\"{E(ConsoleRoutes.Conversation(p.ChannelId, p.UserId))}\"{current}><strong>{E(p.FirstName ?? "Shopper")}</strong> <span class=\"meta\">{E(ChannelLabel(p.ChannelId))}</span><br>{detail}</a></li>";
        });
        return $"<ul aria-labelledby=\"{labelledBy}\">{string.Concat(items)}</ul>";
    }

    public static string ChannelLabel(string channelId) => channelId switch
    {
        "facebook" => "Messenger",
        "webchat" => "Web Chat",
        "emulator" => "Emulator",
        "directline" => "Direct Line",
        _ => channelId,
    };

    public static string Card(HttpContext http, CustomerContext context, JsonObject? userState, DateTimeOffset now)
    {
        var action = ConsoleRoutes.Conversation(context.ChannelId, context.UserId);
        var token = Antiforgery(http);
        var me = http.User.Identity?.Name ?? "";
        var status = context.Handover.Status switch
        {
            HandoverStatus.WaitingForAgent => $"Waiting for a person for {Duration(now - (context.Handover.Since ?? now))}",
            HandoverStatus.HumanOwns => context.AssignedAgent is null ? $"With people, not picked up ({Duration(now - (context.Handover.Since ?? now))})" : "With people",
            _ => "With the bot",
        };
        var notes = context.Notes.Count == 0 ? "<p class=\"meta\">No notes.</p>"
            : "<ul>" + string.Concat(context.Notes.Select(n => $"<li><p>{E(n.Text)}</p><span class=\"meta\">{E(n.Author)} · {Time(n.At)}</span></li>")) + "</ul>";
        var tags = context.Tags.Count == 0 ? "<p class=\"meta\">No tags.</p>"
            : "<ul class=\"tags\" aria-label=\"Tags\">" + string.Concat(context.Tags.Select(t => $"<li>{E(t)}</li>")) + "</ul>";
        return
            $"""
            <h2>{E(context.Profile.FirstName ?? "Shopper")}</h2>
            <dl>
              <dt>Channel</dt><dd>{E(ChannelLabel(context.ChannelId))}</dd>
              <dt>Status</dt><dd data-status>{E(status)}</dd>
              <dt>Assigned</dt><dd data-assigned>{E(context.AssignedAgent ?? "nobody")}</dd>
              <dt>Locale</dt><dd>{E(context.Profile.Locale ?? "unknown")}</dd>
              <dt>Time zone</dt><dd>{E(context.Profile.TimeZone ?? "unknown")}</dd>
              <dt>Came from</dt><dd>{EntryLabel(context.FirstEntry)}</dd>
              <dt>Latest entry</dt><dd>{EntryLabel(context.LatestEntry)}</dd>
              <dt>First seen</dt><dd>{Time(context.CreatedAt)}</dd>
              <dt>Last message</dt><dd>{Time(context.LastUserMessageAt)}</dd>
            </dl>
            <h3>Saved recipients</h3>{Recipients(userState?["recipients"])}
            <h3>Basket</h3>{Basket(userState?["basket"])}
            <h3>Tags</h3>{tags}
            <form method="post" action="{E(action)}/tags" class="inline">{token}
              <label for="tag">Add tag</label><input id="tag" name="tag" required maxlength="50"><button type="submit">Add</button>
            </form>
            <h3>Notes</h3>{notes}
            <form method="post" action="{E(action)}/notes" class="reply">{token}
              <label for="note">New note</label><textarea id="note" name="text" rows="2" required maxlength="2000"></textarea><button type="submit">Save note</button>
            </form>
            <h3>Actions</h3>
            <div class="inline">
              <form method="post" action="{E(action)}/assign">{token}<input type="hidden" name="agent" value="{E(me)}"><button type="submit">Assign to me</button></form>
              <form method="post" action="{E(action)}/hand-back">{token}<button type="submit" class="secondary">Hand back to the bot</button></form>
            </div>
            <h3>Privacy</h3>
            <div class="inline">
              <a class="button secondary" href="{E(ConsoleRoutes.Root)}/privacy/{E(Uri.EscapeDataString(context.ChannelId))}/{E(Uri.EscapeDataString(context.UserId))}/export">Export data (JSON)</a>
              <form method="post" action="{E(ConsoleRoutes.Root)}/privacy/{E(Uri.EscapeDataString(context.ChannelId))}/{E(Uri.EscapeDataString(context.UserId))}/delete">{token}<button type="submit" class="danger">Delete all data</button></form>
            </div>
            """;
    }

    public static string EntryLabel(EntrySource? entry)
    {
        if (entry is null) return "Organic (no ad or link)";
        var kind = entry.AdId is not null ? "Ad" : entry.Source?.ToUpperInvariant() switch
        {
            "SHORTLINK" => "m.me link",
            "QR" or "MESSENGER_CODE" => "QR code",
            "SHARE" or "SHARED" => "Share",
            "ADS" => "Ad",
            _ => entry.Source ?? "Link",
        };
        var detail = entry.AdId is not null ? $"{entry.AdTitle ?? "ad"} ({entry.AdId})" : entry.Ref is not null ? $"ref {entry.Ref}" : "";
        return $"{E(kind)} {E(detail)} <span class=\"meta\">{Time(entry.At)}</span>";
    }

    private static string Recipients(JsonNode? node)
    {
        var recipients = node?["Profiles"] as JsonArray ?? node?["profiles"] as JsonArray ?? node as JsonArray;
        if (recipients is null || recipients.Count == 0) return "<p class=\"meta\">None saved.</p>";
        return "<ul>" + string.Concat(recipients.Select(r => $"<li>{E(Describe(r, "Recipient", "AgeMin", "AgeMax", "Interests"))}</li>")) + "</ul>";
    }

    private static string Basket(JsonNode? node)
    {
        var items = node?["Items"] as JsonArray ?? node?["items"] as JsonArray ?? node as JsonArray;
        if (items is null || items.Count == 0) return "<p class=\"meta\">Empty.</p>";
        return "<ul>" + string.Concat(items.Select(i => $"<li>{E(Describe(i, "Title", "Name", "ProductId", "Quantity", "Price"))}</li>")) + "</ul>";
    }

    /// <summary>The named fields that are present, "name: value" (case-insensitive), so the card survives small changes in the state shape.</summary>
    private static string Describe(JsonNode? node, params string[] fields)
    {
        if (node is not JsonObject obj) return node?.ToString() ?? "";
        var parts = fields.Select(f => obj.FirstOrDefault(p => string.Equals(p.Key, f, StringComparison.OrdinalIgnoreCase)))
            .Where(p => p.Value is not null && p.Value.ToString().Length > 0)
            .Select(p => p.Value is JsonArray array ? $"{p.Key}: {string.Join(", ", array.Select(a => a?.ToString()))}" : $"{p.Key}: {p.Value}");
        var text = string.Join(" · ", parts);
        return text.Length > 0 ? text : obj.ToJsonString();
    }

    public static string ReplyBox(string action, string token, ReplyPlan plan)
    {
        var css = plan.Mode switch { ReplyMode.HumanAgent => "mode tagged", ReplyMode.Blocked => "mode blocked", _ => "mode" };
        var disabled = plan.CanSend ? "" : " disabled";
        return
            $"""
            <form method="post" action="{E(action)}/reply" class="reply">{token}
              <p class="{css}" data-reply-mode="{plan.Mode}" role="status">{E(plan.Explanation)}</p>
              <label for="reply-text">Reply to the shopper</label>
              <textarea id="reply-text" name="text" rows="3" required maxlength="2000"{disabled}></textarea>
              <button type="submit"{disabled}>Send reply</button>
            </form>
            """;
    }
}
