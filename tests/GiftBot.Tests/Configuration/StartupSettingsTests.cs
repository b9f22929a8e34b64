using GiftBot.Tests.Hosting;
using Microsoft.Extensions.Options;

namespace GiftBot.Tests.Configuration;

/// <summary>Settings .env.sample promises are checked when the real host starts, naming the key.</summary>
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("AgentApi:ApiKey", "too-short")]
    [InlineData("Catalog:MaxRejectedPercent", "150")]
    [InlineData("Catalog:FeedUrl", "ftp://feeds.example.com/products.csv")]
    public void RefusesToStart_NamingTheKey(string key, string value)
    {
        using var app = new GiftBotApp(new Dictionary<string, string?> { [key] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(key, failure.Message);
    }
}
