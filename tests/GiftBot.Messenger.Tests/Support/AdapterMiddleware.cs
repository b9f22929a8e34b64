using GiftBot.Customers.Middleware;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Messenger.Tests.Support;

public static class AdapterMiddleware
{
    /// <summary>
    /// What the host's AddBotMiddleware calls do: a turn is one unit of work (first), and the context card is kept on every adapter's turns.
    /// </summary>
    public static IServiceCollection AddCustomerCardsOnEveryAdapter(this IServiceCollection services) =>
        services.AddSingleton<IMiddleware>(sp => sp.GetRequiredService<GiftBot.Storage.UnitOfWorkMiddleware>())
            .AddSingleton<IMiddleware>(sp => sp.GetRequiredService<CustomerActivityMiddleware>());
}
