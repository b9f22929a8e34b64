using GiftBot.Language.Clu;
using GiftBot.Language.Embedded;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GiftBot.Language.Tests;

public sealed class LanguageRegistrationTests
{
    [Fact]
    public void RegistersTheEmbeddedRecognizer_ByDefault()
    {
        using var services = Provider([]);
        Assert.IsType<EmbeddedRecognizer>(services.GetRequiredService<IRecognizer>());
        Assert.IsType<SlotParser>(services.GetRequiredService<ISlotParser>());
    }

    [Fact]
    public void RegistersTheCluRecognizer_WhenConfigured()
    {
        using var services = Provider(new()
        {
            ["Language:Recognizer"] = "clu",
            ["Language:Clu:Endpoint"] = "https://example.cognitiveservices.azure.com",
            ["Language:Clu:Key"] = "k",
            ["Language:Clu:ProjectName"] = "giftbot",
            ["Language:Clu:DeploymentName"] = "production",
            ["Language:Clu:TimeoutSeconds"] = "1.5",
        });
        Assert.IsType<CluRecognizer>(services.GetRequiredService<IRecognizer>());
        Assert.Equal(1.5, services.GetRequiredService<IOptions<LanguageOptions>>().Value.Clu.TimeoutSeconds);
    }

    [Theory]
    [InlineData("Language:Recognizer", "Luis", "Language:Recognizer")]
    [InlineData("Language:NoneThreshold", "1.5", "Language:NoneThreshold")]
    [InlineData("Language:UtterancesPath", "/no/such/file.json", "Language:UtterancesPath")]
    public void RejectsInvalidSettings_NamingTheKey(string key, string value, string named)
    {
        using var services = Provider(new() { [key] = value });
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LanguageOptions>>().Value);
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void RejectsCluWithoutEndpointKeyOrProject()
    {
        using var services = Provider(new() { ["Language:Recognizer"] = "Clu" });
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LanguageOptions>>().Value);
        Assert.Contains("Language:Clu:Endpoint", error.Message);
        Assert.Contains("Language:Clu:Key", error.Message);
        Assert.Contains("Language:Clu:ProjectName", error.Message);
        Assert.Contains("Language:Clu:DeploymentName", error.Message);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IInterestVocabulary>(TestVocabulary.InterestVocabulary);
        services.AddSingleton<IFaqVocabulary>(TestVocabulary.FaqVocabulary);
        services.AddLanguageUnderstanding(configuration);
        return services.BuildServiceProvider();
    }
}
