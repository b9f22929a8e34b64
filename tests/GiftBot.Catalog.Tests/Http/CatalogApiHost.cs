using GiftBot.Catalog.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GiftBot.Catalog.Tests.Http;

/// <summary>A minimal web app on Kestrel (127.0.0.1, free port) serving MapCatalogApi over the bundled catalog.</summary>
public sealed class CatalogApiHost : IAsyncLifetime
{
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var catalog = await InMemoryProductCatalog.FromFilesAsync(Support.Feeds.BundledFeed, Support.Feeds.BundledThemes);
        builder.Services.AddSingleton<IProductCatalog>(catalog);
        _app = builder.Build();
        _app.MapCatalogApi();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
