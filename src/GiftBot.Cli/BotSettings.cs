using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using GiftBot.Catalog;
using GiftBot.Catalog.Import;
using GiftBot.Configuration;
using Microsoft.Extensions.Options;

namespace GiftBot.Cli;

/// <summary>
/// The running bot's settings, read the way the bot reads them (<see cref="HostSettings"/>): the same appsettings.json,
/// .env and environment variables, relative paths against the bot's content root, checked by the bot's own validators.
/// Built on first use, so "help" works whatever the settings say.
/// </summary>
public sealed class BotSettings : IDisposable
{
    private readonly IHost _host;

    private BotSettings(IHost host, string contentRoot)
    {
        _host = host;
        ContentRoot = contentRoot;
    }

    public string ContentRoot { get; }

    public IConfiguration Configuration => _host.Services.GetRequiredService<IConfiguration>();

    /// <exception cref="OptionsValidationException">A catalog setting is wrong (the message names the key).</exception>
    public CatalogOptions Catalog => _host.Services.GetRequiredService<IOptions<CatalogOptions>>().Value;

    public CatalogFeedOptions CatalogFeeds => _host.Services.GetRequiredService<IOptions<CatalogFeedOptions>>().Value;

    public static BotSettings Load(string workingDirectory)
    {
        var contentRoot = HostSettings.LocateContentRoot(workingDirectory);
        var builder = HostSettings.CreateToolBuilder(contentRoot);
        builder.Services.AddCatalogWithBundledFiles(builder.Configuration);
        return new BotSettings(builder.Build(), contentRoot);
    }

    public void Dispose() => _host.Dispose();
}
