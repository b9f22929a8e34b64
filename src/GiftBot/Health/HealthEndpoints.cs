using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GiftBot.Health;

public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    /// <summary>Readiness checks: the state store and the product catalog answer. Liveness has no checks: the process answers.</summary>
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<CatalogHealthCheck>("catalog", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5));
        return builder;
    }

    /// <summary>GET /health (liveness) and GET /health/ready (503 until storage and catalog answer).</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJsonAsync });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteJsonAsync });
        return endpoints;
    }

    // Status and a one-line description per check; exception details stay in the log.
    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), context.RequestAborted);
    }
}
