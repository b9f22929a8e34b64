using System.Text.Json;
using Field = GiftBot.Messenger.Inbound.JsonFieldReader;

namespace GiftBot.Messenger.Inbound;

/// <summary>What reading one webhook item gave: an event, an item of a kind this bot does not handle, or a rejection.</summary>
public sealed record MessengerEventReading(MessengerEvent? Event, string? IgnoredFields, string? Rejection)
{
    public static MessengerEventReading Accepted(MessengerEvent messengerEvent) => new(messengerEvent, null, null);
    public static MessengerEventReading Ignored(string fields) => new(null, fields, null);
    public static MessengerEventReading Rejected(string reason) => new(null, null, reason);
}

/// <summary>
/// The one reading of a Messenger webhook item (MP/webhooks/webhook-events): every field the bot uses must have its
/// documented type, ids and texts are bounded, timestamps are epoch milliseconds a date can hold. Fields the bot does not
/// use are left alone (Meta adds fields), so real events are not refused for what they carry besides.
/// </summary>
public static class MessengerEventReader
{
    private static readonly string[] HandoverFields = ["pass_thread_control", "take_thread_control", "request_thread_control", "app_roles"];

    public static MessengerEventReading Read(JsonElement item, string pageId, bool standby)
    {
        try
        {
            return ReadItem(new Field(item, ""), pageId, standby);
        }
        catch (MessengerFieldException ex)
        {
            return MessengerEventReading.Rejected(ex.Message);
        }
    }

    private static MessengerEventReading ReadItem(Field item, string pageId, bool standby)
    {
        item.EnsureObject();
        var kind = KindOf(item, out var message);
        if (kind == MessengerEventKind.Unknown) return MessengerEventReading.Ignored(FieldNames(item.Element));

        var timestamp = item.Required("timestamp").Timestamp();
        var optin = kind == MessengerEventKind.Optin ? item.Required("optin") : (Field?)null;
        optin?.EnsureObject();
        var userId = UserIdOf(item, kind, optin);
        if (item.Optional("recipient") is { } recipient) Party(recipient);

        return MessengerEventReading.Accepted(new MessengerEvent
        {
            Kind = kind,
            PageId = pageId,
            Standby = standby,
            UserId = userId,
            Timestamp = timestamp,
            Message = message,
            Postback = kind == MessengerEventKind.Postback ? Postback(item.Required("postback")) : null,
            Referral = kind == MessengerEventKind.Referral ? Referral(item.Required("referral")) : null,
            Watermark = kind switch
            {
                MessengerEventKind.Read => Watermark(item.Required("read")),
                MessengerEventKind.Delivery => Watermark(item.Required("delivery")),
                _ => null,
            },
            Reaction = kind == MessengerEventKind.Reaction ? Reaction(item.Required("reaction")) : null,
            ThreadControl = kind == MessengerEventKind.Handover ? ThreadControl(item) : null,
            Optin = optin is { } o ? Optin(o) : null,
            ChannelData = item.Element.Clone(),
        });
    }

    // The first documented field present decides the kind; its value is then checked like every other field.
    private static MessengerEventKind KindOf(Field item, out MessengerMessage? message)
    {
        message = null;
        if (item.Optional("message", nullIsAbsent: false) is { } messageField)
        {
            message = Message(messageField);
            return message.IsEcho ? MessengerEventKind.Echo : MessengerEventKind.Message;
        }
        if (item.Has("postback")) return MessengerEventKind.Postback;
        if (item.Has("referral")) return MessengerEventKind.Referral;
        if (item.Has("read")) return MessengerEventKind.Read;
        if (item.Has("delivery")) return MessengerEventKind.Delivery;
        if (item.Has("optin")) return MessengerEventKind.Optin;
        if (item.Has("reaction")) return MessengerEventKind.Reaction;
        return HandoverFields.Any(item.Has) ? MessengerEventKind.Handover : MessengerEventKind.Unknown;
    }

    // The person is the sender, except on echoes (the Page sent it) and checkbox-plugin optins (only optin.user_ref).
    private static string UserIdOf(Field item, MessengerEventKind kind, Field? optin)
    {
        var sender = item.Optional("sender");
        var (senderId, senderRef) = sender is { } s ? Party(s) : (null, null);
        if (kind == MessengerEventKind.Echo) return item.Required("recipient").Required("id").Id();
        if (sender is null && optin?.Optional("user_ref") is { } optinUserRef) return optinUserRef.Id();
        if (sender is null) item.Required("sender");
        return senderId ?? senderRef ?? item.Required("sender").Required("id").Id();
    }

    private static (string? Id, string? UserRef) Party(Field party)
    {
        party.EnsureObject();
        return (party.Optional("id")?.Id(), party.Optional("user_ref")?.Id());
    }

