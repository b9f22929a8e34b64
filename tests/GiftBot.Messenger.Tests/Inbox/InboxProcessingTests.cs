using GiftBot.Messenger.Tests.Support;
using GiftBot.Storage;
using GiftBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Messenger.Tests.Inbox;

public sealed class InboxProcessingTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private RecordingHttpServer _graph = null!;

    public async Task InitializeAsync() => _graph = await MessengerTestHost.StartGraphAsync();

    public async Task DisposeAsync()
    {
        await _graph.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task RedeliveredEvents_AreProcessedOnce()
    {
        await using var host = await MessengerTestHost.StartAsync(_graph, _database.Path);
        var body = MetaSamples.Envelope(MetaSamples.Text("m_same", "only once", 1), MetaSamples.Postback("HELP", "Help", timestamp: 2));

        await host.PostWebhookAsync(body);
        await host.PostWebhookAsync(body);
        await host.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.Text("m_last", "done", 3)));
        await _graph.WaitForRequestsAsync(3);

        Assert.Equal(["text:only once", "text:HELP", "text:done"], MessengerTestHost.SentTexts(_graph));
    }

    [Fact]
    public async Task ARedeliveredEvent_IsLoggedByPageAndMessage_NeverByThePersonsIdOrWords()
    {
        await using var host = await MessengerTestHost.StartAsync(_graph, _database.Path);
        var body = MetaSamples.Envelope(MetaSamples.Text("m_twice", "my secret-okapi wish", 1), MetaSamples.Postback("HELP", "Help", timestamp: 2));

        await host.PostWebhookAsync(body);
        await host.PostWebhookAsync(body);
        await _graph.WaitForRequestsAsync(2);

        var logged = host.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Information).ToList();
        var duplicates = logged.Where(e => e.Text.Contains("duplicate", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, duplicates.Count);
        Assert.Contains(duplicates, e => e.Text.Contains("m_twice", StringComparison.Ordinal));
        Assert.DoesNotContain(logged, e => e.Text.Contains(MetaSamples.Psid, StringComparison.Ordinal) || e.Text.Contains("okapi", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AcknowledgedEvent_IsProcessedByTheNextHost_WhenTheFirstStoppedBeforeProcessingIt()
    {
        await using (var first = await MessengerTestHost.StartAsync(_graph, _database.Path, runWorker: false))
        {
            using var response = await first.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.Text("m_before_crash", "are you there?")));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(1, await first.PendingAsync());
        }
        Assert.Empty(_graph.Requests);

        await using var second = await MessengerTestHost.StartAsync(_graph, _database.Path);
        await _graph.WaitForRequestsAsync(1);

        Assert.Equal(["text:are you there?"], MessengerTestHost.SentTexts(_graph));
    }

    [Fact]
    public async Task FailingEvent_IsParkedAtOnceWithItsError_NotRetried_AndTheUsersNextEventStillRuns()
    {
        await using var host = await MessengerTestHost.StartAsync(_graph, _database.Path);

        await host.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.Text("m_fail", "fail", 1), MetaSamples.Text("m_ok", "after the failure", 2)));
        await _graph.WaitForRequestsAsync(1);

        Assert.Equal(["text:after the failure"], MessengerTestHost.SentTexts(_graph));
        var parked = Assert.Single(await host.Services.GetRequiredService<IDurableInbox>().ListParkedAsync());
        Assert.Equal("mid:m_fail", parked.DedupKey);
        Assert.Equal(1, parked.Attempts); // a bug fails the same way every time: no retry storm
        Assert.Contains("told to fail", parked.LastError);
        Assert.Equal(1, host.Received.All.Count(a => a.Text == "fail"));
        Assert.Contains(host.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Text.Contains("parked"));
    }

    [Fact]
    public async Task PassingFailure_IsRetried_AndThenAnswered()
    {
        await using var host = await MessengerTestHost.StartAsync(_graph, _database.Path);

        await host.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.Text("m_flaky", "store down", 1)));
        await _graph.WaitForRequestsAsync(1);

        Assert.Equal(["text:store down"], MessengerTestHost.SentTexts(_graph));
        Assert.Equal(2, host.Received.All.Count(a => a.Text == "store down"));
        Assert.Empty(await host.Services.GetRequiredService<IDurableInbox>().ListParkedAsync());
    }

    [Fact]
    public async Task EventsOfOneUser_ReachTheBotInTimestampOrder_EvenWhenDeliveredOutOfOrder()
    {
        await using (var receiver = await MessengerTestHost.StartAsync(_graph, _database.Path, runWorker: false))
        {
            await receiver.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.Text("m_3", "third", 3000)));
            await receiver.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.Text("m_1", "first", 1000), MetaSamples.Text("m_2", "second", 2000)));
        }

        await using var worker = await MessengerTestHost.StartAsync(_graph, _database.Path);
        await _graph.WaitForRequestsAsync(3);

        Assert.Equal(["text:first", "text:second", "text:third"], MessengerTestHost.SentTexts(_graph));
    }

    [Fact]
    public async Task DifferentUsers_AreProcessedInParallel_WhileOneUsersTurnIsStillRunning()
    {
        await using var host = await MessengerTestHost.StartAsync(_graph, _database.Path);

        await host.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.Text("m_wait", "wait", 1, psid: "user-a")));
        await host.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.Text("m_release", "release", 2, psid: "user-b")));
        await _graph.WaitForRequestsAsync(2);

        // user-b's turn had to run while user-a's was blocked, so its reply comes first.
        Assert.Equal(["text:release", "text:wait"], MessengerTestHost.SentTexts(_graph));
    }
}
