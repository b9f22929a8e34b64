using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GiftBot.Benchmarks;

/// <summary>
/// The Bot Connector the bot replies to, on Kestrel: accepts POST /v3/conversations/{id}/activities[/{replyToId}] and
/// answers {"id": ...}. It only counts (no recording, so its memory stays flat) and notes carousels, to prove the gift
/// finder scenario really reached its recommendations.
/// </summary>
public sealed class ConnectorStandIn : IAsyncDisposable
{
    private static readonly byte[] CarouselMarker = "\"carousel\""u8.ToArray();
    private readonly WebApplication _app;
    private long _replies;
    private long _carousels;

    private ConnectorStandIn(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";
    public long Replies => Interlocked.Read(ref _replies);
    public long Carousels => Interlocked.Read(ref _carousels);

    public static async Task<ConnectorStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new ConnectorStandIn(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}", (Delegate)standIn.AcceptAsync);
        await app.StartAsync();
        standIn.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        return standIn;
    }

    private async Task<IResult> AcceptAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        if (body.GetBuffer().AsSpan(0, (int)body.Length).IndexOf(CarouselMarker) >= 0) Interlocked.Increment(ref _carousels);
        var id = Interlocked.Increment(ref _replies);
        return Results.Json(new { id = $"reply-{id}" });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
