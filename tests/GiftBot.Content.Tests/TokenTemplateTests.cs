namespace GiftBot.Content.Tests;

public class TokenTemplateTests
{
    private static readonly Dictionary<string, string?> Anna = new() { ["first_name"] = "Anna", ["page_name"] = "Little Wonders" };
    private static readonly Dictionary<string, string?> NoName = new() { ["page_name"] = "Little Wonders" };

    [Theory]
    [InlineData("Hi {{first_name}}!", "Hi Anna!")]
    [InlineData("Hi {{first_name}}, welcome to {{page_name}}", "Hi Anna, welcome to Little Wonders")]
    [InlineData("Hi {{ first_name }}!", "Hi Anna!")]
    public void FillsTokens_WhenValuesKnown(string template, string expected) =>
        Assert.Equal(expected, TokenTemplate.Resolve(template, Anna));

    [Theory]
    [InlineData("Hi {{first_name}}!", "Hi!")]
    [InlineData("Hi {{first_name}}, welcome", "Hi, welcome")]
    [InlineData("Welcome back, {{first_name}}!", "Welcome back!")]
    [InlineData("Hello {{first_name}} and welcome", "Hello and welcome")]
    [InlineData("{{first_name}}, your order is on its way.", "Your order is on its way.")]
    [InlineData("Thanks. {{first_name}}, your order is on its way.", "Thanks. Your order is on its way.")]
    [InlineData("Bonjour {{first_name}} ! Je suis Pip.", "Bonjour ! Je suis Pip.")]
    [InlineData("Thanks {{first_name}}", "Thanks")]
    public void DropsMissingTokens_WithoutOddSpacingOrPunctuation(string template, string expected) =>
        Assert.Equal(expected, TokenTemplate.Resolve(template, NoName));

    // A title that starts with its own article: "I have the The Animal Atlas" was said to shoppers.
    [Theory]
    [InlineData("For animals I have the {{title}}, but it's over budget.", "The Animal Atlas", "For animals I have The Animal Atlas, but it's over budget.")]
    [InlineData("The {{title}} is for ages 8 to 14.", "The Animal Atlas", "The Animal Atlas is for ages 8 to 14.")]
    [InlineData("Voici le {{title}} de la publicité.", "Le Petit Prince", "Voici Le Petit Prince de la publicité.")]
    [InlineData("Here's the {{title}} from the ad.", "Theodore Bear", "Here's the Theodore Bear from the ad.")]
    [InlineData("Yes, the {{title}} is in stock.", "Wooden Horse Stable", "Yes, the Wooden Horse Stable is in stock.")]
    public void AWordTheValueBeginsWith_IsNotSaidTwice(string template, string title, string expected) =>
        Assert.Equal(expected, TokenTemplate.Resolve(template, new Dictionary<string, string?> { ["title"] = title }));

    [Fact]
    public void TreatsBlankValuesAsMissing() =>
        Assert.Equal("Hi!", TokenTemplate.Resolve("Hi {{first_name}}!", new Dictionary<string, string?> { ["first_name"] = "" }));

    [Fact]
    public void LeavesMalformedTokensForTheContentCheck() =>
        Assert.Equal("Hi {{first_name!", TokenTemplate.Resolve("Hi {{first_name!", Anna));
}
