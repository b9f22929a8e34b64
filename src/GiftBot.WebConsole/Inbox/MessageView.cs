using GiftBot.WebConsole.Pages;
using GiftBot.WebConsole.Transcripts;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using static GiftBot.WebConsole.Pages.Html;

namespace GiftBot.WebConsole.Inbox;

/// <summary>
/// A message as the shopper saw it: text, cards with image, title and buttons, carousels, quick replies. A tapped
/// button shows its label, never its payload (ADD_TO_BASKET:GB-1049): Messenger says the label in channelData, and on
/// other channels the label is found on the button the bot offered.
/// </summary>
public static class MessageView
{
    public static string Thread(IReadOnlyList<TranscriptEntry> entries)
    {
        if (entries.Count == 0) return "<p class=\"meta\">No messages recorded yet.</p>";
        var buttons = new Dictionary<string, string>(StringComparer.Ordinal);
        var html = new System.Text.StringBuilder();
        foreach (var entry in entries)
        {
            if (entry.Inbound) html.Append(Inbound(entry, buttons));
            else
            {
                html.Append(Outbound(entry));
                foreach (var (value, label) in ButtonLabels(entry.Activity)) buttons[value] = label;
            }
        }
        return html.ToString();
    }

    private static string Inbound(TranscriptEntry entry, Dictionary<string, string> offered)
    {
        var activity = entry.Activity;
        var channelData = activity.ChannelData as JObject ?? (activity.ChannelData is null ? null : JObject.FromObject(activity.ChannelData));
        var text = (string?)channelData?.SelectToken("message.text") ?? (string?)channelData?.SelectToken("postback.title")
            ?? (activity.Text is { } raw && offered.TryGetValue(raw, out var label) ? label : activity.Text);
        var attachments = (activity.Attachments ?? []).Select(a => a.ContentType?.StartsWith("image", StringComparison.OrdinalIgnoreCase) == true && a.ContentUrl is not null
            ? $"<img src=\"{E(a.ContentUrl)}\" alt=\"Photo from the shopper\" width=\"160\">" : $"<span class=\"meta\">[{E(a.ContentType)}]</span>");
        return $"<div class=\"msg in\"><div class=\"who\">Shopper · {Time(entry.At)}</div>{Paragraph(text)}{string.Concat(attachments)}</div>";
    }

    private static string Outbound(TranscriptEntry entry)
    {
        var activity = entry.Activity;
        var agent = (string?)activity.Properties?[TranscriptMiddleware.AgentProperty];
        var who = agent is null ? "Bot" : $"Agent {agent}";
        var cards = Cards(activity);
        var chips = activity.SuggestedActions?.Actions is { Count: > 0 } actions
            ? $"<div class=\"chips\" aria-label=\"Quick replies\">{string.Concat(actions.Select(a => $"<span class=\"chip\">{E(a.Title ?? a.Value?.ToString())}</span>"))}</div>"
            : QuickRepliesFromChannelData(activity);
        return $"<div class=\"msg out{(agent is null ? "" : " agent")}\"><div class=\"who\">{E(who)} · {Time(entry.At)}</div>{Paragraph(activity.Text)}{cards}{chips}</div>";
    }

    private static string Paragraph(string? text) => string.IsNullOrWhiteSpace(text) ? "" : $"<p>{E(text).Replace("\n", "<br>", StringComparison.Ordinal)}</p>";

    private static string Cards(Activity activity)
    {
        var cards = new List<string>();
        foreach (var attachment in activity.Attachments ?? [])
        {
            var content = attachment.Content as JObject ?? (attachment.Content is null ? null : JObject.FromObject(attachment.Content));
            if (content is null) continue;
            if (attachment.ContentType is HeroCard.ContentType or ThumbnailCard.ContentType)
                cards.Add(Card((string?)content["title"], (string?)content["subtitle"], (string?)content["text"], (string?)content.SelectToken("images[0].url"),
                    ButtonTitles(content)));
        }
        // Messenger templates (Azure Bot Service's Facebook channel carries them in channelData): generic elements, or a
        // button template's text and buttons (an FAQ answer).
        var payload = (activity.ChannelData as JObject)?.SelectToken("attachment.payload") as JObject;
        foreach (var element in payload?["elements"] as JArray ?? [])
            cards.Add(Card((string?)element["title"], (string?)element["subtitle"], null, (string?)element["image_url"], ButtonTitles(element)));
        if ((string?)payload?["template_type"] == "button")
            cards.Add(Card(null, null, (string?)payload["text"], null, ButtonTitles(payload)));
        if (cards.Count == 0) return "";
        return $"<div class=\"cards\" tabindex=\"0\" role=\"list\" aria-label=\"{(cards.Count > 1 ? "Carousel" : "Card")}\">{string.Concat(cards)}</div>";
    }

    // A card's text is what an FAQ answer says: without it the agent saw only the answer's buttons.
    private static string Card(string? title, string? subtitle, string? text, string? image, IEnumerable<string?> buttons) =>
        $"<div class=\"productcard\" role=\"listitem\">{(image is null ? "" : $"<img src=\"{E(image)}\" alt=\"{E(title)}\" loading=\"lazy\">")}<div class=\"body\">{(string.IsNullOrWhiteSpace(title) ? "" : $"<div class=\"title\">{E(title)}</div>")}{(subtitle is null ? "" : $"<div class=\"meta\">{E(subtitle)}</div>")}{Paragraph(text)}{string.Concat(buttons.Select(b => $"<span class=\"btn\">{E(b)}</span>"))}</div></div>";

    private static IEnumerable<string?> ButtonTitles(JToken card) => (card["buttons"] as JArray)?.Select(b => (string?)b["title"]) ?? [];

    private static string QuickRepliesFromChannelData(Activity activity) =>
        (activity.ChannelData as JObject)?["quick_replies"] is JArray replies
            ? $"<div class=\"chips\" aria-label=\"Quick replies\">{string.Concat(replies.Select(r => $"<span class=\"chip\">{E((string?)r["title"])}</span>"))}</div>"
            : "";

    private static IEnumerable<(string Value, string Label)> ButtonLabels(Activity activity)
    {
        foreach (var action in activity.SuggestedActions?.Actions ?? [])
            if (action.Value?.ToString() is { } value && action.Title is { } title) yield return (value, title);
        foreach (var attachment in activity.Attachments ?? [])
        {
            var content = attachment.Content as JObject ?? (attachment.Content is null ? null : JObject.FromObject(attachment.Content));
            foreach (var button in content?["buttons"] as JArray ?? [])
                if ((string?)button["value"] is { } value && (string?)button["title"] is { } title) yield return (value, title);
        }
    }
}
