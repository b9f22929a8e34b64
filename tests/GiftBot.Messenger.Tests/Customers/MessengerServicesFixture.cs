using GiftBot.Messenger.Adapter;
using GiftBot.Messenger.Inbound;
using GiftBot.Messenger.Tests.Support;
using GiftBot.Testing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Tests.Customers;

/// <summary>AddMessenger over MemoryStorage with a fake clock and the Graph API at a recording server.</summary>
public abstract class MessengerServicesFixture : IAsyncLifetime
{
    protected readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    protected RecordingHttpServer Graph = null!;
    protected ServiceProvider Services = null!;

    protected virtual void Adjust(Dictionary<string, string?> settings) { }

    public async Task InitializeAsync()
    {
        Graph = await MessengerTestHost.StartGraphAsync();
        var settings = MessengerTestHost.Settings(Graph, "unused.db");
        Adjust(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        Services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(Clock).AddSingleton<IStorage, MemoryStorage>()
            .AddMessenger(configuration).AddCustomerCardsOnEveryAdapter().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Graph.DisposeAsync();
    }

    protected FacebookAdapter Adapter => Services.GetRequiredService<FacebookAdapter>();

    /// <summary>The person writes "hi" now (by the fake clock); the turn itself sends nothing.</summary>
    protected Task PersonWritesAsync() =>
        Adapter.ProcessActivityAsync(UserText("hi"), (_, _) => Task.CompletedTask, CancellationToken.None);

    protected Activity UserText(string text)
    {
        return FacebookActivityFactory.Create(MetaSamples.Read(MetaSamples.Text("m_1", text, Clock.GetUtcNow().ToUnixTimeMilliseconds())), new Uri("https://graph.facebook.com/v25.0/")).Single();
    }

    protected IReadOnlyList<RecordedRequest> SentMessages => Graph.RequestsTo(MessengerTestHost.MessagesPath);
}
