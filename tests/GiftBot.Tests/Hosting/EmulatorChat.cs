using System.Net;
using GiftBot.Testing.BotFramework;
using Microsoft.Bot.Schema;

namespace GiftBot.Tests.Hosting;

/// <summary>One shopper's conversation through the real /api/messages, as the Emulator holds it: each call returns the bot's new messages.</summary>
/// <param name="channelId">The channel the activities say they come from (emulator, webchat, msteams...).</param>
public sealed class EmulatorChat(HttpClient client, BotConnectorStandIn connector, string conversationId, string userId = "user-1", string channelId = "emulator")
{
    private int _seen;

    public async Task<IReadOnlyList<Activity>> JoinAsync() =>
        await PostAsync(EmulatorActivities.ConversationStarted(connector.ServiceUrl, conversationId, userId, channelId));

    public async Task<IReadOnlyList<Activity>> SendAsync(string text) =>
        await PostAsync(EmulatorActivities.Message(connector.ServiceUrl, conversationId, text, userId, channelId));

    private async Task<IReadOnlyList<Activity>> PostAsync(Activity activity)
    {
        var response = await client.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = connector.MessagesIn(conversationId);
        var fresh = messages.Skip(_seen).ToList();
        _seen = messages.Count;
        // Bot Framework leaves replyToId out of replies to a Web Chat / Direct Line conversation update.
        var repliesCarryId = activity.Type == ActivityTypes.Message || channelId is not ("webchat" or "directline");
        Assert.All(fresh, reply => Assert.Equal(repliesCarryId ? activity.Id : null, reply.ReplyToId));
        return fresh;
    }
}
