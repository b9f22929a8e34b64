using GiftBot.Testing;

namespace GiftBot.Messenger.Tests.Support;

/// <summary>A fresh Messenger host per test: its own SQLite file and a Graph API stand-in, disposed after the test.</summary>
public abstract class MessengerHostTest : IAsyncLifetime
{
    private readonly TempDatabase _database = new();

    protected RecordingHttpServer Graph { get; private set; } = null!;
    protected MessengerTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Graph = await MessengerTestHost.StartGraphAsync();
        Host = await MessengerTestHost.StartAsync(Graph, _database.Path);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Graph.DisposeAsync();
        _database.Dispose();
    }
}
