using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GiftBot.WebConsole.Orders;

/// <summary>
/// POST /api/orders: the shop reports a purchase. Body {"orderId", "total", "currency", "createdAt"?, "checkoutToken"?},
/// signed: header X-GiftBot-Signature: sha256=&lt;hex HMAC-SHA256 of the raw body under Orders:WebhookSecret&gt;.
/// 404 while no secret is set; 401 for a missing or wrong signature; 400 for a malformed body; 413 too large;
/// 200 {"status":"recorded"|"duplicate"} (idempotent by order id).
/// </summary>
public static class OrderWebhook
{
    public const string Path = "/api/orders";
    public const string SignatureHeader = "X-GiftBot-Signature";

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, ReceiveAsync).AllowAnonymous().ExcludeFromDescription();

    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IOptionsMonitor<OrdersOptions> options, OrderAttribution attribution,
        IOrderStore orders, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (string.IsNullOrEmpty(settings.WebhookSecret)) return Results.NotFound();
        if (request.ContentLength > settings.MaxBodyBytes) return Results.Problem(statusCode: 413, title: "Body too large");
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > settings.MaxBodyBytes) return Results.Problem(statusCode: 413, title: "Body too large");
        var body = buffer.ToArray();
        if (!IsSignedBy(body, request.Headers[SignatureHeader].ToString(), settings.WebhookSecret))
            return Results.Problem(statusCode: 401, title: "Bad signature", detail: $"Sign the raw body: {SignatureHeader}: sha256=<hex HMAC-SHA256>.");

        if (!TryRead(body, time.GetUtcNow(), out var order, out var problem)) return Results.Problem(statusCode: 400, title: "Invalid order", detail: problem);
        var attributed = await attribution.AttributeAsync(order.Id, order.Total, order.Currency, order.At, order.Token, cancellationToken);
        var added = await orders.TryAddAsync(attributed, time.GetUtcNow(), cancellationToken);
        loggers.CreateLogger(typeof(OrderWebhook).FullName!).LogInformation("Order {OrderId} {Outcome}; first touch {FirstTouch}, last touch {LastTouch}",
            order.Id, added ? "recorded" : "already known", attributed.FirstTouch, attributed.LastTouch);
        return Results.Json(new { status = added ? "recorded" : "duplicate", orderId = order.Id, firstTouch = attributed.FirstTouch, lastTouch = attributed.LastTouch });
    }

    internal static bool IsSignedBy(byte[] body, string header, string secret)
    {
        const string prefix = "sha256=";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return false;
        byte[] given;
        try
        {
            given = Convert.FromHexString(header.AsSpan(prefix.Length).Trim());
        }
        catch (FormatException)
        {
            return false;
        }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    internal sealed record IncomingOrder(string Id, decimal Total, string Currency, DateTimeOffset At, string? Token);

    internal static bool TryRead(byte[] body, DateTimeOffset now, out IncomingOrder order, out string problem)
    {
        order = null!;
        problem = "";
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) { problem = "The body must be a JSON object."; return false; }
            var id = String(root, "orderId");
            if (id is null || id.Length is 0 or > 100) { problem = "\"orderId\" is required (1-100 characters)."; return false; }
            if (!root.TryGetProperty("total", out var totalElement) || !TryDecimal(totalElement, out var total) || total < 0)
            { problem = "\"total\" must be a number of 0 or more."; return false; }
            var currency = (String(root, "currency") ?? "").ToUpperInvariant();
            if (currency.Length != 3 || !currency.All(char.IsAsciiLetter)) { problem = "\"currency\" must be an ISO 4217 code such as \"EUR\"."; return false; }
            var at = now;
            if (String(root, "createdAt") is { } created && !DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at))
            { problem = "\"createdAt\" must be an ISO 8601 date and time."; return false; }
            order = new IncomingOrder(id, total, currency, at.ToUniversalTime(), String(root, "checkoutToken"));
            return true;
        }
        catch (JsonException)
        {
            problem = "The body is not valid JSON.";
            return false;
        }
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()?.Trim() : null;

    private static bool TryDecimal(JsonElement element, out decimal value)
    {
        value = 0;
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetDecimal(out value),
            JsonValueKind.String => decimal.TryParse(element.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }
}
