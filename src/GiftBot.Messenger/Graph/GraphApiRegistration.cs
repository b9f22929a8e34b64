using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Telemetry;

namespace GiftBot.Messenger.Graph;

/// <summary>Registers <see cref="GraphApiClient"/> with bounded, jittered exponential retries and redacted logging.</summary>
public static class GraphApiRegistration
{
    public static IServiceCollection AddGraphApiClient(this IServiceCollection services)
    {
        services.TryAddSingleton<GraphApiClient>();
        // Polly reports every attempt (Information) and every handled failure with its stack trace (Warning): details,
        // so Debug. The client itself logs one Warning line when a call finally fails.
        services.Configure<TelemetryOptions>(o => o.SeverityProvider = args => args.Event.EventName switch
        {
            "ExecutionAttempt" or "OnRetry" => ResilienceEventSeverity.Debug,
            _ => args.Event.Severity,
        });
        var client = services.AddHttpClient(GraphApiClient.HttpClientName)
            // The default HttpClient loggers print the request URI, whose query carries the Page token: replace them.
            .RemoveAllLoggers();
        client.AddResilienceHandler("graph-api", (pipeline, context) =>
            {
                var send = context.ServiceProvider.GetRequiredService<IOptionsMonitor<FacebookOptions>>().CurrentValue.Send;
                if (send.MaxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = send.MaxRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = send.BaseDelay,
                        ShouldHandle = args => ShouldRetryAsync(args.Outcome),
                    });
                }
                pipeline.AddTimeout(send.AttemptTimeout);
            });
        client.AddHttpMessageHandler(sp => new GraphApiLoggingHandler(sp.GetRequiredService<ILogger<GraphApiLoggingHandler>>()));
        return services;
    }

    /// <summary>5xx, 408, 429, network errors and timeouts, and Graph errors that mean "try later" (codes 1, 2, 4, 17, 32, 613).</summary>
    internal static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is not null) return HttpClientResiliencePredicates.IsTransient(outcome);
        var response = outcome.Result;
        if (response is null || response.IsSuccessStatusCode) return false;
        if ((int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests) return true;
        await response.Content.LoadIntoBufferAsync();
        var error = GraphError.Parse(await response.Content.ReadAsStringAsync());
        return error is not null && GraphApiException.RetryableCodes.Contains(error.Code);
    }
}

/// <summary>Logs each Graph API attempt by method, path and status: never the query string, which holds the token.</summary>
internal sealed class GraphApiLoggingHandler(ILogger<GraphApiLoggingHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken);
        logger.LogDebug("Graph API {Method} {Path} answered {Status} in {ElapsedMs:0} ms",
            request.Method, request.RequestUri?.AbsolutePath, (int)response.StatusCode, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return response;
    }
}
