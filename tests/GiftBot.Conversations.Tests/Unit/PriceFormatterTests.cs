using GiftBot.Conversations.Text;

namespace GiftBot.Conversations.Tests.Unit;

public sealed class PriceFormatterTests
{
    [Theory]
    [InlineData(24.99, "EUR", "en-US", "€24.99")]
    [InlineData(40, "EUR", "en-US", "€40.00")]
    [InlineData(34, "EUR", "en-IE", "€34.00")]
    [InlineData(24.99, "EUR", "de-DE", "24,99 €")]
    [InlineData(15.5, "GBP", "en_GB", "£15.50")]
    [InlineData(10, "USD", null, "$10.00")]
    public void WritesPricesInTheCurrencysMinorUnits_TheWayTheShoppersLocaleWritesMoney(decimal amount, string currency, string? locale, string expected) =>
        Assert.Equal(expected, PriceFormatter.Format(amount, currency, locale).Replace('\u00A0', ' '));

    [Fact]
    public void WritesYenWithoutDecimals_BecauseTheYenHasNoMinorUnit() =>
        Assert.EndsWith("1,500", PriceFormatter.Format(1500, "JPY", "en-US"));

    [Theory]
    [InlineData(40, "EUR", "en-US", "€40")]
    [InlineData(62.5, "EUR", "en-US", "€62.50")]
    public void KeepsAWholeBudgetWhole(decimal amount, string currency, string? locale, string expected) =>
        Assert.Equal(expected, PriceFormatter.FormatBudget(amount, currency, locale).Replace('\u00A0', ' '));
}
