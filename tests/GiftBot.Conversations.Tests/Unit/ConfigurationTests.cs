using GiftBot.Conversations.Checkout;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GiftBot.Conversations.Tests.Unit;

public sealed class ConfigurationTests
{
    private static IServiceProvider Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddConversations(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }

    [Fact]
    public void FailsNamingTheKey_WhenTheCheckoutBaseUrlIsMissing()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Services([]).GetRequiredService<IOptions<CheckoutOptions>>().Value);
        Assert.Contains("Checkout:BaseUrl", error.Message);
    }

    [Fact]
    public void FailsNamingTheKey_WhenTheCarouselSizeIsOutOfRange()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Services(new() { ["GiftFinder:CarouselSize"] = "9" })
            .GetRequiredService<IOptions<GiftBot.Conversations.GiftFinder.GiftFinderOptions>>().Value);
        Assert.Contains("GiftFinder:CarouselSize", error.Message);
    }

    [Fact]
    public void FailsNamingTheKey_WhenThePublicBaseUrlIsNotAWebAddress()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Services(new() { ["ClickTracking:PublicBaseUrl"] = "bot.example.com" })
            .GetRequiredService<IOptions<GiftBot.Conversations.ClickTracking.ClickTrackingOptions>>().Value);
        Assert.Contains("ClickTracking:PublicBaseUrl", error.Message);
    }

    // A Page's display name ("Little Wonders") in Facebook:PageName is a common slip: the error names the setting read.
    [Theory]
    [InlineData("Facebook:PageName")]
    [InlineData("EntryPoints:PageName")]
    public void FailsNamingTheKey_WhenThePageNameIsADisplayName(string key)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Services(new() { [key] = "Little Wonders" })
            .GetRequiredService<IOptions<GiftBot.Conversations.EntryPoints.EntryPointsOptions>>().Value);
        Assert.Contains(key, error.Message);
        Assert.Contains("user name", error.Message);
    }
}
