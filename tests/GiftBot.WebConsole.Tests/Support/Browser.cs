using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace GiftBot.WebConsole.Tests.Support;

/// <summary>A browser test: skipped, with one clear reason, when Debian's chromium is not installed (CI installs it with apt).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browsers.ChromiumPath is null) Skip = $"No Chromium browser found at {Browsers.DefaultPath} (or CHROMIUM_PATH): browser tests skipped.";
    }
}

/// <summary>
/// The browser tests share one Chromium and run one after another: CI runs every test project at once on two cores, and
/// two browsers with two hosts beside them made single steps of a passing test take over half a minute.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Browsers>
{
    public const string Name = "Browser";
}

/// <summary>One system Chromium for the browser tests (Playwright's own browser download is not used).</summary>
public sealed class Browsers : IAsyncLifetime
{
    // Playwright's defaults (30 s a navigation, 5 s an expectation) are meant for a quiet machine; a loaded CI run has
    // taken longer than that for a page that was right. A page that never comes still fails, within a minute.
    private const float ActionTimeoutMilliseconds = 60_000;
    private const float ExpectTimeoutMilliseconds = 20_000;

    public const string DefaultPath = "/usr/bin/chromium";
    public static string? ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } custom && File.Exists(custom) ? custom
        : File.Exists(DefaultPath) ? DefaultPath : null;

    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (ChromiumPath is null) return;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) on the host at <paramref name="baseAddress"/>, with CI-sized timeouts.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseAddress, int width, int height)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = width, Height = height } });
        context.SetDefaultTimeout(ActionTimeoutMilliseconds);
        context.SetDefaultNavigationTimeout(ActionTimeoutMilliseconds);
        Assertions.SetDefaultExpectTimeout(ExpectTimeoutMilliseconds);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>Writes bin/.../screenshots/{name}.png.</summary>
    public static Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    /// <summary>axe-core on the current page: no serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"{page.Url}: " + string.Join("; ", bad.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html).Take(3))}")));
    }
}
