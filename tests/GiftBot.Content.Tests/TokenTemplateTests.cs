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

    [Fact]
    public void TreatsBlankValuesAsMissing() =>
        Assert.Equal("Hi!", TokenTemplate.Resolve("Hi {{first_name}}!", new Dictionary<string, string?> { ["first_name"] = "" }));

    [Fact]
    public void LeavesMalformedTokensForTheContentCheck() =>
        Assert.Equal("Hi {{first_name!", TokenTemplate.Resolve("Hi {{first_name!", Anna));
}
