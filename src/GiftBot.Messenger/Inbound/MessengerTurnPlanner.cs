using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Inbound;

/// <summary>
/// Decides which bot turns a Messenger event makes, channel-neutrally (see the brief's conventions): a referral becomes
/// an event named "referral" BEFORE the message or postback that carried it; quick-reply and postback payloads become
/// the message Text; echoes, reads, deliveries and unknown kinds make no turn. The activities returned carry only
/// content (type, name, value, text, attachments, ids); callers add addressing and ChannelData.
/// Shared by the direct adapter and the Azure Bot Service middleware so both paths deliver the same shapes.
/// </summary>
public static class MessengerTurnPlanner
{
    public const string ReferralEventName = "referral";
    public const string OptinEventName = "optin";

    public static IReadOnlyList<Activity> Plan(JObject raw, MessengerEventKind kind)
    {
        var messaging = raw.ToObject<MessagingEvent>() ?? new MessagingEvent();
        var turns = new List<Activity>();
        switch (kind)
        {
            case MessengerEventKind.Message when messaging.Message is { } message:
                AddReferral(turns, message.Referral, messaging.Timestamp);
                turns.Add(new Activity(ActivityTypes.Message)
                {
                    Id = message.Mid,
                    Text = message.QuickReply?.Payload ?? message.Text,
                    Attachments = message.Attachments?.Select(MessengerAttachmentMapper.Map).ToList() ?? [],
                    ReplyToId = message.ReplyTo?.Value<string>("mid"),
                });
                break;
            case MessengerEventKind.Postback when messaging.Postback is { } postback:
                AddReferral(turns, postback.Referral, messaging.Timestamp);
                // Postbacks seen on standby carry no payload: nothing to act on.
                if (!string.IsNullOrEmpty(postback.Payload))
                    turns.Add(new Activity(ActivityTypes.Message) { Id = postback.Mid ?? $"postback:{messaging.Timestamp}", Text = postback.Payload });
                break;
            case MessengerEventKind.Referral:
                AddReferral(turns, messaging.Referral, messaging.Timestamp);
                break;
            case MessengerEventKind.Optin:
                turns.Add(Event(OptinEventName, messaging.Optin, messaging.Timestamp));
                break;
            case MessengerEventKind.Handover when MessengerEventClassifier.HandoverField(raw) is { } field:
                turns.Add(Event(field, raw[field], messaging.Timestamp));
                break;
            case MessengerEventKind.Reaction when messaging.Reaction is { } reaction:
                var reactions = new List<MessageReaction> { new(reaction.Reaction ?? reaction.Emoji ?? "other") };
                var removed = string.Equals(reaction.Action, "unreact", StringComparison.OrdinalIgnoreCase);
                turns.Add(new Activity(ActivityTypes.MessageReaction)
                {
                    Id = $"reaction:{messaging.Timestamp}",
                    ReplyToId = reaction.Mid,
                    ReactionsAdded = removed ? null : reactions,
                    ReactionsRemoved = removed ? reactions : null,
                });
                break;
        }
        return turns;
    }

    private static void AddReferral(List<Activity> turns, JObject? referral, long timestamp)
    {
        if (referral is not null) turns.Add(Event(ReferralEventName, referral, timestamp));
    }

    private static Activity Event(string name, JToken? value, long timestamp) =>
        new(ActivityTypes.Event) { Id = $"{name}:{timestamp}", Name = name, Value = value?.DeepClone() };
}
