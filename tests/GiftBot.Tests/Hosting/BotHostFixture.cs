using GiftBot.Testing.BotFramework;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Tests.Hosting;

/// <summary>
/// One started host plus a Bot Connector stand-in, shared by the tests of a class (IClassFixture) because starting the
/// host costs most of a test's time. Tests keep apart by using their own conversation ids.
/// </summary>
public class BotHostFixture : IAsyncLifetime
{
    public BotConnectorStandIn Connector { get; private set; } = null!;
    public GiftBotApp App { get; private set; } = null!;

    protected virtual IDictionary<string, string?>? Settings => null;

    protected virtual void ConfigureServices(IServiceCollection services) { }

    public async Task InitializeAsync()
    {
        Connector = await BotConnectorStandIn.StartAsync();
        App = new GiftBotApp(Settings, ConfigureServices);
        _ = App.Server; // start now, not inside the first test
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
