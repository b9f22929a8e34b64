using GiftBot.Catalog;
using GiftBot.Catalog.Feed;
using GiftBot.Catalog.Import;
using GiftBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace GiftBot.CatalogSharing;

/// <summary>
/// <c>catalog publish &lt;feed.csv&gt;</c>: checks a feed like the import does, then stores it in the shared store
/// (Storage:Provider and ConnectionStrings:GiftBot, as the bot reads them) so every running instance imports it into
/// its own catalog within Catalog:RefreshInterval. Nothing is published when no row is valid.
/// </summary>
public static class CatalogPublishCommand
{
    public const string Usage = "catalog publish <feed.csv> [--allow-partial]";

    /// <param name="configuration">The bot's own settings (appsettings, .env, environment), as the CLI reads them.</param>
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, CancellationToken cancellationToken)
    {
        var rest = args.SkipWhile(a => a is "catalog" or "publish").ToArray();
        var allowPartial = rest.Contains("--allow-partial", StringComparer.Ordinal);
        rest = rest.Where(a => a != "--allow-partial").ToArray();
        if (rest.Length != 1 || rest[0].StartsWith("--", StringComparison.Ordinal))
        {
            await output.WriteLineAsync("Name the feed file to publish. Usage: " + Usage);
            return CatalogImportCommand.UsageError;
        }

        var currency = configuration[$"{CatalogOptions.SectionName}:{nameof(CatalogOptions.Currency)}"] ?? new CatalogOptions().Currency;
        string feedCsv;
        FeedReadResult checkedFeed;
        try
        {
            feedCsv = await File.ReadAllTextAsync(rest[0], cancellationToken);
            checkedFeed = await ProductFeedReader.ReadAsync(new StringReader(feedCsv), currency, cancellationToken);
        }
        catch (Exception ex) when (ex is FeedFormatException or IOException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync($"Cannot read '{rest[0]}': {ex.Message}");
            return CatalogImportCommand.Unreadable;
        }

        foreach (var rejected in checkedFeed.Errors) await output.WriteLineAsync($"Rejected {rejected}");
        if (checkedFeed.Products.Count == 0)
        {
            await output.WriteLineAsync($"Nothing published from '{rest[0]}': no valid rows. The running catalog is unchanged.");
            return CatalogImportCommand.NothingImported;
        }

        // The same rule every instance applies when it imports the feed: refuse here, where the shop owner can see why.
        var limits = configuration.GetSection(CatalogFeedOptions.SectionName).Get<CatalogFeedOptions>() ?? new CatalogFeedOptions();
        if (limits.Rules(allowPartial).RefusesFeed(checkedFeed.Products.Count, checkedFeed.Errors.Count))
        {
            await output.WriteLineAsync($"Nothing published from '{rest[0]}': {checkedFeed.Errors.Count} of {checkedFeed.Products.Count + checkedFeed.Errors.Count} rows rejected, "
                + $"above the {limits.MaxRejectedPercent.ToString(System.Globalization.CultureInfo.InvariantCulture)} % limit (Catalog:MaxRejectedPercent). "
                + "The running catalog is unchanged; fix the rows or add --allow-partial.");
            return CatalogImportCommand.Refused;
        }

        var services = new ServiceCollection().AddLogging();
        services.AddStorage(configuration);
        await using var provider = services.BuildServiceProvider();
        long version;
        try
        {
            foreach (var hosted in provider.GetServices<IHostedService>()) await hosted.StartAsync(cancellationToken);
            version = await new StoredCatalogFeed(provider.GetRequiredService<IStorage>()).PublishAsync(Path.GetFileName(rest[0]), feedCsv, cancellationToken);
        }
        catch (OptionsValidationException ex)
        {
            await output.WriteLineAsync($"Storage settings: {ex.Message}");
            return CatalogImportCommand.UsageError;
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException or StorageConcurrencyException)
        {
            await output.WriteLineAsync($"Nothing published: the shared store did not take the feed ({ex.Message}). The running catalog is unchanged.");
            return CatalogImportCommand.Unreadable;
        }

        await output.WriteLineAsync($"Published {checkedFeed.Products.Count} products from '{rest[0]}' as shared feed version {version}; rejected {checkedFeed.Errors.Count} rows. Every instance imports it within Catalog:RefreshInterval.");
        return CatalogImportCommand.Success;
    }
}
