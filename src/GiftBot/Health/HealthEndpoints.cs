using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GiftBot.Health;

public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    /// <summary>Readiness checks: the state store and the product catalog answer; refused incoming events are counted in the details. Liveness has no checks: the process answers.</summary>
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<CatalogHealthCheck>("catalog", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<RejectedEventsHealthCheck>("rejectedEvents", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5));
        return builder;
    }

    /// <summary>GET /health (liveness) and GET /health/ready (503 until storage and catalog answer).</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJsonAsync });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteJsonAsync });
        return endpoints;
    }

    // Status, a one-line description and the check's figures (details) per check; exception details stay in the log.
    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                details = e.Value.Data.Count == 0 ? null : e.Value.Data,
            }),
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), context.RequestAborted);
    }
}
