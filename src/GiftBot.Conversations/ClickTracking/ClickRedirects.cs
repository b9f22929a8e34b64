using GiftBot.Catalog;
using GiftBot.Conversations.Checkout;
using GiftBot.Conversations.Funnel;
using GiftBot.Storage;
using Microsoft.Extensions.Logging;

namespace GiftBot.Conversations.ClickTracking;

/// <summary>
/// What the host's /r/... endpoints do: count the click and name the redirect target. Targets are only ever the
/// catalog's own product link or the configured checkout URL built from catalog products, never a URL from the
/// request, so the endpoints cannot be used as an open redirect.
/// </summary>
public sealed class ClickRedirects
{
    private readonly IProductCatalog _catalog;
    private readonly ClickTokens _tokens;
    private readonly CheckoutLinkBuilder _checkout;
    private readonly FunnelRecorder _funnel;
    private readonly TimeProvider _clock;
    private readonly ILogger<ClickRedirects> _logger;

    public ClickRedirects(IProductCatalog catalog, ClickTokens tokens, CheckoutLinkBuilder checkout, FunnelRecorder funnel, TimeProvider clock, ILogger<ClickRedirects> logger)
    {
        _logger = logger;
        _catalog = catalog;
        _tokens = tokens;
        _checkout = checkout;
        _funnel = funnel;
        _clock = clock;
    }

    /// <summary>The product's page, or null when the catalog does not know the id.</summary>
    public async Task<string?> ProductTargetAsync(string productId, string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(productId) || productId.Length > 100) return null;
        var product = await _catalog.GetAsync(productId, cancellationToken);
        if (product is null || !IsWebUrl(product.Link)) return null;
        await RecordAsync(FunnelEventKinds.ProductViewed, token, new() { ["productId"] = product.Id, ["source"] = "link" }, cancellationToken);
        return product.Link;
    }

    /// <summary>The shop's checkout URL for the known products among <paramref name="items"/>, or null when none is known.</summary>
    public async Task<string?> CheckoutTargetAsync(string? items, string? token, CancellationToken cancellationToken)
    {
        var known = new List<(string ProductId, int Quantity)>();
        foreach (var (id, quantity) in CheckoutLinkBuilder.ParseItems(items).Take(50))
            if (await _catalog.GetAsync(id, cancellationToken) is { } product) known.Add((product.Id, quantity));
        if (known.Count == 0) return null;

        var origin = await ResolveAsync(token, cancellationToken);
        await RecordAsync(FunnelEventKinds.CheckoutClicked, origin, new()
        {
            ["productIds"] = string.Join(",", known.Select(k => k.ProductId)),
            ["itemCount"] = known.Sum(k => k.Quantity).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["source"] = "link",
        }, cancellationToken);
        return _checkout.Build(known, origin?.ChannelId, origin is null ? null : token);
    }

    private async Task RecordAsync(string kind, string? token, Dictionary<string, string> properties, CancellationToken cancellationToken) =>
        await RecordAsync(kind, await ResolveAsync(token, cancellationToken), properties, cancellationToken);

    // The redirect matters more than attributing the click: a storage failure leaves the click unattributed.
    private async Task<ClickOrigin?> ResolveAsync(string? token, CancellationToken cancellationToken)
    {
        try
        {
            return await _tokens.ResolveAsync(token, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Could not resolve a click-tracking token");
            return null;
        }
    }

    // A click with an unknown or missing token (a forwarded link) still counts, without a conversation.
    private Task RecordAsync(string kind, ClickOrigin? origin, Dictionary<string, string> properties, CancellationToken cancellationToken) =>
        _funnel.RecordAsync(new FunnelEvent
        {
            Kind = kind,
            ChannelId = origin?.ChannelId ?? "unknown",
            ConversationId = origin?.ConversationId ?? "unknown",
            UserId = origin?.UserId,
            Properties = properties,
            Timestamp = _clock.GetUtcNow(),
        }, cancellationToken);

    private static bool IsWebUrl(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
