using GiftBot.Storage;
using GiftBot.Storage.Postgres;
using GiftBot.WebConsole.Agents;
using GiftBot.WebConsole.Figures;
using GiftBot.WebConsole.Inbox;
using GiftBot.WebConsole.Orders;
using GiftBot.WebConsole.Privacy;
using GiftBot.WebConsole.Storage;
using GiftBot.WebConsole.Transcripts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GiftBot.WebConsole;

public static class WebConsoleExtensions
{
    /// <summary>
    /// The shop's web console: agent accounts and cookie sign-in (optionally Entra ID), the inbox with its transcript
    /// recorder, figures with the order webhook and ad spend, and privacy requests. Needs AddStorage, AddMessenger
    /// and AddAssistant before it. Settings: "Console" and "Orders" sections, validated at start-up.
    /// </summary>
    public static WebApplicationBuilder AddWebConsole(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<WebConsoleOptions>().Bind(configuration.GetSection(WebConsoleOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebConsoleOptions>, WebConsoleOptionsValidator>());
        services.AddOptions<OrdersOptions>().Bind(configuration.GetSection(OrdersOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OrdersOptions>, OrdersOptionsValidator>());

        // The console's tables live in the database Storage:Provider chose, so with PostgreSQL every instance shares them.
        services.TryAddSingleton<ConsoleSqlite>();
        services.TryAddSingleton<IAgentAccountStore>(sp => Postgres(sp) is { } db ? new PostgresAgentAccountStore(db) : new SqliteAgentAccountStore(sp.GetRequiredService<ConsoleSqlite>()));
        services.TryAddSingleton<IConversationTranscript>(sp => Postgres(sp) is { } db ? new PostgresConversationTranscript(db) : new SqliteConversationTranscript(sp.GetRequiredService<ConsoleSqlite>()));
        services.TryAddSingleton<IOrderStore>(sp => Postgres(sp) is { } db ? new PostgresOrderStore(db) : new SqliteOrderStore(sp.GetRequiredService<ConsoleSqlite>()));
        services.TryAddSingleton<IAdSpendStore>(sp => Postgres(sp) is { } db ? new PostgresAdSpendStore(db) : new SqliteAdSpendStore(sp.GetRequiredService<ConsoleSqlite>()));
        services.TryAddSingleton<IDeletionRequestStore>(sp => Postgres(sp) is { } db ? new PostgresDeletionRequestStore(db) : new SqliteDeletionRequestStore(sp.GetRequiredService<ConsoleSqlite>()));
        services.TryAddSingleton<AgentSignIn>();
        services.TryAddSingleton<ConsoleEventHub>();
        services.TryAddSingleton<TranscriptMiddleware>();
        services.TryAddSingleton<AgentReplies>();
        services.TryAddSingleton<InboxReader>();
        services.TryAddSingleton<OrderAttribution>();
        services.TryAddSingleton<FiguresReport>();
        services.TryAddSingleton<ShopperData>();
        // The Bot Framework adapter picks up every registered IMiddleware; the direct Messenger adapter gets it at start-up.
        services.AddSingleton<Microsoft.Bot.Builder.IMiddleware>(sp => sp.GetRequiredService<TranscriptMiddleware>());
        services.AddHostedService<MessengerTranscriptRegistration>();

        var consoleOptions = configuration.GetSection(WebConsoleOptions.SectionName).Get<WebConsoleOptions>() ?? new WebConsoleOptions();
        var authentication = services.AddAuthentication().AddCookie(ConsoleAuth.Scheme, cookie =>
        {
            cookie.LoginPath = ConsoleRoutes.SignIn;
            cookie.LogoutPath = ConsoleRoutes.SignOut;
            cookie.AccessDeniedPath = ConsoleRoutes.SignIn;
            cookie.Cookie.Name = ConsoleAuth.CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = consoleOptions.SessionLifetime;
            cookie.SlidingExpiration = true;
        });
        EntraIdSignIn.Register(authentication, services, configuration);
        services.AddAuthorizationBuilder().AddPolicy(ConsoleAuth.Policy, policy =>
        {
            policy.AddAuthenticationSchemes(ConsoleAuth.Scheme).RequireAuthenticatedUser();
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "GiftBot.Console.Antiforgery";
            antiforgery.FormFieldName = "__antiforgery";
        });
        return builder;
    }

    private static PostgresDatabase? Postgres(IServiceProvider services) =>
        StorageServiceCollectionExtensions.IsPostgres(services) ? services.GetRequiredService<PostgresDatabase>() : null;

    /// <summary>
    /// /console (inbox, figures, privacy: every route needs a signed-in agent), /sign-in, the console's assets, the signed
    /// order webhook POST /api/orders and Meta's data deletion callback.
    /// </summary>
    public static IEndpointRouteBuilder MapWebConsole(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<WebConsoleOptions>>().Value;
        OrderWebhook.Map(endpoints);
        DataDeletionCallback.Map(endpoints);
        if (!options.Enabled) return endpoints;

        ConsoleAssets.Map(endpoints);
        var console = endpoints.MapGroup(ConsoleRoutes.Root)
            .RequireAuthorization(ConsoleAuth.Policy)
            .AddEndpointFilter<AntiforgeryFilter>()
            .ExcludeFromDescription();
        console.MapGet("/", () => Results.Redirect(ConsoleRoutes.Inbox));
        SignInEndpoints.Map(endpoints, console);
        EntraIdSignIn.Map(endpoints);
        InboxEndpoints.Map(console);
        FiguresEndpoints.Map(console);
        PrivacyEndpoints.Map(console);
        return endpoints;
    }
}
