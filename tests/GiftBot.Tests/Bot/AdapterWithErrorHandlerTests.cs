using System.Net;
using GiftBot.Content;
using GiftBot.Testing.BotFramework;
using GiftBot.Tests.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Tests.Bot;

/// <summary>
/// A bot that remembers (in conversation state) a dialog stack and a basket on "remember", throws on "boom" after
/// changing both, and reports what it finds on "show": enough to see what the error handler keeps and resets.
/// </summary>
public sealed class AdapterWithErrorHandlerTests(AdapterWithErrorHandlerTests.Host host) : IClassFixture<AdapterWithErrorHandlerTests.Host>
{
    public sealed class Host : BotHostFixture
    {
        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddTransient<IBot>(sp => new DelegateBot((turn, ct) => StatefulBotTurnAsync(sp.GetRequiredService<ConversationState>(), turn, ct)));
    }

    private BotConnectorStandIn Connector => host.Connector;
    private GiftBotApp App => host.App;

    [Fact]
    public async Task ApologisesInThePersonasWords_WhenTheBotThrows()
    {
        var response = await SendAsync("conv-1", "boom");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var apology = Assert.Single(Connector.MessagesIn("conv-1"));
        Assert.Equal(Text.Get("persona.error"), apology.Text);
    }

    [Fact]
    public async Task ClearsTheDialogStackButKeepsTheRestOfTheConversation_AfterAFailedTurn()
    {
        await SendAsync("conv-2", "remember");
        await SendAsync("conv-2", "boom");
        await SendAsync("conv-2", "show");

        var last = Connector.MessagesIn("conv-2")[^1];
        Assert.Equal("dialog=none basket=kite", last.Text);
    }

    [Fact]
    public async Task SendsATurnErrorTrace_ToTheEmulatorOnly()
    {
        await SendAsync("conv-3", "boom");
        await SendAsync("conv-4", "boom", channelId: "directline");

        var trace = Assert.Single(Connector.ActivitiesIn("conv-3"), a => a.Type == ActivityTypes.Trace);
        Assert.Equal("TurnError", trace.Label);
        Assert.Equal("https://www.botframework.com/schemas/error", trace.ValueType);
        Assert.DoesNotContain(Connector.ActivitiesIn("conv-4"), a => a.Type == ActivityTypes.Trace);
        Assert.Equal(Text.Get("persona.error"), Assert.Single(Connector.MessagesIn("conv-4")).Text);
    }

    [Fact]
    public async Task KeepsTheConversationUsable_WhenTheApologyCannotBeDelivered()
    {
        Connector.Server.On("POST", "/v3/conversations/conv-5/*").Respond(503, new { error = "connector down" });

        var failed = await SendAsync("conv-5", "boom");
        Connector.Server.On("POST", "/v3/conversations/conv-5/*").Respond(200, new { id = "ok" });
        var next = await SendAsync("conv-5", "show");

        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal("dialog=none basket=none", Connector.MessagesIn("conv-5")[^1].Text);
    }

    private IBotText Text => App.Services.GetRequiredService<IBotText>();

    private Task<HttpResponseMessage> SendAsync(string conversationId, string text, string channelId = "emulator") =>
        App.CreateClient().PostActivityAsync(EmulatorActivities.Message(Connector.ServiceUrl, conversationId, text, channelId: channelId));

    private static async Task StatefulBotTurnAsync(ConversationState state, ITurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Type != ActivityTypes.Message) return;
        var dialog = state.CreateProperty<string>("DialogState");
        var basket = state.CreateProperty<string>("Basket");
        switch (turn.Activity.Text)
        {
            case "remember":
                await dialog.SetAsync(turn, "gift-finder step 2", cancellationToken);
                await basket.SetAsync(turn, "kite", cancellationToken);
                break;
            case "boom":
                await basket.SetAsync(turn, "half-written", cancellationToken);
                throw new InvalidOperationException("The gift finder fell over.");
            default:
                var text = $"dialog={await dialog.GetAsync(turn, () => "none", cancellationToken)} basket={await basket.GetAsync(turn, () => "none", cancellationToken)}";
                await turn.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
                break;
        }
        await state.SaveChangesAsync(turn, cancellationToken: cancellationToken);
    }
}
