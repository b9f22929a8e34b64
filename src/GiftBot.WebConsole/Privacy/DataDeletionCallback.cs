using GiftBot.Content;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GiftBot.Messenger;
using GiftBot.WebConsole.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static GiftBot.WebConsole.Pages.Html;

namespace GiftBot.WebConsole.Privacy;

/// <summary>
/// Meta's data deletion callback (App Dashboard, "Data deletion request URL"): POST /api/facebook/data-deletion with the
/// form field signed_request = base64url(HMAC-SHA256 signature) "." base64url(JSON payload with user_id), signed with the
/// app secret. The shopper's Messenger data is deleted and Meta gets {url, confirmation_code}; the url is a public status
/// page. Answers 404 while no app secret is set, 400 for a malformed or wrongly signed request.
/// </summary>
public static class DataDeletionCallback
{
    public const string Path = "/api/facebook/data-deletion";
    public const string StatusPath = "/data-deletion";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, ReceiveAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        endpoints.MapGet(StatusPath + "/{code}", StatusAsync).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IOptionsMonitor<FacebookOptions> facebook, ShopperData data,
        IDeletionRequestStore requests, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var secret = facebook.CurrentValue.AppSecret;
        if (string.IsNullOrEmpty(secret)) return Results.NotFound();
        if (!request.HasFormContentType) return Results.Problem(statusCode: 400, title: "Send signed_request as a form field");
        var form = await request.ReadFormAsync(cancellationToken);
        if (!TryVerify(form["signed_request"].ToString(), secret, out var userId))
            return Results.Problem(statusCode: 400, title: "Invalid signed_request", detail: "The signature does not match the app secret, or the payload is malformed.");

        var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));
        // user_id is the app-scoped id; on Messenger the shopper is known by the page-scoped id, which is the same only
        // for apps that share it. What GiftBot holds under that id is deleted; the status page says so.
        await data.DeleteAsync("facebook", userId!, cancellationToken);
        await requests.AddAsync(new DeletionRequest(code, userId!, time.GetUtcNow(), time.GetUtcNow()), cancellationToken);
        loggers.CreateLogger(typeof(DataDeletionCallback).FullName!).LogInformation("Meta data deletion request handled; confirmation {ConfirmationCode}", code);
        var url = $"{request.Scheme}://{request.Host}{StatusPath}/{code}";
        return Results.Json(new { url, confirmation_code = code });
    }

    // What the shopper reads is shop content (content/text/<locale>/privacy.json), not console UI.
    private static async Task<IResult> StatusAsync(HttpContext http, IDeletionRequestStore requests, IBotText text, string code, CancellationToken cancellationToken)
    {
        var found = code.Length <= 40 && code.All(char.IsAsciiHexDigitLower) ? await requests.FindAsync(code, cancellationToken) : null;
        var locale = BrowserLocale(http.Request);
        var title = text.Get("privacy.deletionTitle", locale);
        if (found is null)
            return Html.Page(http, title, $"<h1>{E(text.Get("privacy.deletionUnknown", locale))}</h1><p>{E(text.Get("privacy.deletionUnknownHint", locale))}</p>", statusCode: 404);
        var tokens = new Dictionary<string, string?>
        {
            ["code"] = found.Code,
            ["received_at"] = UtcText(found.RequestedAt, locale),
            ["completed_at"] = found.CompletedAt is { } done ? UtcText(done, locale) : null,
        };
        var status = text.Get(found.CompletedAt is null ? "privacy.deletionInProgress" : "privacy.deletionCompleted", locale, tokens);
        return Html.Page(http, title,
            $"<h1>{E(text.Get("privacy.deletionHeading", locale, tokens))}</h1><p role=\"status\">{E(status)}</p><p>{E(text.Get("privacy.deletionWhat", locale))}</p>");
    }

    // The shopper opens this page from Facebook in their own browser, which says which language they read; the content's
    // locale fallback turns "fr" or "fr-CA" into fr-FR and anything without text into the default locale.
    private static string? BrowserLocale(HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Value.HasValue && l.Value.Value != "*" && l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value)
            .FirstOrDefault();

    // Month names in the page's language ("6 déc."), English when the browser asks for a culture .NET does not know.
    private static string UtcText(DateTimeOffset at, string? locale) => at.UtcDateTime.ToString("d MMM HH:mm", CultureOf(locale)) + " UTC";

    private static System.Globalization.CultureInfo CultureOf(string? locale)
    {
        try { return locale is null ? System.Globalization.CultureInfo.InvariantCulture : System.Globalization.CultureInfo.GetCultureInfo(locale); }
        catch (System.Globalization.CultureNotFoundException) { return System.Globalization.CultureInfo.InvariantCulture; }
    }

    /// <summary>Checks Meta's signed_request (HMAC-SHA256 over the base64url payload, constant-time) and reads user_id.</summary>
    public static bool TryVerify(string signedRequest, string appSecret, out string? userId)
    {
        userId = null;
        var parts = signedRequest.Split('.', 2);
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0) return false;
        byte[] signature, payload;
        try
        {
            signature = Base64Url(parts[0]);
            payload = Base64Url(parts[1]);
        }
        catch (FormatException)
        {
            return false;
        }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.ASCII.GetBytes(parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(signature, expected)) return false;
        try
        {
            using var json = JsonDocument.Parse(payload);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || (root.TryGetProperty("algorithm", out var algorithm) && !string.Equals(algorithm.GetString(), "HMAC-SHA256", StringComparison.OrdinalIgnoreCase)))
                return false;
            userId = root.TryGetProperty("user_id", out var id) ? id.ValueKind == JsonValueKind.Number ? id.GetRawText() : id.GetString() : null;
            return GiftBot.Customers.Context.CustomerKey.IsValidId(userId);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static string Sign(string payloadJson, string appSecret)
    {
        var payload = ToBase64Url(Encoding.UTF8.GetBytes(payloadJson));
        return ToBase64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.ASCII.GetBytes(payload))) + "." + payload;
    }

    private static byte[] Base64Url(string value)
    {
        var s = value.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }

    private static string ToBase64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
