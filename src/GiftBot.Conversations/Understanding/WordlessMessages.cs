using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.Understanding;

/// <summary>
/// What a message without words holds, so the answer names it: a voice note told "I can't see pictures" sounds like the
/// bot did not notice what was sent. Standard media types from every channel; Messenger's stickers carry a vendor type.
/// </summary>
public static class WordlessMessages
{
    public enum Kind { Picture, Voice, Other }

    public static Kind KindOf(IList<Attachment>? attachments)
    {
        var types = (attachments ?? []).Select(attachment => attachment.ContentType ?? "").ToList();
        if (types.Any(type => type.StartsWith("audio/", StringComparison.OrdinalIgnoreCase))) return Kind.Voice;
        return types.Count > 0 && types.All(IsPicture) ? Kind.Picture : Kind.Other;
    }

    private static bool IsPicture(string type) =>
        type.StartsWith("image/", StringComparison.OrdinalIgnoreCase) || type.StartsWith("video/", StringComparison.OrdinalIgnoreCase)
        || type.EndsWith(".sticker", StringComparison.OrdinalIgnoreCase);
}
