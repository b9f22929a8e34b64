using GiftBot.Customers;
using GiftBot.Customers.Handover;
using GiftBot.Messenger.Adapter;
using GiftBot.Messenger.AgentMessages;
using GiftBot.Messenger.Handover;
using GiftBot.Messenger.Personas;
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
    /// Facebook middleware. Needs from the host: an <see cref="GiftBot.Storage.IDurableInbox"/> and <see cref="GiftBot.Storage.IRejectedEventStore"/>, Bot Builder's IStorage
    /// (customer cards, persona; deliberately no in-memory fallback, which would silently win over a store registered later) and an IBot.
    /// </summary>
    public static IServiceCollection AddMessenger(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FacebookOptions>().Bind(configuration.GetSection(FacebookOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FacebookOptions>, FacebookOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddGraphApiClient();
        services.TryAddSingleton<MessengerRenderer>();
        // One truth per person: the customer context card (GiftBot.Customers) holds entry, last seen and thread owner.
        services.AddCustomers(configuration);
        services.AddMemoryCache();
        services.TryAddSingleton<MessengerCustomers>();
        services.TryAddSingleton<MessengerUserProfiles>();
        services.TryAddSingleton<PersonaStore>();
        services.TryAddSingleton<MessengerPersona>();
        services.TryAddSingleton<MessengerHandover>();
        services.TryAddSingleton<MessengerAgentMessages>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHandoverChangeListener, TakeBackOnAgentRelease>());
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
