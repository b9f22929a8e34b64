using System.Net;
using GiftBot.Catalog.Http;
using GiftBot.Catalog.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GiftBot.Catalog.Tests.Http;

/// <summary>AddCatalog as the host wires it: real SQLite, options from configuration, seeding at start-up.</summary>
public class CatalogRegistrationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private WebApplication Build(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = _dir.Path });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddCatalog(builder.Configuration);
        var app = builder.Build();
        app.MapCatalogApi();
        return app;
    }

    [Fact]
    public async Task SeedsTheDatabaseAtStartUp_WithRelativePathsUnderTheContentRoot()
    {
        await using var app = Build(
            ("Catalog:DatabasePath", "data/shop.db"),
            ("Catalog:FeedPath", Feeds.BundledFeed),
            ("Catalog:ThemesPath", Feeds.BundledThemes));

        await app.StartAsync();
        var seededBeforeFirstRequest = File.Exists(Path.Combine(_dir.Path, "data", "shop.db"));
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        using var response = await client.GetAsync("/api/catalog/products/GB-1001");
        await app.StopAsync();

        Assert.True(seededBeforeFirstRequest);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RefusesToStart_NamingTheBadSetting()
    {
        await using var app = Build(("Catalog:Currency", "euro"), ("Catalog:MaxBudgetRelaxSteps", "9"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Catalog:Currency", error.Message);
        Assert.Contains("Catalog:MaxBudgetRelaxSteps", error.Message);
    }
}
