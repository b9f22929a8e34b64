using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace GiftBot.Conversations.Understanding;

/// <summary>
/// A message that is only a web address: the whole text, or, without text, a link-share attachment (Messenger sends a
/// shared link as a "fallback" attachment). Read before any question takes a message as its answer, since an address
/// answers none of them.
/// </summary>
public static class SharedLinks
{
    /// <summary>The one web address a message consists of (its whole text, or a link-share attachment without text); null otherwise.</summary>
    public static string? Of(IActivity activity)
    {
        var message = activity.AsMessageActivity();
        var text = message?.Text?.Trim();
        if (!string.IsNullOrEmpty(text)) return IsWebAddress(text) ? text : null;
        foreach (var attachment in message?.Attachments ?? [])
        {
            if (!IsLinkShare(attachment)) continue;
            var url = attachment.ContentUrl ?? (attachment.Content as JObject)?.Value<string>("url");
            if (IsWebAddress(url)) return url;
        }
        return null;
    }

    // Media (image/*, audio/*, video/*) and stickers are what they look like; a Messenger "fallback" is a shared link, and
    // Web Chat's link attachments carry no media type.
    private static bool IsLinkShare(Attachment attachment) => attachment.ContentType is { } type
        && (type.EndsWith(".fallback", StringComparison.OrdinalIgnoreCase) || type is "text/html" or "text/uri-list" or "text/x-uri");

    private static bool IsWebAddress(string? text) =>
        !string.IsNullOrEmpty(text) && !text.Any(char.IsWhiteSpace)
        && Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
