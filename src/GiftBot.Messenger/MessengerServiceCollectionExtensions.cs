using GiftBot.Messenger.Adapter;
using GiftBot.Messenger.AzureBotService;
using GiftBot.Messenger.Graph;
using GiftBot.Messenger.Inbox;
using GiftBot.Messenger.Outbound;
using GiftBot.Messenger.Users;
using GiftBot.Messenger.Webhook;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GiftBot.Messenger;

public static class MessengerServiceCollectionExtensions
{
    /// <summary>
    /// The direct Facebook channel (webhook handler, inbox worker, adapter, Send API client) and the Azure Bot Service
    /// Facebook middleware. Needs from the host: an <see cref="GiftBot.Storage.IDurableInbox"/>, Bot Builder's IStorage
    /// (per-user records; deliberately no in-memory fallback, which would silently win over a store registered later) and an IBot.
    /// </summary>
    public static IServiceCollection AddMessenger(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FacebookOptions>().Bind(configuration.GetSection(FacebookOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FacebookOptions>, FacebookOptionsValidator>());
        services.AddGraphApiClient();
        services.TryAddSingleton<MessengerRenderer>();
        services.TryAddSingleton<MessengerUserStore>();
        services.TryAddSingleton<IMessengerUsers>(sp => sp.GetRequiredService<MessengerUserStore>());
        services.TryAddSingleton<FacebookAdapter>();
        services.TryAddSingleton<FacebookInboxSignal>();
        services.TryAddSingleton<FacebookInboxProcessor>();
        services.TryAddSingleton<FacebookWebhookHandler>();
        services.TryAddSingleton<AzureFacebookReplyShaper>();
        services.TryAddSingleton<FacebookChannelDataMiddleware>();
        services.AddHostedService<FacebookInboxWorker>();
        return services;
    }

    /// <summary>GET (verification) and POST (events) on /api/facebook, the Messenger webhook URL to give Meta.</summary>
    public static RouteGroupBuilder MapFacebookWebhook(this IEndpointRouteBuilder endpoints, string pattern = "/api/facebook")
    {
        var group = endpoints.MapGroup(pattern);
        group.MapGet("", (HttpContext context, FacebookWebhookHandler handler) => handler.Verify(context));
        group.MapPost("", (HttpContext context, FacebookWebhookHandler handler, CancellationToken cancellationToken) => handler.ReceiveAsync(context, cancellationToken));
        return group;
    }
}
