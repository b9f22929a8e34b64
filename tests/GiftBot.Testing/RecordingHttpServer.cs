using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GiftBot.Testing;

/// <summary>
/// A real HTTP server on 127.0.0.1 (random port) that stands in for a remote API (Graph API, Bot Connector, CLU):
/// it records every request (method, path, query, headers, raw body) and answers with scripted responses per route.
/// Unscripted requests get 404 with a JSON error so a test sees what it forgot to script.
/// <code>
/// await using var server = await RecordingHttpServer.StartAsync();
/// server.On("POST", "/v25.0/me/messages").RespondSequence(ScriptedResponse.Json(500, ...), ScriptedResponse.Ok(...));
/// var client = new HttpClient { BaseAddress = server.BaseAddress };
/// </code>
/// </summary>
public sealed class RecordingHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly List<ScriptedRoute> _routes = [];
    private readonly SemaphoreSlim _arrived = new(0);

    private RecordingHttpServer(WebApplication app) => _app = app;

    /// <summary>The server's root, e.g. http://127.0.0.1:51234/ (always ends with a slash).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public static async Task<RecordingHttpServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var server = new RecordingHttpServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Scripts the answer for <paramref name="method"/> ("*" for any) and a path (exact, or a prefix ending in "*"). Later routes win over earlier ones.</summary>
    public ScriptedRoute On(string method, string pathPattern)
    {
        var route = new ScriptedRoute(method, pathPattern);
        lock (_routes) _routes.Insert(0, route);
        return route;
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string path, string? method = null) =>
        Requests.Where(r => r.Path == path && (method is null || r.Method.Equals(method, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits until at least <paramref name="count"/> recorded requests satisfy <paramref name="predicate"/> (for work done in the background), or throws TimeoutException.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(int count, Func<RecordedRequest, bool>? predicate = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        predicate ??= _ => true;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var matching = Requests.Where(predicate).ToList();
            if (matching.Count >= count) return matching;
            try { await _arrived.WaitAsync(cts.Token); }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Expected {count} matching request(s), got {matching.Count}: {string.Join(", ", Requests.Select(r => $"{r.Method} {r.Path}"))}");
            }
        }
    }

    public void ClearRequests() => _requests.Clear();

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            context.Request.QueryString.Value ?? "",
            RecordedRequest.CopyHeaders(context.Request.Headers),
            body.ToArray(),
            DateTimeOffset.UtcNow);

        ScriptedRoute? route;
        lock (_routes) route = _routes.FirstOrDefault(r => r.Matches(request.Method, request.Path));
        var response = route?.Next(request)
            ?? ScriptedResponse.Json(404, new { error = new { message = $"No scripted response for {request.Method} {request.Path}" } });

        _requests.Enqueue(request);
        _arrived.Release();

        if (response.Delay > TimeSpan.Zero)
        {
            try { await Task.Delay(response.Delay, context.RequestAborted); }
            catch (OperationCanceledException) { return; }
        }
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers) context.Response.Headers[name] = value;
        if (response.Body.Length > 0)
        {
            context.Response.ContentType = response.ContentType;
            await context.Response.WriteAsync(response.Body, Encoding.UTF8, context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }
}
