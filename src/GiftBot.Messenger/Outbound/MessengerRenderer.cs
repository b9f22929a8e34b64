using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Outbound;

/// <summary>One Send API message (the "message" object) or a sender action, in sending order.</summary>
public sealed record OutboundPart(JObject? Message, string? SenderAction = null);

/// <summary>What an activity becomes on Messenger, plus request-level overrides (messaging_type, tag, ...) from its ChannelData.</summary>
public sealed record OutboundPlan(IReadOnlyList<OutboundPart> Parts, JObject Overrides);

/// <summary>
/// Renders a Bot Framework activity for Messenger within Meta's limits: text split below 2000 characters, media as
/// attachments, cards as templates, SuggestedActions as quick replies on the last message, typing as typing_on.
/// Raw Messenger content in ChannelData ("message", "attachment", "quick_replies", "sender_action", and request fields
/// "messaging_type", "tag", "notification_type", "persona_id") is passed through for advanced use.
/// </summary>
public sealed class MessengerRenderer(ILogger<MessengerRenderer> logger)
{
    private static readonly string[] RequestFields = ["messaging_type", "tag", "notification_type", "persona_id"];

    public OutboundPlan Render(IActivity activity)
    {
        object? data = activity.ChannelData;
        JObject? channelData = data is null ? null : data as JObject ?? JObject.FromObject(data);
        var overrides = new JObject();
        foreach (var field in RequestFields)
            if (channelData?[field] is JValue { Type: JTokenType.String } value) overrides[field] = value.DeepClone();

        if (activity.Type == ActivityTypes.Typing) return new([new OutboundPart(null, "typing_on")], overrides);
        if (channelData?.Value<string>("sender_action") is { Length: > 0 } action) return new([new OutboundPart(null, action)], overrides);
        if (channelData?["message"] is JObject rawMessage) return new([new OutboundPart((JObject)rawMessage.DeepClone())], overrides);

        var message = activity.AsMessageActivity();
        var parts = new List<OutboundPart>();
        if (!string.IsNullOrWhiteSpace(message?.Text))
        {
            var pieces = TextLimits.Split(message.Text, MessengerLimits.TextLength);
            if (pieces.Count > 1) logger.LogInformation("Text of {Length} characters sent as {Count} messages", message.Text.Length, pieces.Count);
            parts.AddRange(pieces.Select(piece => new OutboundPart(new JObject { ["text"] = piece })));
        }
        var attachments = message?.Attachments ?? [];
        parts.AddRange(attachments.Where(a => !TemplateRenderer.IsCard(a)).Select(Media).OfType<OutboundPart>());
        var cards = attachments.Where(TemplateRenderer.IsCard).ToList();
        if (cards.Count > 0) parts.AddRange(TemplateRenderer.Render(cards, logger).Select(m => new OutboundPart(m)));
        if (channelData?["attachment"] is JObject rawAttachment) parts.Add(new OutboundPart(new JObject { ["attachment"] = rawAttachment.DeepClone() }));

        var quickReplies = channelData?["quick_replies"] as JArray ?? QuickReplyRenderer.Render(message?.SuggestedActions, logger);
        if (quickReplies is not null)
        {
            if (parts.LastOrDefault(p => p.Message is not null)?.Message is { } last) last["quick_replies"] = quickReplies.DeepClone();
            else logger.LogWarning("Quick replies without text or attachment cannot be sent on Messenger and were left out");
        }
        return new(parts, overrides);
    }

    /// <summary>Send API request bodies for a plan: recipient, messaging_type (RESPONSE for replies), persona_id when configured.</summary>
    public static IReadOnlyList<JObject> ToSendRequests(OutboundPlan plan, string psid, string messagingType, string? personaId)
    {
        var requests = new List<JObject>();
        foreach (var part in plan.Parts)
        {
            var request = new JObject { ["recipient"] = new JObject { ["id"] = psid } };
            if (part.SenderAction is not null) request["sender_action"] = part.SenderAction;
            else
            {
                request["messaging_type"] = plan.Overrides["tag"] is not null ? "MESSAGE_TAG" : messagingType;
                request["message"] = part.Message!.DeepClone();
            }
            foreach (var (name, value) in plan.Overrides)
                if (part.SenderAction is null || name == "persona_id") request[name] = value!.DeepClone();
            if (!string.IsNullOrEmpty(personaId) && request["persona_id"] is null) request["persona_id"] = personaId;
            requests.Add(request);
        }
        return requests;
    }

    private OutboundPart? Media(Attachment attachment)
    {
        if (attachment.ContentType?.StartsWith(Inbound.MessengerAttachmentMapper.VendorPrefix, StringComparison.Ordinal) == true)
        {
            logger.LogWarning("Attachment of type {ContentType} is inbound-only on Messenger and was left out", attachment.ContentType);
            return null;
        }
        if (!Uri.TryCreate(attachment.ContentUrl, UriKind.Absolute, out var url) || (url.Scheme != "https" && url.Scheme != "http"))
        {
            logger.LogWarning("Attachment of type {ContentType} left out: Messenger needs an http(s) ContentUrl", attachment.ContentType);
            return null;
        }
        var major = attachment.ContentType?.Split('/')[0];
        var type = major is "image" or "video" or "audio" ? major : "file";
        return new OutboundPart(new JObject
        {
            ["attachment"] = new JObject { ["type"] = type, ["payload"] = new JObject { ["url"] = url.ToString(), ["is_reusable"] = true } },
        });
    }
}
