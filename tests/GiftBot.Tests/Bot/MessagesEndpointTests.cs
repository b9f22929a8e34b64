using System.Net;
using System.Text.Json.Nodes;
using GiftBot.Testing.BotFramework;
using GiftBot.Tests.Hosting;

namespace GiftBot.Tests.Bot;

public sealed class MessagesEndpointTests(BotHostFixture host) : IClassFixture<BotHostFixture>
{
    private BotConnectorStandIn Connector => host.Connector;
    private GiftBotApp App => host.App;

    [Fact]
    public async Task RepliesThroughTheConnector_ToTheActivityThatWasPosted()
    {
        var activity = EmulatorActivities.Message(Connector.ServiceUrl, "conv-echo", "hello");

        var response = await App.CreateClient().PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requests = Connector.Server.Requests.Where(r => r.Path.StartsWith("/v3/conversations/conv-echo/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(requests);
        Assert.All(requests, r => Assert.Equal($"/v3/conversations/conv-echo/activities/{activity.Id}", r.Path));
        var replies = Connector.MessagesIn("conv-echo");
        Assert.Contains(replies, reply => !string.IsNullOrWhiteSpace(reply.Text));
        Assert.All(replies, reply =>
        {
            Assert.Equal(activity.Id, reply.ReplyToId);
            Assert.Equal("user-1", reply.Recipient.Id);
            Assert.Equal("bot-1", reply.From.Id);
            Assert.Equal("conv-echo", reply.Conversation.Id);
        });
    }

    [Fact]
    public async Task AnswersGet_With405AndANote()
    {
        var response = await App.CreateClient().GetAsync("/api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("Emulator", problem["detail"]!.GetValue<string>());
        Assert.DoesNotContain(Connector.Server.Requests, r => r.Method == "GET");
    }
}
