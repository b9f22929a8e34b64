using GiftBot.Catalog;

namespace GiftBot.Conversations.GiftFinder;

/// <summary>Where shoppers' apps reach this bot (scheme and host, e.g. https://bot.example.com); null when unknown.</summary>
public interface IPublicAddress
{
    string? BaseUrl { get; }
}

/// <summary>
/// A product's picture as a card needs it: the feed's own https link, or for a picture shipped with the catalog
/// (images/space.png) its absolute URL on this bot. No picture rather than a broken one when the address is unknown.
/// </summary>
public sealed class ProductImages(IPublicAddress? address = null)
{
    public string? UrlFor(Product product)
    {
        if (!BundledImages.IsPath(product.ImageLink)) return product.ImageLink;
        return address?.BaseUrl is { Length: > 0 } baseUrl ? BundledImages.UrlFor(product.ImageLink, baseUrl) : null;
    }
}
