using GiftBot.Messenger.Tests.Support;
using GiftBot.Testing;

namespace GiftBot.Messenger.Tests.Customers;

public sealed class IdleTakeBackTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private RecordingHttpServer _graph = null!;
    private MessengerTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _graph = await MessengerTestHost.StartGraphAsync();
        _graph.On("POST", "/v25.0/me/take_thread_control").Respond(200, new { success = true });
        _host = await MessengerTestHost.StartAsync(_graph, _database.Path, s => s["Facebook:HandoverIdleTimeout"] = "00:00:00.001");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _graph.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task StandbyMessage_AfterTheIdleTimeout_TakesTheThreadBack_AndTheBotAnswers()
    {
        await _host.PostWebhookAsync(MetaSamples.StandbyEnvelope(MetaSamples.Text("m_1", "hello?", 1_000)));
        await Task.Delay(50); // the idle timeout here is 1 ms of real time; the first message only marks people as owners
        Assert.Empty(_graph.Requests);

        await _host.PostWebhookAsync(MetaSamples.StandbyEnvelope(MetaSamples.Text("m_2", "anyone there?", 2_000)));
        await _graph.WaitForRequestsAsync(2);

        Assert.Equal(["/v25.0/me/take_thread_control", MessengerTestHost.MessagesPath], _graph.Requests.Select(r => r.Path).Take(2));
        Assert.Contains(MessengerTestHost.SentTexts(_graph), t => t?.Contains("anyone there?") == true);
    }
}
