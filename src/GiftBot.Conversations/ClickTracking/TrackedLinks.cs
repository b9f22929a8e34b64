using GiftBot.Catalog;
using GiftBot.Conversations.Checkout;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace GiftBot.Conversations.ClickTracking;

/// <summary>
/// The URLs behind "view" and "checkout" buttons: through this host's redirect endpoint when click tracking is
/// configured (so the click is counted), else straight to the shop.
/// </summary>
public sealed class TrackedLinks
{
    public const string ProductPath = "/r/product/";
    public const string CheckoutPath = "/r/checkout";
    public const string TokenParameter = "c";
    public const string ItemsParameter = "items";

    private readonly IOptions<ClickTrackingOptions> _options;
    private readonly ClickTokens _tokens;
    private readonly CheckoutLinkBuilder _checkout;

    public TrackedLinks(IOptions<ClickTrackingOptions> options, ClickTokens tokens, CheckoutLinkBuilder checkout)
    {
        _options = options;
        _tokens = tokens;
        _checkout = checkout;
    }

    public bool Enabled => _options.Value.Enabled;

    public async Task<string> ProductLinkAsync(ITurnContext turnContext, Product product, CancellationToken cancellationToken)
    {
        if (!Enabled) return product.Link;
        var token = await _tokens.GetOrCreateAsync(turnContext, cancellationToken);
        return $"{BaseUrl}{ProductPath}{Uri.EscapeDataString(product.Id)}?{TokenParameter}={token}";
    }

    public async Task<string> CheckoutLinkAsync(ITurnContext turnContext, IReadOnlyList<(string ProductId, int Quantity)> items, CancellationToken cancellationToken)
    {
        if (!Enabled) return _checkout.Build(items, turnContext.Activity.ChannelId);
        var token = await _tokens.GetOrCreateAsync(turnContext, cancellationToken);
        var basket = string.Join(",", items.Select(i => $"{i.ProductId}:{i.Quantity}"));
        return $"{BaseUrl}{CheckoutPath}?{ItemsParameter}={Uri.EscapeDataString(basket)}&{TokenParameter}={token}";
    }

    private string BaseUrl => _options.Value.PublicBaseUrl!.TrimEnd('/');
}
