using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Tests.Hosting;

/// <summary>
/// The real GiftBot host in-process (WebApplicationFactory&lt;Program&gt;) with its own temporary SQLite database,
/// optional settings (configuration keys, as in appsettings) and test seams swapped in with ConfigureTestServices.
/// </summary>
public sealed class GiftBotApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly bool _ownsDataDirectory;
    private readonly string? _contentRoot;

    /// <param name="dataDirectory">Reuse another instance's databases (a restart); that instance must be disposed first.</param>
    /// <param name="contentRoot">Run the bot in this folder with its default catalog path (data/catalog.db under it), as `dotnet run` does in src/GiftBot.</param>
    public GiftBotApp(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null, string? dataDirectory = null, string? contentRoot = null)
    {
        _contentRoot = contentRoot;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "giftbot-tests", Guid.NewGuid().ToString("N"));
        _ownsDataDirectory = dataDirectory is null;
        _settings = new(settings ?? new Dictionary<string, string?>(), StringComparer.OrdinalIgnoreCase);
        _settings.TryAdd("Storage:DatabasePath", Path.Combine(DataDirectory, "giftbot.db"));
        if (contentRoot is null) _settings.TryAdd("Catalog:DatabasePath", Path.Combine(DataDirectory, "catalog.db"));
        // Local mode unless a test asks for credentials, whatever the developer's environment says.
        _settings.TryAdd("MicrosoftAppId", "");
        _settings.TryAdd("MicrosoftAppPassword", "");
        _configureServices = configureServices;
    }

    public string DataDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (_contentRoot is not null) builder.UseContentRoot(_contentRoot);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_configureServices is not null) builder.ConfigureTestServices(_configureServices);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!_ownsDataDirectory) return;
        await DeleteDataDirectoryAsync();
    }

    // Seen once in CI: "Directory not empty" while deleting, a file appearing between the listing and the removal
    // (a store file closed late after the host stopped). A few short retries; if files still remain, say which.
    private async Task DeleteDataDirectoryAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
                return;
            }
            catch (DirectoryNotFoundException) { return; }
            catch (IOException) when (attempt < 5)
            {
                await Task.Delay(100 * attempt);
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            }
            catch (IOException ex)
            {
                var left = Directory.Exists(DataDirectory) ? string.Join(", ", Directory.EnumerateFileSystemEntries(DataDirectory, "*", SearchOption.AllDirectories).Select(Path.GetFileName)) : "";
                throw new IOException($"{ex.Message} (still there after {attempt} tries: {left})", ex);
            }
        }
    }
}
