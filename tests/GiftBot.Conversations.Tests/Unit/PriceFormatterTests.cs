using GiftBot.Conversations.Text;

namespace GiftBot.Conversations.Tests.Unit;

public sealed class PriceFormatterTests
{
    [Theory]
    [InlineData(24.99, "EUR", "en-US", "€24.99")]
    [InlineData(40, "EUR", "en-US", "€40")]
    [InlineData(24.99, "EUR", "de-DE", "24,99 €")]
    [InlineData(15.5, "GBP", "en_GB", "£15.50")]
    [InlineData(10, "USD", null, "$10")]
    public void FormatsTheShopsCurrencyTheWayTheShoppersLocaleWritesMoney(decimal amount, string currency, string? locale, string expected) =>
        Assert.Equal(expected, PriceFormatter.Format(amount, currency, locale).Replace('\u00A0', ' '));
}
