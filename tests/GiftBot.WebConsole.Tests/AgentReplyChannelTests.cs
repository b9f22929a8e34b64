using GiftBot.Customers.Context;
using GiftBot.Testing.BotFramework;
using GiftBot.WebConsole.Inbox;
using GiftBot.WebConsole.Tests.Support;
using GiftBot.WebConsole.Transcripts;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace GiftBot.WebConsole.Tests;

/// <summary>
/// An agent's console reply reaches shoppers on Bot Framework channels by proactive continuation (Web Chat, the Emulator,
/// Messenger through Azure Bot Service), always through the outbound guard: RESPONSE inside 24 hours, HUMAN_AGENT up to
/// 7 days, refused with a reason after that.
/// </summary>
public sealed class AgentReplyChannelTests : IAsyncLifetime
{
    private ConsoleHost _host = null!;
    private BotConnectorStandIn _connector = null!;

    public async Task InitializeAsync()
    {
        _host = await ConsoleHost.StartAsync();
        _connector = await BotConnectorStandIn.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("emulator")]
    public async Task ReplyFromTheConsole_ReachesWebChatAndEmulatorShoppers_ByProactiveContinuation(string channelId)
    {
        await ShopperSaysAsync(channelId, "conv-" + channelId, "shopper-1", "hello");
        var replies = _host.Services.GetRequiredService<AgentReplies>();

        var plan = await replies.SendAsync(channelId, "shopper-1", "Hello from Anna at the shop", "anna", default);

        Assert.Equal(ReplyMode.Response, plan.Mode);
        var sent = Assert.Single(_connector.MessagesIn("conv-" + channelId), m => m.Text == "Hello from Anna at the shop");
        Assert.Equal("shopper-1", sent.Recipient?.Id);
        var recorded = await _host.Services.GetRequiredService<IConversationTranscript>().ReadAsync(channelId, "shopper-1", 50, default);
        Assert.Equal("anna", (string?)recorded.Last(e => !e.Inbound).Activity.Properties[TranscriptMiddleware.AgentProperty]);
        var card = await _host.Services.GetRequiredService<ICustomerContextStore>().GetAsync(channelId, "shopper-1", default);
        Assert.Equal("anna", card!.AssignedAgent);
        Assert.Equal(HandoverStatus.HumanOwns, card.Handover.Status);
    }

    [Fact]
    public async Task MessengerThroughAzureBotService_GetsResponseInsideTheWindow_HumanAgentAfterIt_AndNothingAfterSevenDays()
    {
        await ShopperSaysAsync("facebook", "psid-9-page", "psid-9", "hello");
        var replies = _host.Services.GetRequiredService<AgentReplies>();

        Assert.Equal(ReplyMode.Response, (await replies.SendAsync("facebook", "psid-9", "first", "anna", default)).Mode);
        Assert.Equal("RESPONSE", (string?)ChannelData("first")["messaging_type"]);

        await AgeAsync("facebook", "psid-9", TimeSpan.FromDays(2));
        Assert.Equal(ReplyMode.HumanAgent, (await replies.SendAsync("facebook", "psid-9", "second", "anna", default)).Mode);
        Assert.Equal("MESSAGE_TAG", (string?)ChannelData("second")["messaging_type"]);
        Assert.Equal("HUMAN_AGENT", (string?)ChannelData("second")["tag"]);

        await AgeAsync("facebook", "psid-9", TimeSpan.FromDays(8));
        var refused = await replies.SendAsync("facebook", "psid-9", "third", "anna", default);
        Assert.Equal(ReplyMode.Blocked, refused.Mode);
        Assert.Contains("7 days", refused.Explanation);
        Assert.DoesNotContain(_connector.MessagesIn("psid-9-page"), m => m.Text == "third");
    }

    private JObject ChannelData(string text) =>
        JObject.FromObject(Assert.Single(_connector.MessagesIn("psid-9-page"), m => m.Text == text).ChannelData);

    private async Task ShopperSaysAsync(string channelId, string conversationId, string userId, string text)
    {
        using var client = _host.CreateClient();
        var response = await client.PostActivityAsync(EmulatorActivities.Message(_connector.ServiceUrl, conversationId, text, userId, channelId));
        Assert.True(response.IsSuccessStatusCode, $"/api/messages answered {(int)response.StatusCode}");
    }

    private Task AgeAsync(string channelId, string userId, TimeSpan age) =>
        _host.Services.GetRequiredService<ICustomerContextStore>().UpdateAsync(channelId, userId, c =>
        {
            c.LastInteractionAt = DateTimeOffset.UtcNow - age;
            c.LastUserMessageAt = DateTimeOffset.UtcNow - age;
            return true;
        }, createIfMissing: false, default);
}