    private static MessengerMessage Message(Field message)
    {
        message.EnsureObject();
        return new MessengerMessage
        {
            Mid = message.Optional("mid")?.Id(Field.MaxMid),
            Text = message.Optional("text")?.Text(int.MaxValue),
            IsEcho = message.Optional("is_echo")?.Boolean() ?? false,
            QuickReplyPayload = message.Optional("quick_reply") is { } quickReply ? QuickReplyPayload(quickReply) : null,
            ReplyToMid = message.Optional("reply_to") is { } replyTo ? ReplyToMid(replyTo) : null,
            Attachments = message.Optional("attachments")?.Items().Select(Attachment).ToList() ?? [],
            Referral = message.Optional("referral") is { } referral ? Referral(referral) : null,
        };
    }

    private static string? QuickReplyPayload(Field quickReply) => quickReply.Optional("payload")?.Text(Field.MaxPayload);

    private static string? ReplyToMid(Field replyTo)
    {
        replyTo.Optional("is_self_reply")?.Boolean();
        return replyTo.Optional("mid")?.Id(Field.MaxMid);
    }

    private static MessengerAttachment Attachment(Field attachment)
    {
        attachment.EnsureObject();
        var payload = attachment.Optional("payload");
        payload?.EnsureObject();
        return new MessengerAttachment
        {
            Type = attachment.Required("type").Id(Field.MaxShortText).ToLowerInvariant(),
            Url = payload?.Optional("url")?.Text(Field.MaxUrl) ?? attachment.Optional("url")?.Text(Field.MaxUrl),
            // A shared post's title is its text: as long as the post.
            Title = payload?.Optional("title")?.Text(int.MaxValue) ?? attachment.Optional("title")?.Text(int.MaxValue),
            StickerId = payload?.Optional("sticker_id")?.NumericOrTextId(),
            Payload = payload?.Element.Clone(),
        };
    }

    private static MessengerPostback Postback(Field postback)
    {
        postback.EnsureObject();
        return new MessengerPostback
        {
            Mid = postback.Optional("mid")?.Id(Field.MaxMid),
            Title = postback.Optional("title")?.Text(Field.MaxTitle),
            Payload = postback.Optional("payload")?.Text(Field.MaxPayload),
            Referral = postback.Optional("referral") is { } referral ? Referral(referral) : null,
        };
    }

    private static MessengerReferral Referral(Field referral)
    {
        referral.EnsureObject();
        string? adTitle = null;
        if (referral.Optional("ads_context_data") is { } ad)
        {
            adTitle = ad.Optional("ad_title")?.Text(Field.MaxTitle);
            foreach (var url in new[] { "photo_url", "video_url" }) ad.Optional(url)?.Text(Field.MaxUrl);
            foreach (var id in new[] { "post_id", "product_id", "flow_id" }) ad.Optional(id)?.TextOrInteger(Field.MaxTitle);
        }
        referral.Optional("referer_uri")?.Text(Field.MaxUrl);
        return new MessengerReferral
        {
            Ref = referral.Optional("ref")?.Text(Field.MaxRef),
            Source = referral.Optional("source")?.Text(Field.MaxShortText),
            Type = referral.Optional("type")?.Text(Field.MaxShortText),
            AdId = referral.Optional("ad_id")?.NumericOrTextId(),
            AdTitle = adTitle,
            Raw = referral.Element.Clone(),
        };
    }

    private static MessengerWatermark Watermark(Field receipt)
    {
        receipt.EnsureObject();
        foreach (var mid in receipt.Optional("mids")?.Items() ?? []) mid.Id(Field.MaxMid);
        return new MessengerWatermark { Watermark = receipt.Required("watermark").Timestamp() };
    }

    private static MessengerReaction Reaction(Field reaction)
    {
        reaction.EnsureObject();
        return new MessengerReaction
        {
            Mid = reaction.Optional("mid")?.Id(Field.MaxMid),
            Action = reaction.Optional("action")?.Text(Field.MaxShortText),
            Reaction = reaction.Optional("reaction")?.Text(Field.MaxShortText),
            Emoji = reaction.Optional("emoji")?.Text(Field.MaxShortText),
        };
    }

    private static JsonElement Optin(Field optin)
    {
        foreach (var text in new[] { "type", "payload", "ref", "title" }) optin.Optional(text)?.Text(Field.MaxPayload);
        return optin.Element.Clone();
    }

    private static MessengerThreadControl ThreadControl(Field item)
    {
        var field = HandoverFields.First(item.Has);
        var control = item.Required(field);
        control.EnsureObject();
        if (field == "app_roles")
        {
            foreach (var (_, roles) in control.Properties()) roles.Strings(Field.MaxShortText);
            return new MessengerThreadControl { Field = field, Raw = control.Element.Clone() };
        }
        control.Optional("requested_owner_app_id")?.NumericOrTextId();
        return new MessengerThreadControl
        {
            Field = field,
            NewOwnerAppId = control.Optional("new_owner_app_id")?.NumericOrTextId(),
            PreviousOwnerAppId = control.Optional("previous_owner_app_id")?.NumericOrTextId(),
            Metadata = control.Optional("metadata")?.Text(Field.MaxPayload),
            Raw = control.Element.Clone(),
        };
    }

    // For the log of ignored items: the field names only, shortened to safe characters.
    private static string FieldNames(JsonElement item) =>
        string.Join(",", item.EnumerateObject().Take(8)
            .Select(p => new string(p.Name.Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').Take(40).ToArray())));
}
