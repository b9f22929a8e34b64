namespace GiftBot.Content.Tests;

/// <summary>The content folder the repository ships (copied to the test output by build/Content.props).</summary>
public class ShippedContentTests
{
    private static readonly string Root = BotContent.ResolveRoot("content");

    [Fact]
    public void ShippedContent_PassesItsOwnChecks_WithoutErrors()
    {
        var findings = ContentChecker.Check(Root);

        Assert.Empty(findings.Where(f => f.Severity == FindingSeverity.Error).Select(f => f.ToString()));
    }

    [Fact]
    public void ShippedEnglishText_HasNoSpellingWarnings()
    {
        var findings = ContentChecker.Check(Root, new ContentCheckOptions { Dictionaries = TestDictionaries.System() });

        Assert.Empty(findings.Where(f => f.Message.StartsWith("possible misspelling", StringComparison.Ordinal) && !(f.File + f.Path).Contains("fr-FR"))
            .Select(f => f.ToString()));
    }

    [Fact]
    public void ShippedContent_Loads_WithPersonaFaqHoursAndPage()
    {
        var content = BotContent.Load(Root);

        Assert.Equal("en-US", content.DefaultLocale);
        Assert.False(string.IsNullOrWhiteSpace(content.Persona.Name));
        Assert.StartsWith("https://", content.Persona.AvatarUrl);
        Assert.True(content.Faq.Entries.Count >= 12);
        Assert.Contains(content.Text.Locales, l => l == "fr-FR");
        Assert.All(content.Faq.Entries, e => Assert.NotNull(content.Faq.AnswerFor(e, content.Text, "fr-FR")));
    }
}
