using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Inbound;

/// <summary>Builds complete Bot Framework activities for the direct adapter from a webhook messaging item.</summary>
public static class FacebookActivityFactory
{

    /// <summary>One conversation per user per Page: "{psid}-{pageId}" (the shape Azure Bot Service's Facebook channel uses too).</summary>
    public static string ConversationId(string pageId, string psid) => $"{psid}-{pageId}";

    public static IReadOnlyList<Activity> Create(string pageId, JObject raw, MessengerEventKind kind, Uri serviceUrl)
    {
        var psid = MessengerEventClassifier.UserId(raw, kind) ?? "";
        var timestamp = raw.Value<long?>("timestamp") is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
        var turns = MessengerTurnPlanner.Plan(raw, kind);
        foreach (var activity in turns) Address(activity, pageId, psid, raw, timestamp, serviceUrl);
        return turns;
    }

    public static void Address(Activity activity, string pageId, string psid, JObject raw, DateTimeOffset? timestamp, Uri serviceUrl)
    {
        activity.ChannelId = Channels.Facebook;
        activity.ServiceUrl = serviceUrl.ToString();
        activity.From = new ChannelAccount(psid, role: RoleTypes.User);
        activity.Recipient = new ChannelAccount(pageId, role: RoleTypes.Bot);
        activity.Conversation = new ConversationAccount(isGroup: false, id: ConversationId(pageId, psid), conversationType: "personal");
        activity.ChannelData = raw.DeepClone();
        activity.Timestamp = timestamp;
    }
}
