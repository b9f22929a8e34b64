namespace GiftBot.Conversations.Checkout;

/// <summary>Where the checkout link sends the shopper. Bound to the "Checkout" configuration section.</summary>
public sealed class CheckoutOptions
{
    public const string SectionName = "Checkout";

    /// <summary>The shop's add-to-cart URL, e.g. https://shop.example.com/cart/add (absolute http/https; may carry its own query).</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>Query parameter holding the basket as "id:quantity" pairs separated by commas.</summary>
    public string ItemsParameter { get; set; } = "items";

    /// <summary>utm_source; when empty, the channel id of the conversation (e.g. "facebook", "emulator").</summary>
    public string? UtmSource { get; set; }

    /// <summary>
    /// Query parameter carrying the conversation's click token to the shop, which sends it back with the order
    /// (POST /api/orders "checkoutToken") so the sale is attributed to the conversation and its ad or link.
    /// </summary>
    public string TokenParameter { get; set; } = "giftbot_token";

    public string UtmMedium { get; set; } = "chatbot";
    public string UtmCampaign { get; set; } = "giftbot";

    /// <summary>The validation message, or null when the options are usable.</summary>
    public string? Validate()
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return $"{SectionName}:BaseUrl must be an absolute http(s) URL of the shop's cart, e.g. https://shop.example.com/cart/add.";
        if (string.IsNullOrWhiteSpace(ItemsParameter))
            return $"{SectionName}:ItemsParameter must name the query parameter that carries the basket.";
        return null;
    }
}
