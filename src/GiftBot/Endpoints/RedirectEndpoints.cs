using GiftBot.Conversations.ClickTracking;

namespace GiftBot.Endpoints;

/// <summary>
/// Click-tracking redirects behind the bot's "view" and "checkout" buttons: count the click, then 302 to the shop.
/// The target always comes from the catalog or the checkout configuration, never from the request (no open redirect).
/// </summary>
public static class RedirectEndpoints
{
    public static IEndpointRouteBuilder MapClickTracking(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(TrackedLinks.ProductPath + "{id}", async (string id, HttpRequest request, ClickRedirects redirects, CancellationToken cancellationToken) =>
        {
            var target = await redirects.ProductTargetAsync(id, request.Query[TrackedLinks.TokenParameter], cancellationToken);
            return target is null ? Results.NotFound() : Results.Redirect(target);
        }).ExcludeFromDescription();

        endpoints.MapGet(TrackedLinks.CheckoutPath, async (HttpRequest request, ClickRedirects redirects, CancellationToken cancellationToken) =>
        {
            var target = await redirects.CheckoutTargetAsync(
                request.Query[TrackedLinks.ItemsParameter], request.Query[TrackedLinks.TokenParameter], cancellationToken);
            return target is null ? Results.NotFound() : Results.Redirect(target);
        }).ExcludeFromDescription();

        return endpoints;
    }
}
