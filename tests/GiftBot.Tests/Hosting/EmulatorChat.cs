using System.Net;
using GiftBot.Testing.BotFramework;
using Microsoft.Bot.Schema;

namespace GiftBot.Tests.Hosting;

/// <summary>One shopper's conversation through the real /api/messages, as the Emulator holds it: each call returns the bot's new messages.</summary>
public sealed class EmulatorChat(HttpClient client, BotConnectorStandIn connector, string conversationId, string userId = "user-1")
{
    private int _seen;

    public async Task<IReadOnlyList<Activity>> JoinAsync() =>
        await PostAsync(EmulatorActivities.ConversationStarted(connector.ServiceUrl, conversationId, userId));

    public async Task<IReadOnlyList<Activity>> SendAsync(string text) =>
        await PostAsync(EmulatorActivities.Message(connector.ServiceUrl, conversationId, text, userId));

    private async Task<IReadOnlyList<Activity>> PostAsync(Activity activity)
    {
        var response = await client.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = connector.MessagesIn(conversationId);
        var fresh = messages.Skip(_seen).ToList();
        _seen = messages.Count;
        Assert.All(fresh, reply => Assert.Equal(activity.Id, reply.ReplyToId));
        return fresh;
    }
}
