using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace GiftBot.WebConsole.Pages;

/// <summary>Server-rendered HTML: every value goes through <see cref="E"/>; pages share one layout.</summary>
public static class Html
{
    public const string ContentType = "text/html; charset=utf-8";

    public static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    public static string E(object? value) => E(Convert.ToString(value, CultureInfo.InvariantCulture));

    /// <summary>A hidden antiforgery field; every console form carries one.</summary>
    public static string Antiforgery(HttpContext context)
    {
        var tokens = context.RequestServices.GetService(typeof(IAntiforgery)) is IAntiforgery antiforgery ? antiforgery.GetAndStoreTokens(context) : null;
        return tokens is null ? "" : $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
    }

    public static string Time(DateTimeOffset? at) => at is { } value ? $"<time datetime=\"{value.UtcDateTime:O}\">{E(value.UtcDateTime.ToString("d MMM HH:mm", CultureInfo.InvariantCulture))} UTC</time>" : "–";

    public static string Duration(TimeSpan span) => span.TotalMinutes < 1 ? "under a minute"
        : span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min"
        : span.TotalDays < 1 ? $"{(int)span.TotalHours} h {span.Minutes} min"
        : $"{(int)span.TotalDays} d {span.Hours} h";

    public static IResult Page(HttpContext context, string title, string body, string? current = null, int statusCode = 200)
    {
        var agent = context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : null;
        var nav = agent is null ? "" :
            $"""
            <nav aria-label="Console">
              <a href="{ConsoleRoutes.Inbox}"{(current == "inbox" ? " aria-current=\"page\"" : "")}>Inbox</a>
              <a href="{ConsoleRoutes.Figures}"{(current == "figures" ? " aria-current=\"page\"" : "")}>Figures</a>
            </nav>
            <form method="post" action="{ConsoleRoutes.SignOut}" class="signout">{Antiforgery(context)}
              <span>Signed in as <strong data-agent>{E(agent)}</strong></span> <button type="submit">Sign out</button>
            </form>
            """;
        var html =
            $"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{E(title)} · GiftBot console</title>
              <link rel="stylesheet" href="{ConsoleRoutes.Stylesheet}">
              <script src="{ConsoleRoutes.Script}" defer></script>
            </head>
            <body>
              <header class="top"><span class="brand">GiftBot console</span>{nav}</header>
              <main id="main">
              {body}
              </main>
            </body>
            </html>
            """;
        return Results.Content(html, ContentType, System.Text.Encoding.UTF8, statusCode);
    }
}
