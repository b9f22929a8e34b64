using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GiftBot.Bot;

public static class BotFrameworkHostingExtensions
{
    /// <summary>The HttpClient the Bot Framework SDK sends with (replies to the connector, tokens, OpenID metadata).</summary>
    public const string BotFrameworkHttpClientName = "BotFramework";

    /// <summary>
    /// The Bot Framework protocol: CloudAdapter (as <see cref="AdapterWithErrorHandler"/>) over
    /// ConfigurationBotFrameworkAuthentication, which reads MicrosoftAppId/Password/Type/TenantId from the configuration root.
    /// Bot Builder middleware registered in DI (e.g. a channel's normaliser) is added to the adapter in registration order.
    /// </summary>
    public static WebApplicationBuilder AddBotFramework(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BotCredentialsOptions>().Bind(builder.Configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotCredentialsOptions>, BotCredentialsOptionsValidator>());
        services.AddHostedService<BotCredentialsReport>();
        services.AddHttpClient();
        // The default HttpClient loggers print the connector URI (conversation ids) and are configured off
        // (System.Net.Http.HttpClient: Warning), yet still build a scope and a redacted URI per reply: replace them.
        services.AddHttpClient(BotFrameworkHttpClientName).RemoveAllLoggers();

        services.AddSingleton<BotFrameworkAuthentication>(sp =>
        {
            var authentication = new ConfigurationBotFrameworkAuthentication(
                WithAppTypeDefault(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IOptions<BotCredentialsOptions>>().Value),
                httpClientFactory: new NamedHttpClientFactory(sp.GetRequiredService<IHttpClientFactory>(), BotFrameworkHttpClientName),
                logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>());
            var options = sp.GetRequiredService<IOptions<BotOptions>>().Value;
            return options.ShareConnectorContractResolver || options.DeferUserTokenClient || options.ReuseConnectorClients
                ? new LeanBotFrameworkAuthentication(authentication, options.ShareConnectorContractResolver, options.DeferUserTokenClient, options.ReuseConnectorClients)
                : authentication;
        });

        // Explicit factory: CloudAdapter's public constructors are ambiguous to the container.
        services.AddSingleton(sp => new AdapterWithErrorHandler(
            sp.GetRequiredService<BotFrameworkAuthentication>(),
            sp.GetRequiredService<ILogger<AdapterWithErrorHandler>>(),
            sp.GetRequiredService<GiftBot.Conversations.Pipeline.TurnErrorPolicy>(),
            sp.GetRequiredService<IOptions<BotOptions>>(),
            sp.GetServices<Microsoft.Bot.Builder.IMiddleware>()));
        services.AddSingleton<CloudAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        services.AddSingleton<BotAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        return builder;
    }

    /// <summary>
    /// Adds a Bot Builder middleware (resolved from DI) to every adapter's pipeline (/api/messages and the Messenger
    /// inbox), after those added before it. The only way middleware is added.
    /// </summary>
    public static WebApplicationBuilder AddBotMiddleware<TMiddleware>(this WebApplicationBuilder builder)
        where TMiddleware : class, Microsoft.Bot.Builder.IMiddleware
    {
        builder.Services.TryAddSingleton<TMiddleware>();
        builder.Services.AddSingleton<Microsoft.Bot.Builder.IMiddleware>(sp => sp.GetRequiredService<TMiddleware>());
        return builder;
    }

    /// <summary>POST /api/messages (the samples' endpoint); GET answers 405 with a note, or upgrades a streaming WebSocket.</summary>
    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/api/messages", [HttpMethods.Post, HttpMethods.Get],
                (HttpContext context, IBotFrameworkHttpAdapter adapter, IBot bot) =>
                    // No RequestAborted here: a shopper's turn runs to the end (state saved) even if the channel hangs up.
                    adapter.ProcessAsync(context.Request, context.Response, bot))
            .WithName("BotMessages");
        return endpoints;
    }

    // Bot Framework reads MicrosoftAppType from configuration and treats an empty one as MultiTenant: hand it ours.
    private static IConfiguration WithAppTypeDefault(IConfiguration configuration, BotCredentialsOptions credentials) =>
        new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection([new KeyValuePair<string, string?>(nameof(BotCredentialsOptions.MicrosoftAppType), credentials.BotFrameworkAppType)])
            .Build();
}

/// <summary>Hands the SDK, which only calls CreateClient(), the named client configured for it.</summary>
internal sealed class NamedHttpClientFactory(IHttpClientFactory inner, string name) : IHttpClientFactory
{
    public HttpClient CreateClient(string _) => inner.CreateClient(name);
}
