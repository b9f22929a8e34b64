using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GiftBot.Language.Benchmarks.GiftRequests;

/// <summary>The real GiftBot host (Program.cs, every capability wired, the bundled catalog) in this process, on its own temporary databases.</summary>
internal sealed class GiftFinderHost : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "giftbot-eval", Guid.NewGuid().ToString("N"));

    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="settings">Settings over the defaults (e.g. another catalog database).</param>
    public GiftFinderHost(IReadOnlyDictionary<string, string>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        // The build output holds appsettings.json and content/; no source tree needed.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_GIFTBOT", AppContext.BaseDirectory);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("MicrosoftAppId", "");
        builder.UseSetting("MicrosoftAppPassword", "");
        builder.UseSetting("Storage:DatabasePath", Path.Combine(_dataDirectory, "giftbot.db"));
        builder.UseSetting("Catalog:DatabasePath", Path.Combine(_dataDirectory, "catalog.db"));
        builder.UseSetting("Logging:LogLevel:Default", "Error");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { }
    }
}
