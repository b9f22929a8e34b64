using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Outbound;

/// <summary>SuggestedActions → quick_replies: at most 13, titles cut to 20 characters, payload = the action's value (≤1000).</summary>
public static class QuickReplyRenderer
{
    public static JArray? Render(SuggestedActions? suggested, ILogger logger)
    {
        if (suggested?.Actions is not { Count: > 0 } actions) return null;
        var replies = new JArray();
        foreach (var action in actions)
        {
            if (action.Type is not (ActionTypes.ImBack or ActionTypes.PostBack or ActionTypes.MessageBack))
            {
                logger.LogWarning("Suggested action of type {ActionType} has no Messenger quick reply form and was left out", action.Type);
                continue;
            }
            var payload = CardActions.Payload(action);
            if (string.IsNullOrEmpty(payload) || payload.Length > MessengerLimits.Payload)
            {
                logger.LogWarning("Suggested action left out: payload length {Length} is outside 1..{Max}", payload?.Length ?? 0, MessengerLimits.Payload);
                continue;
            }
            if (replies.Count == MessengerLimits.QuickReplies)
            {
                logger.LogWarning("Only {Max} of {Count} suggested actions sent: Messenger's quick reply limit", MessengerLimits.QuickReplies, actions.Count);
                break;
            }
            var reply = new JObject
            {
                ["content_type"] = "text",
                ["title"] = CardActions.Title(action, MessengerLimits.QuickReplyTitle, logger),
                ["payload"] = payload,
            };
            if (!string.IsNullOrEmpty(action.Image)) reply["image_url"] = action.Image;
            replies.Add(reply);
        }
        return replies.Count > 0 ? replies : null;
    }
}

internal static class CardActions
{
    /// <summary>The value a tap sends back: the action's value as text (JSON for objects), else its text or title.</summary>
    public static string? Payload(CardAction action) => action.Value switch
    {
        null => action.Text ?? action.Title,
        string text => text,
        JToken token => token.Type == JTokenType.String ? token.Value<string>() : token.ToString(Newtonsoft.Json.Formatting.None),
        var other => JToken.FromObject(other).ToString(Newtonsoft.Json.Formatting.None),
    };

    public static string Title(CardAction action, int maxLength, ILogger logger)
    {
        var title = string.IsNullOrWhiteSpace(action.Title) ? Payload(action) ?? "" : action.Title;
        if (title.Length <= maxLength) return title;
        logger.LogInformation("Button title of {Length} characters cut to {Max}", title.Length, maxLength);
        return TextLimits.Cut(title, maxLength);
    }
}
