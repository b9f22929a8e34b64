using System.Net.Http.Headers;
using System.Text;
using Microsoft.Bot.Schema;

namespace GiftBot.Testing.BotFramework;

/// <summary>Activities shaped like the ones the Bot Framework Emulator posts to /api/messages.</summary>
public static class EmulatorActivities
{
    public static Activity Message(string serviceUrl, string conversationId, string text, string userId = "user-1", string channelId = "emulator") =>
        Create(ActivityTypes.Message, serviceUrl, conversationId, userId, channelId, a =>
        {
            a.Text = text;
            a.TextFormat = TextFormatTypes.Plain;
        });

    /// <summary>The "members added" update the Emulator sends when a conversation opens (user and bot join).</summary>
    public static Activity ConversationStarted(string serviceUrl, string conversationId, string userId = "user-1", string channelId = "emulator") =>
        Create(ActivityTypes.ConversationUpdate, serviceUrl, conversationId, userId, channelId, a =>
            a.MembersAdded = [new ChannelAccount(userId, "User"), new ChannelAccount("bot-1", "Bot")]);

    public static Activity Create(string type, string serviceUrl, string conversationId, string userId, string channelId, Action<Activity>? configure = null)
    {
        var activity = new Activity
        {
            Type = type,
            Id = Guid.NewGuid().ToString("N"),
            Timestamp = DateTimeOffset.UtcNow,
            LocalTimestamp = DateTimeOffset.Now,
            ServiceUrl = serviceUrl,
            ChannelId = channelId,
            From = new ChannelAccount(userId, "User", RoleTypes.User),
            Recipient = new ChannelAccount("bot-1", "Bot", RoleTypes.Bot),
            Conversation = new ConversationAccount(id: conversationId),
            Locale = "en-US",
        };
        configure?.Invoke(activity);
        return activity;
    }

    /// <summary>POSTs <paramref name="activity"/> as the Emulator does (JSON, camelCase, nulls left out).</summary>
    public static Task<HttpResponseMessage> PostActivityAsync(this HttpClient client, Activity activity, string path = "/api/messages", CancellationToken cancellationToken = default)
    {
        var content = new StringContent(BotJson.Serialize(activity), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return client.PostAsync(path, content, cancellationToken);
    }
}
