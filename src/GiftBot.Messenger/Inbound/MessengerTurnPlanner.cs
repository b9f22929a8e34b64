using System.Text.Json;
using Microsoft.Bot.Schema;

namespace GiftBot.Messenger.Inbound;

/// <summary>
/// Decides which bot turns a Messenger event makes, channel-neutrally (see the brief's conventions): a referral becomes
/// an event named "referral" BEFORE the message or postback that carried it; quick-reply and postback payloads become
/// the message Text; echoes, reads, deliveries and unknown kinds make no turn. The activities returned carry only
/// content (type, name, value, text, attachments, ids); callers add addressing and ChannelData.
/// Shared by the direct adapter and the Azure Bot Service middleware so both paths deliver the same shapes. It reads
/// the checked event only, so it cannot fail on what Meta sent.
/// </summary>
public static class MessengerTurnPlanner
{
    public const string ReferralEventName = "referral";
    public const string OptinEventName = "optin";

    public static IReadOnlyList<Activity> Plan(MessengerEvent messengerEvent)
    {
        var timestamp = messengerEvent.Timestamp;
        var turns = new List<Activity>();
        switch (messengerEvent.Kind)
        {
            case MessengerEventKind.Message when messengerEvent.Message is { } message:
                AddReferral(turns, message.Referral, timestamp);
                turns.Add(new Activity(ActivityTypes.Message)
                {
                    Id = message.Mid,
                    Text = message.QuickReplyPayload ?? message.Text ?? LikeAsText(message),
                    Attachments = message.Attachments.Select(MessengerAttachmentMapper.Map).ToList(),
                    ReplyToId = message.ReplyToMid,
                });
                break;
            case MessengerEventKind.Postback when messengerEvent.Postback is { } postback:
                AddReferral(turns, postback.Referral, timestamp);
                // Postbacks seen on standby carry no payload: nothing to act on.
                if (!string.IsNullOrEmpty(postback.Payload))
                    turns.Add(new Activity(ActivityTypes.Message) { Id = postback.Mid ?? $"postback:{timestamp}", Text = postback.Payload });
                break;
            case MessengerEventKind.Referral:
                AddReferral(turns, messengerEvent.Referral, timestamp);
                break;
            case MessengerEventKind.Optin when messengerEvent.Optin is { } optin:
                turns.Add(Event(OptinEventName, optin, timestamp));
                break;
            case MessengerEventKind.Handover when messengerEvent.ThreadControl is { } control:
                turns.Add(Event(control.Field, control.Raw, timestamp));
                break;
            case MessengerEventKind.Reaction when messengerEvent.Reaction is { } reaction:
                var reactions = new List<MessageReaction> { new(reaction.Reaction ?? reaction.Emoji ?? "other") };
                var removed = string.Equals(reaction.Action, "unreact", StringComparison.OrdinalIgnoreCase);
                turns.Add(new Activity(ActivityTypes.MessageReaction)
                {
                    Id = $"reaction:{timestamp}",
                    ReplyToId = reaction.Mid,
                    ReactionsAdded = removed ? null : reactions,
                    ReactionsRemoved = removed ? reactions : null,
                });
                break;
        }
        return turns;
    }

    // Messenger's like button sends one of three sticker sizes: a reply ("ok", "yes"), not a picture. It becomes the
    // thumbs-up emoji a shopper could have typed; the sticker stays as an attachment.
    private static readonly HashSet<string> LikeStickerIds = ["369239263222822", "369239343222814", "369239383222810"];
    public const string ThumbsUp = "\U0001F44D";

    private static string? LikeAsText(MessengerMessage message) =>
        message.Attachments.Any(a => a.StickerId is { } id && LikeStickerIds.Contains(id)) ? ThumbsUp : null;

    private static void AddReferral(List<Activity> turns, MessengerReferral? referral, long timestamp)
    {
        if (referral is not null) turns.Add(Event(ReferralEventName, referral.Raw, timestamp));
    }

    private static Activity Event(string name, JsonElement value, long timestamp) =>
        new(ActivityTypes.Event) { Id = $"{name}:{timestamp}", Name = name, Value = value.ToJToken() };
}
