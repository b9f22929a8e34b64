using GiftBot.Customers.Middleware;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace GiftBot.Customers.Tests.Support;

/// <summary>A TestAdapter for one Messenger-like person ("facebook" / "psid-1") with the customer middleware registered.</summary>
public static class Conversations
{
    public const string Channel = "facebook";
    public const string User = "psid-1";

    public static ConversationReference Reference(string channelId = Channel, string userId = User) => new()
    {
        ChannelId = channelId,
        User = new ChannelAccount(userId),
        Bot = new ChannelAccount("page-1", role: RoleTypes.Bot),
        Conversation = new ConversationAccount(id: $"conv-{userId}"),
        ServiceUrl = "https://localhost/test",
    };

    public static TestAdapter Adapter(CustomerServices services, string channelId = Channel) =>
        (TestAdapter)new TestAdapter(Reference(channelId)).Use(services.Get<CustomerActivityMiddleware>());

    public static Activity Message(string? text, object? channelData = null) =>
        new(ActivityTypes.Message) { Text = text, ChannelData = channelData };

    public static Activity Event(string name, object? value) => new(ActivityTypes.Event) { Name = name, Value = value };
}
