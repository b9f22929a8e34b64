using GiftBot.Conversations.Checkout;
using Microsoft.Extensions.Options;

namespace GiftBot.Conversations.Tests.Unit;

public sealed class CheckoutLinkBuilderTests
{
    private static CheckoutLinkBuilder Builder(CheckoutOptions options) => new(Options.Create(options));

    [Fact]
    public void PutsItemsAndUtmParametersOnTheConfiguredBase_Encoded()
    {
        var url = Builder(new CheckoutOptions { BaseUrl = "https://shop.example.com/cart/add?lang=en", UtmSource = "messenger" })
            .Build([("GB-1", 2), ("A&B/1", 1)], "facebook");
        Assert.Equal("https://shop.example.com/cart/add?lang=en&items=GB-1%3A2%2CA%26B%2F1%3A1&utm_source=messenger&utm_medium=chatbot&utm_campaign=giftbot", url);
    }

    [Fact]
    public void UsesTheChannelAsUtmSource_WhenNoneIsConfigured()
    {
        var url = Builder(new CheckoutOptions { BaseUrl = "https://shop.example.com/cart" }).Build([("GB-1", 1)], "webchat");
        Assert.Contains("utm_source=webchat", url);
    }

    [Fact]
    public void ReadsItemsBack_SkippingMalformedPairs() =>
        Assert.Equal([("GB-1", 2), ("GB-2", 1)], CheckoutLinkBuilder.ParseItems("GB-1:2,,GB-2,GB-3:0,GB-4:x1,:3"));

    [Theory]
    [InlineData("")]
    [InlineData("shop.example.com/cart")]
    [InlineData("ftp://shop.example.com/cart")]
    public void RefusesABaseUrlThatIsNotAnAbsoluteWebAddress(string baseUrl) =>
        Assert.Contains("Checkout:BaseUrl", new CheckoutOptions { BaseUrl = baseUrl }.Validate());
}
