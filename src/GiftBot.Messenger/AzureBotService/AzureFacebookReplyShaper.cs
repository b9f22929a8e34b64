using GiftBot.Messenger.Outbound;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.AzureBotService;

/// <summary>
/// Reshapes replies on Azure Bot Service's Facebook channel with the direct adapter's rendering rules: long text is split
/// into several messages, cards become Messenger templates in channelData.attachment (the documented channelData shape),
/// and suggested actions are cut to Messenger's quick-reply limits. Quick replies stay SuggestedActions on a text message
/// (ABS renders those natively) and ride in channelData.quick_replies next to a template (assumed to pass through).
/// Activities whose ChannelData the bot set itself are left alone.
/// </summary>
public sealed class AzureFacebookReplyShaper(MessengerRenderer renderer)
{
    public async Task<ResourceResponse[]> ShapeAsync(List<Activity> outgoing, Func<Task<ResourceResponse[]>> next)
    {
        var shaped = outgoing.SelectMany(Shape).ToList();
        outgoing.Clear();
        outgoing.AddRange(shaped);
        return await next();
    }

    public IEnumerable<Activity> Shape(Activity activity)
    {
        if (activity.Type != ActivityTypes.Message || activity.ChannelData is not null)
        {
            yield return activity;
            yield break;
        }
        var parts = renderer.Render(activity).Parts.Where(p => p.Message is not null).ToList();
        if (parts.Count == 0)
        {
            yield return activity;
            yield break;
        }
        for (var i = 0; i < parts.Count; i++)
        {
            var message = parts[i].Message!;
            var reply = CopyAddressing(activity);
            if (message["text"] is JValue text)
            {
                reply.Text = text.Value<string>();
                if (message["quick_replies"] is JArray quickReplies) reply.SuggestedActions = ToSuggestedActions(quickReplies);
            }
            else
            {
                reply.ChannelData = message;
            }
            if (i > 0) reply.Id = null;
            yield return reply;
        }
    }

    private static Activity CopyAddressing(Activity source) => new(ActivityTypes.Message)
    {
        Id = source.Id,
        ChannelId = source.ChannelId,
        ServiceUrl = source.ServiceUrl,
        From = source.From,
        Recipient = source.Recipient,
        Conversation = source.Conversation,
        ReplyToId = source.ReplyToId,
        Locale = source.Locale,
        InputHint = source.InputHint,
    };

    private static SuggestedActions ToSuggestedActions(JArray quickReplies) => new()
    {
        Actions = quickReplies.OfType<JObject>()
            .Select(q => new CardAction(ActionTypes.PostBack, q.Value<string>("title"), value: q.Value<string>("payload"), image: q.Value<string>("image_url")))
            .ToList(),
    };
}
