using Microsoft.Extensions.Logging.Console;

namespace GiftBot.Configuration;

public static class HostingDefaults
{
    /// <summary>The samples' address, used only when nothing else (ASPNETCORE_URLS, urls, HTTP_PORTS, Kestrel:Endpoints) chose one.</summary>
    public const string DefaultUrl = "http://localhost:3978";

    public static WebApplicationBuilder ListenOnBotFrameworkDefaultPort(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var chosen = !string.IsNullOrWhiteSpace(configuration["urls"])
            || !string.IsNullOrWhiteSpace(configuration["http_ports"])
            || !string.IsNullOrWhiteSpace(configuration["https_ports"])
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!chosen) builder.WebHost.UseUrls(DefaultUrl);
        return builder;
    }

    /// <summary>
    /// Console logs as plain text or, with Logging:Console:FormatterName=json, one JSON object per line with the
    /// message template's fields and scopes (conversation id, activity id) as properties. Message text is never logged.
    /// </summary>
    public static WebApplicationBuilder AddStructuredLogging(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<JsonConsoleFormatterOptions>(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        return builder;
    }
}
