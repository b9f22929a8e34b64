using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace GiftBot.Messenger.Inbound;

/// <summary>Builds complete Bot Framework activities for the direct adapter from a checked Messenger event.</summary>
public static class FacebookActivityFactory
{
    /// <summary>One conversation per user per Page: "{psid}-{pageId}" (the shape Azure Bot Service's Facebook channel uses too).</summary>
    public static string ConversationId(string pageId, string psid) => $"{psid}-{pageId}";

    public static IReadOnlyList<Activity> Create(MessengerEvent messengerEvent, Uri serviceUrl)
    {
        var turns = MessengerTurnPlanner.Plan(messengerEvent);
        foreach (var activity in turns) Address(activity, messengerEvent, serviceUrl);
        return turns;
    }

    private static void Address(Activity activity, MessengerEvent messengerEvent, Uri serviceUrl)
    {
        var (pageId, psid) = (messengerEvent.PageId, messengerEvent.UserId);
        activity.ChannelId = Channels.Facebook;
        activity.ServiceUrl = serviceUrl.ToString();
        activity.From = new ChannelAccount(psid, role: RoleTypes.User);
        activity.Recipient = new ChannelAccount(pageId, role: RoleTypes.Bot);
        activity.Conversation = new ConversationAccount(isGroup: false, id: ConversationId(pageId, psid), conversationType: "personal");
        // The item as Meta sent it, for whatever the dialogs want beyond the planned fields (Bot Framework's convention).
        activity.ChannelData = messengerEvent.ChannelData.ToJToken();
        activity.Timestamp = messengerEvent.OccurredAt;
    }
}
