using GiftBot.Catalog;
using GiftBot.Conversations.ClickTracking;
using GiftBot.Conversations.GiftFinder;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace GiftBot.Endpoints;

/// <summary>
/// The catalog's own pictures (content/catalog/images, beside the feed) at /catalog/images/..., so the demo catalog's
/// cards show pictures without an image host; and the bot's public address the cards link them from.
/// </summary>
public static class CatalogImageEndpoints
{
    public static IServiceCollection AddPublicAddress(this IServiceCollection services)
    {
        services.AddSingleton<RequestPublicAddress>();
        services.AddSingleton<IPublicAddress>(sp => sp.GetRequiredService<RequestPublicAddress>());
        return services;
    }

    public static WebApplication MapCatalogImages(this WebApplication app)
    {
        var address = app.Services.GetRequiredService<RequestPublicAddress>();
        app.Use((context, next) =>
        {
            address.Remember(context.Request);
            return next(context);
        });
        var feedPath = app.Services.GetRequiredService<IOptions<CatalogOptions>>().Value.FeedPath;
        var folder = BundledImages.FolderBeside(feedPath);
        if (!Directory.Exists(folder)) return app;
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            RequestPath = BundledImages.RoutePrefix,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=86400",
        });
        return app;
    }

    /// <summary>
    /// ClickTracking:PublicBaseUrl when set; otherwise the address the last request reached the bot at (the channel's
    /// POST to /api/messages or Meta's to /api/facebook), which is where shoppers' apps reach it too.
    /// </summary>
    internal sealed class RequestPublicAddress(IOptionsMonitor<ClickTrackingOptions> options) : IPublicAddress
    {
        private volatile string? _lastSeen;

        public string? BaseUrl =>
            options.CurrentValue.PublicBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : _lastSeen;

        // Behind App Service or a tunnel (ngrok) the request arrives as http; the proxy says what shoppers used.
        public void Remember(HttpRequest request)
        {
            if (!request.Host.HasValue) return;
            var forwarded = request.Headers["X-Forwarded-Proto"].ToString().Split(',')[0].Trim();
            var scheme = forwarded is "https" or "http" ? forwarded : request.Scheme;
            _lastSeen = $"{scheme}://{request.Host}{request.PathBase}";
        }
    }
}
