using System.Net;
using GiftBot.Messenger.Tests.Support;
using GiftBot.Testing;
using GiftBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GiftBot.Messenger.Tests.Webhook;

public sealed class ChannelConfigurationTests : IAsyncLifetime
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
    public async Task StartUpFails_NamingTheMissingKeys_WhenTheChannelIsEnabledButIncomplete()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => MessengerTestHost.StartAsync(_graph, _database.Path, s =>
        {
            s["Facebook:Enabled"] = "true";
            s["Facebook:PageAccessToken"] = null;
            s["Facebook:GraphApiVersion"] = "25";
        }));

        Assert.Contains("Facebook:PageAccessToken is required", error.Message);
        Assert.Contains("Facebook:GraphApiVersion must look like v25.0", error.Message);
    }

    [Fact]
    public async Task WebhookAnswers503AndLogsOnce_WhenTheChannelIsNotConfigured()
    {
        await using var host = await MessengerTestHost.StartAsync(_graph, _database.Path, s =>
        {
            s["Facebook:AppSecret"] = null;
            s["Facebook:PageAccessToken"] = null;
        });

        using var post = await host.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.Text("m_1", "hi")), sign: false);
        using var get = await host.Client.GetAsync($"api/facebook?hub.mode=subscribe&hub.verify_token={MessengerTestHost.VerifyToken}&hub.challenge=1");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, get.StatusCode);
        Assert.Contains("not configured", await post.Content.ReadAsStringAsync());
        Assert.Single(host.Logs.Entries, e => e.Text.Contains("Facebook webhook called but the Facebook channel is not configured"));
    }

    [Fact]
    public async Task WebhookAnswers503SoMetaRetries_WhenTheInboxCannotStoreTheEvent()
    {
        await using var host = await MessengerTestHost.StartAsync(_graph, _database.Path,
            services: s => s.AddSingleton<IDurableInbox, UnavailableInbox>());

        using var response = await host.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.Text("m_1", "hi")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains(host.Logs.Entries, e => e.Text.Contains("could not be stored"));
    }

    private sealed class UnavailableInbox : IDurableInbox
    {
        public Task<bool> EnqueueAsync(string partitionKey, string dedupKey, string payload, DateTimeOffset occurredAt, CancellationToken cancellationToken = default) =>
            throw new IOException("disk full");
        public Task<IReadOnlyList<bool>> EnqueueAllAsync(IReadOnlyList<InboxEntry> items, CancellationToken cancellationToken = default) =>
            throw new IOException("disk full");
        public Task<IReadOnlyList<InboxItem>> LeaseAsync(int max, TimeSpan leaseDuration, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<InboxItem>>([]);
        public Task CompleteAsync(long id, CancellationToken cancellationToken = default) => Task.CompletedTask;
        public Task FailAsync(long id, string error, int maxAttempts, TimeSpan retryDelay, CancellationToken cancellationToken = default) => Task.CompletedTask;
        public Task<IReadOnlyList<InboxItem>> ListParkedAsync(int limit = 100, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<InboxItem>>([]);
        public Task<int> CountPendingAsync(CancellationToken cancellationToken = default) => Task.FromResult(0);
    }
}
