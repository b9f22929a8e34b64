using GiftBot.Customers.Context;
using GiftBot.Messenger.Tests.Support;
using GiftBot.Storage;
using GiftBot.Testing;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GiftBot.Messenger.Tests.Inbox;

/// <summary>A Messenger event retried after a failure mid-reply sends every part once, and its changes land in one commit.</summary>
public sealed class ExactlyOnceReplyTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private RecordingHttpServer _graph = null!;
    private MessengerTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _graph = await MessengerTestHost.StartGraphAsync();
        _host = await MessengerTestHost.StartAsync(_graph, _database.Path,
            services: s => s.RemoveAll<IBot>().AddTransient<IBot, ThreePartBot>());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _graph.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task ARetriedEvent_DoesNotSendThePartsThatAlreadyWentOut()
    {
        // Part one goes out; part two fails every Send API attempt (3 with Send:MaxRetries=2), so the event fails and is retried.
        _graph.On("POST", MessengerTestHost.MessagesPath).RespondSequence(
            ScriptedResponse.Json(200, new { recipient_id = MetaSamples.Psid, message_id = "m_1" }),
            ScriptedResponse.Json(500, new { error = new { message = "down", code = 2 } }),
            ScriptedResponse.Json(500, new { error = new { message = "down", code = 2 } }),
            ScriptedResponse.Json(500, new { error = new { message = "down", code = 2 } }),
            ScriptedResponse.Json(200, new { recipient_id = MetaSamples.Psid, message_id = "m_ok" }));

        await _host.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.Text("mid.retry", "hello")));
        await _host.WaitUntilHandledAsync();

        var delivered = _graph.RequestsTo(MessengerTestHost.MessagesPath, "POST").Select(r => (string?)r.Json?["message"]?["text"]).ToList();
        Assert.Single(delivered, t => t == "part one");
        Assert.Contains("part two", delivered);
        Assert.Single(delivered, t => t == "part three");
        Assert.Empty(await _host.Services.GetRequiredService<IReplyOutbox>().ListSentAsync("mid.retry", default));
        Assert.Empty(await _host.Services.GetRequiredService<IDurableInbox>().ListParkedAsync());
    }

    [Fact]
    public async Task AnEventsCardUpdates_AreStoredWithItsCompletion_AndItsReplyRecordsAreCleared()
    {
        await _host.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.Text("mid.one", "hello again")));
        await _host.WaitUntilHandledAsync();

        var card = await _host.Services.GetRequiredService<ICustomerContextStore>().GetAsync("facebook", MetaSamples.Psid, default);
        Assert.Contains(card!.RecentMessages, m => m.Text == "hello again");
        Assert.Contains(card.RecentMessages, m => m.Text == "part three");
        Assert.Empty(await _host.Services.GetRequiredService<IReplyOutbox>().ListSentAsync("mid.one", default));
    }

    private sealed class ThreePartBot : IBot
    {
        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            if (turnContext.Activity.Type != Microsoft.Bot.Schema.ActivityTypes.Message) return;
            await turnContext.SendActivityAsync("part one", cancellationToken: cancellationToken);
            await turnContext.SendActivityAsync("part two", cancellationToken: cancellationToken);
            await turnContext.SendActivityAsync("part three", cancellationToken: cancellationToken);
        }
    }
}
