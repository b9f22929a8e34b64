using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Bot.Schema;

namespace GiftBot.Messenger.Inbound;

/// <summary>
/// Checked Messenger attachments as Bot Framework attachments: media get a MIME content type (guessed from the CDN URL's
/// extension, else "image/*" etc.) and ContentUrl; Messenger-only kinds get a vendor type with the raw payload as Content.
/// </summary>
public static class MessengerAttachmentMapper
{
    public const string StickerContentType = "application/vnd.facebook.messenger.sticker";
    public const string FallbackContentType = "application/vnd.facebook.messenger.fallback";
    public const string VendorPrefix = "application/vnd.facebook.messenger.";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static Attachment Map(MessengerAttachment attachment)
    {
        var type = attachment.Type;
        var url = attachment.Url;
        var content = attachment.Payload?.ToJToken();

        // Until 2026-08-30 stickers also arrive as "image" with a sticker_id; treat both the same way.
        if (type == "sticker" || (type == "image" && attachment.StickerId is not null))
            return new Attachment(StickerContentType, url, content, attachment.StickerId);

        return type switch
        {
            "image" or "audio" or "video" => new Attachment(GuessMediaType(url, type), url, content, attachment.Title),
            "file" => new Attachment(GuessMediaType(url, "application", "application/octet-stream"), url, content, FileName(url) ?? attachment.Title),
            "fallback" => new Attachment(FallbackContentType, url, content, attachment.Title),
            _ => new Attachment(VendorPrefix + type, url, content, attachment.Title),
        };
    }

    private static string GuessMediaType(string? url, string major, string? fallback = null)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && ContentTypes.TryGetContentType(uri.AbsolutePath, out var contentType)
            && (major == "application" || contentType.StartsWith(major + "/", StringComparison.Ordinal)))
            return contentType;
        return fallback ?? major + "/*";
    }

    private static string? FileName(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && Path.GetFileName(uri.AbsolutePath) is { Length: > 0 } name ? name : null;
}
