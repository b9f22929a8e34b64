using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace GiftBot.Customers.Middleware;

/// <summary>
/// The line an agent sees for a message on the context card: its text cut to a limit, plus a short description of
/// what else it carried ("[carousel: 5 products]", "[image]"), so a card or photo is not an empty line.
/// </summary>
public static class ActivitySummary
{
    private const string CardPrefix = "application/vnd.microsoft.card.";

    public static string Describe(IMessageActivity activity, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text?.Trim();
        var attachments = activity.Attachments?.Where(a => a is not null).ToList() ?? [];
        var description = DescribeAttachments(attachments, activity.AttachmentLayout);
        var line = (string.IsNullOrEmpty(text), description) switch
        {
            (false, null) => text!,
            (false, _) => $"{text} {description}",
            (true, null) => "[empty message]",
            (true, _) => description,
        };
        return Truncate(line, maxLength);
    }

    public static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }

    private static string? DescribeAttachments(List<Attachment> attachments, string? layout)
    {
        if (attachments.Count == 0)
        {
            return null;
        }

        var kinds = attachments.Select(a => Kind(a.ContentType)).ToList();
        if (attachments.Count > 1 && kinds.All(k => k == "card"))
        {
            return string.Equals(layout, AttachmentLayoutTypes.Carousel, StringComparison.OrdinalIgnoreCase)
                ? $"[carousel: {attachments.Count} products]"
                : $"[{attachments.Count} cards]";
        }

        if (attachments.Count > 1)
        {
            return $"[{attachments.Count} attachments]";
        }

        return kinds[0] == "card" && CardTitle(attachments[0]) is { } title ? $"[card: {title}]" : $"[{kinds[0]}]";
    }

    private static string Kind(string? contentType)
    {
        var type = contentType?.Trim().ToLowerInvariant() ?? "";
        if (type.StartsWith(CardPrefix, StringComparison.Ordinal) || type == "template")
        {
            return "card";
        }

        var major = type.Split('/')[0];
        return major is "image" or "video" or "audio" or "location" or "sticker" or "fallback" ? major : "file";
    }

    private static string? CardTitle(Attachment attachment)
    {
        var title = attachment.Content switch
        {
            HeroCard hero => hero.Title,
            ThumbnailCard thumbnail => thumbnail.Title,
            JObject json => json.Value<string>("title"),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(title) ? null : title.Trim();
    }
}
