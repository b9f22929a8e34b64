using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace GiftBot.Customers.Middleware;

/// <summary>What an incoming activity means for the messaging window.</summary>
public enum InboundInteraction
{
    /// <summary>Not the person acting: typing, conversationUpdate, handover events, echoes, reads, deliveries.</summary>
    None,

    /// <summary>A message, including a tapped postback or quick reply (delivered as a message whose text is the payload).</summary>
    Message,

    Reaction,

    Referral,
}

public static class InboundInteractions
{
    public const string ReferralEventName = "referral";

    public static InboundInteraction Classify(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Type switch
        {
            ActivityTypes.Message when !IsEcho(activity.ChannelData) => InboundInteraction.Message,
            ActivityTypes.MessageReaction when activity.AsMessageReactionActivity().ReactionsAdded is { Count: > 0 } => InboundInteraction.Reaction,
            ActivityTypes.Event when string.Equals(activity.AsEventActivity().Name, ReferralEventName, StringComparison.OrdinalIgnoreCase) => InboundInteraction.Referral,
            _ => InboundInteraction.None,
        };
    }

    /// <summary>A page's own message echoed back by Messenger (raw event in ChannelData, as Azure Bot Service delivers it).</summary>
    private static bool IsEcho(object? channelData)
    {
        if (channelData is null)
        {
            return false;
        }

        try
        {
            var json = channelData as JObject ?? JObject.FromObject(channelData);
            return json.SelectToken("message.is_echo")?.Type == JTokenType.Boolean && json.SelectToken("message.is_echo")!.Value<bool>()
                || json["is_echo"]?.Type == JTokenType.Boolean && json["is_echo"]!.Value<bool>();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidCastException or Newtonsoft.Json.JsonException)
        {
            // ChannelData that is not an object (a string, an array) cannot be an echo.
            return false;
        }
    }
}
