using System.Net;
using System.Text.Json.Nodes;
using GiftBot.Testing.BotFramework;
using GiftBot.Tests.Hosting;

namespace GiftBot.Tests.Bot;

public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private BotConnectorStandIn _connector = null!;
    private GiftBotApp _app = null!;

    public async Task InitializeAsync()
    {
        _connector = await BotConnectorStandIn.StartAsync();
        _app = new GiftBotApp();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task RepliesThroughTheConnector_ToTheActivityThatWasPosted()
    {
        var activity = EmulatorActivities.Message(_connector.ServiceUrl, "conv-echo", "hello there");

        var response = await _app.CreateClient().PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(_connector.Server.Requests);
        Assert.Equal($"/v3/conversations/conv-echo/activities/{activity.Id}", request.Path);
        var reply = Assert.Single(_connector.MessagesIn("conv-echo"));
        Assert.Equal("hello there", reply.Text);
        Assert.Equal(activity.Id, reply.ReplyToId);
        Assert.Equal("user-1", reply.Recipient.Id);
        Assert.Equal("bot-1", reply.From.Id);
    }

    [Fact]
    public async Task AnswersGet_With405AndANote()
    {
        var response = await _app.CreateClient().GetAsync("/api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("Emulator", problem["detail"]!.GetValue<string>());
        Assert.Empty(_connector.Server.Requests);
    }
}
