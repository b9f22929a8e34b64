namespace GiftBot.Content.Tests;

public class LocaleFallbackTests
{
    private static readonly BotContent Content = BotContent.Load(BotContent.ResolveRoot("content"));

    [Theory]
    [InlineData("fr-FR", "fr-FR")]
    [InlineData("fr-CA", "fr-FR")]
    [InlineData("fr_CA", "fr-FR")]
    [InlineData("en_US", "en-US")]
    [InlineData("en-GB", "en-US")]
    [InlineData("de-DE", "en-US")]
    [InlineData(null, "en-US")]
    public void ResolvesShopperLocale_ToTheClosestContentLocale(string? requested, string expected) =>
        Assert.Equal(expected, Content.Text.ResolveLocale(requested));

    [Fact]
    public void CanadianFrenchShopper_GetsFrenchLines_AndEnglishWhereFrenchIsMissing()
    {
        var files = new[]
        {
            new TextFile("en-US", "x", "x", new Dictionary<string, IReadOnlyList<string>> { ["a"] = ["Hello"], ["b"] = ["Only English"] }, []),
            new TextFile("fr-FR", "x", "x", new Dictionary<string, IReadOnlyList<string>> { ["a"] = ["Bonjour"] }, []),
        };
        var text = BotText.FromFiles(files, "en-US");

        Assert.Equal("Bonjour", text.Get("a", "fr-CA"));
        Assert.Equal("Only English", text.Get("b", "fr-CA"));
        Assert.Equal("Hello", text.Get("a", "en_US"));
    }

    [Fact]
    public void PersonaWelcome_IsFrenchForFrenchShoppers_AndDisclosesTheAssistant()
    {
        var persona = Content.Persona.For("fr_CA");
        var welcome = Content.Text.Get("persona.welcome", "fr_CA", new Dictionary<string, string?> { ["persona_name"] = persona.Name });

        Assert.Equal("fr-FR", persona.Locale);
        Assert.Contains(persona.DisclosurePhrases, p => welcome.Contains(p, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(Content.Persona.Default.DisclosurePhrases, p => welcome.Contains(p, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void InlineText_FallsBackLikeTextFiles()
    {
        var text = LocalizedText.PerLocale([new("en-US", "Shop now"), new("fr-FR", "Voir la boutique")]);

        Assert.Equal("Voir la boutique", text.Get("fr_BE", "en-US"));
        Assert.Equal("Shop now", text.Get("es-ES", "en-US"));
    }
}
