using GiftBot.Customers.Middleware;
using GiftBot.Customers.AgentApi;
using GiftBot.Customers.Context;
using GiftBot.Customers.Handover;
using GiftBot.Customers.Tagging;
using GiftBot.Customers.Window;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using GiftBot.Storage;

namespace GiftBot.Customers;

public static class CustomersServiceCollectionExtensions
{
    /// <summary>
    /// Registers context cards, the activity middleware, the messaging-window guard, tagging rules, handover state and
    /// the agent API's services. Needs a Bot Builder <c>IStorage</c>; call <c>AddStorage</c> first for the database's agents' list and units of work (otherwise they are kept in memory). Options are validated
    /// at start-up ("Customers", "Tagging", "AgentApi" sections; the tagging file is read then too).
    /// </summary>
    public static IServiceCollection AddCustomers(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CustomersOptions>().Bind(configuration.GetSection(CustomersOptions.SectionName)).ValidateOnStart();
        services.AddOptions<TaggingOptions>().Bind(configuration.GetSection(TaggingOptions.SectionName)).ValidateOnStart();
        services.AddOptions<AgentApiOptions>().Bind(configuration.GetSection(AgentApiOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CustomersOptions>, CustomersOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TaggingOptions>, TaggingOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentApiOptions>, AgentApiOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<TaggingOptions>>(new TaggingRulesFile(configuration)));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddInMemoryUnitOfWork();
        services.TryAddSingleton<ICustomerContextStore, CustomerContextStore>();
        services.TryAddSingleton<CustomerActivityMiddleware>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITurnReadAhead, CustomerCardReadAhead>());
        services.TryAddSingleton<MessagingWindowPolicy>();
        services.TryAddSingleton<IOutboundGuard, OutboundGuard>();
        services.TryAddSingleton<ITagger, Tagger>();
        services.TryAddSingleton<IHandoverState, HandoverState>();
        services.TryAddSingleton<UserStateDocument>();
        services.TryAddSingleton<AgentRequestServices>();
        return services;
    }
}
