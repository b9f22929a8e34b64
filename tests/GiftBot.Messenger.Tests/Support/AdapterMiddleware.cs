using GiftBot.Customers.Middleware;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Messenger.Tests.Support;

public static class AdapterMiddleware
{
    /// <summary>What the host's AddBotMiddleware&lt;CustomerActivityMiddleware&gt;() does: the context card on every adapter's turns.</summary>
    public static IServiceCollection AddCustomerCardsOnEveryAdapter(this IServiceCollection services) =>
        services.AddSingleton<IMiddleware>(sp => sp.GetRequiredService<CustomerActivityMiddleware>());
}
