using System.Text.Json;
using GiftBot.Customers.Context;
using GiftBot.WebConsole.Pages;
using GiftBot.WebConsole.Transcripts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static GiftBot.WebConsole.Pages.Html;

namespace GiftBot.WebConsole.Privacy;

/// <summary>An agent exports (JSON download) or deletes one shopper's data from the context card.</summary>
internal static class PrivacyEndpoints
{
    public static void Map(RouteGroupBuilder console)
    {
        var person = console.MapGroup("/privacy/{channelId}/{userId}").AddEndpointFilter(async (context, next) =>
        {
            var route = context.HttpContext.Request.RouteValues;
            return CustomerKey.IsValidId(route["channelId"] as string) && CustomerKey.IsValidId(route["userId"] as string) ? await next(context) : Results.NotFound();
        });
        person.MapGet("/export", async (ShopperData data, string channelId, string userId, CancellationToken ct) =>
            await data.ExportAsync(channelId, userId, ct) is { } export
                ? Results.File(JsonSerializer.SerializeToUtf8Bytes(export, new JsonSerializerOptions { WriteIndented = true }), "application/json", $"giftbot-{channelId}-{Safe(userId)}.json")
                : Results.NotFound());
        person.MapPost("/delete", async (HttpContext http, ShopperData data, ConsoleEventHub events, string channelId, string userId, CancellationToken ct) =>
        {
            var summary = await data.DeleteAsync(channelId, userId, ct);
            events.Publish(channelId, userId);
            return Html.Page(http, "Data deleted", $"<h1>Shopper data deleted</h1><p role=\"status\">{E(summary)}</p><p><a href=\"{ConsoleRoutes.Inbox}\">Back to the inbox</a></p>", "inbox");
        });
    }

    private static string Safe(string id) => new(id.Where(char.IsLetterOrDigit).Take(40).ToArray());
}
