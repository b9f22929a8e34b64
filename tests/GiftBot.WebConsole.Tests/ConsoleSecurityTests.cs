using System.Net;
using System.Text;
using GiftBot.WebConsole.Orders;
using GiftBot.WebConsole.Privacy;
using GiftBot.WebConsole.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.WebConsole.Tests;

/// <summary>Every console route refuses anonymous requests; the order webhook and Meta's deletion callback check their signatures.</summary>
public sealed class ConsoleSecurityTests : IAsyncLifetime
{
    private ConsoleHost _host = null!;

    public async Task InitializeAsync() => _host = await ConsoleHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task EveryConsoleRoute_RedirectsAnonymousRequestsToTheSignInPage()
    {
        var routes = _host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw == "/console" || raw.StartsWith("/console/", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, e.RoutePattern.RawText!)))
            .ToList();
        Assert.True(routes.Count >= 15, $"only {routes.Count} console routes found");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _host.Address };
        foreach (var (method, pattern) in routes)
        {
            var path = pattern.Replace("{channelId}", "facebook", StringComparison.Ordinal).Replace("{userId}", "2000002", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : new FormUrlEncodedContent([]) };
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/sign-in",
                $"{method} {path} answered {(int)response.StatusCode} to an anonymous request");
        }
    }

    [Fact]
    public async Task ConsoleForms_WithoutTheirAntiforgeryToken_AreRefused_EvenForASignedInAgent()
    {
        await _host.AddAgentAsync("fay", "fay-password-99");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = _host.Address };
        var form = await client.GetStringAsync("/sign-in");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__antiforgery\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/sign-in", new FormUrlEncodedContent([new("name", "fay"), new("password", "fay-password-99")]))).StatusCode);
        var signedIn = await client.PostAsync("/sign-in", new FormUrlEncodedContent([new("name", "fay"), new("password", "fay-password-99"), new("__antiforgery", token)]));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/console/inbox")).StatusCode);

        var forged = await client.PostAsync("/console/figures/spend", new FormUrlEncodedContent([new("adId", "AD-9"), new("day", "2026-12-01"), new("spend", "5")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task OrderWebhook_RefusesMissingOrWrongSignatures_AcceptsSignedOrdersOnce_AndAnswersBadJsonWith400()
    {
        using var client = new HttpClient { BaseAddress = _host.Address };
        var body = """{"orderId":"A-1001","total":59.90,"currency":"EUR","checkoutToken":"unknown-token"}""";
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostOrderAsync(client, body, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostOrderAsync(client, body, "sha256=" + new string('0', 64))).StatusCode);
        var first = await PostOrderAsync(client, body, OrderWebhook.Sign(Encoding.UTF8.GetBytes(body), ConsoleHost.OrderSecret));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("\"recorded\"", await first.Content.ReadAsStringAsync());
        var again = await PostOrderAsync(client, body, OrderWebhook.Sign(Encoding.UTF8.GetBytes(body), ConsoleHost.OrderSecret));
        Assert.Contains("\"duplicate\"", await again.Content.ReadAsStringAsync());
        const string broken = "{\"orderId\": ";
        Assert.Equal(HttpStatusCode.BadRequest, (await PostOrderAsync(client, broken, OrderWebhook.Sign(Encoding.UTF8.GetBytes(broken), ConsoleHost.OrderSecret))).StatusCode);
        var orders = await _host.Services.GetRequiredService<IOrderStore>().ListAsync(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), default);
        Assert.Equal("organic", Assert.Single(orders).FirstTouch);
    }

    [Fact]
    public async Task DataDeletionCallback_VerifiesTheSignedRequest_AndLinksToAStatusPage()
    {
        using var client = new HttpClient { BaseAddress = _host.Address };
        var forged = await client.PostAsync(DataDeletionCallback.Path, new FormUrlEncodedContent([new("signed_request", DataDeletionCallback.Sign("""{"algorithm":"HMAC-SHA256","user_id":"2000002"}""", "wrong-secret"))]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var signed = await client.PostAsync(DataDeletionCallback.Path, new FormUrlEncodedContent([new("signed_request", DataDeletionCallback.Sign("""{"algorithm":"HMAC-SHA256","user_id":"2000002","issued_at":1733000000}""", ConsoleHost.AppSecret))]));
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await signed.Content.ReadAsStringAsync());
        var code = json.RootElement.GetProperty("confirmation_code").GetString()!;
        var status = await client.GetStringAsync(new Uri(json.RootElement.GetProperty("url").GetString()!).AbsolutePath);
        Assert.Contains(code, status);
        Assert.Contains("completed", status);
    }

    [Fact]
    public async Task DataDeletionStatusPage_IsInFrench_ForABrowserThatAsksForFrench()
    {
        using var client = new HttpClient { BaseAddress = _host.Address };
        var signed = await client.PostAsync(DataDeletionCallback.Path, new FormUrlEncodedContent([new("signed_request", DataDeletionCallback.Sign("""{"algorithm":"HMAC-SHA256","user_id":"2000003","issued_at":1733000000}""", ConsoleHost.AppSecret))]));
        using var json = System.Text.Json.JsonDocument.Parse(await signed.Content.ReadAsStringAsync());
        var code = json.RootElement.GetProperty("confirmation_code").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(json.RootElement.GetProperty("url").GetString()!).AbsolutePath);
        request.Headers.Add("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5");

        var status = System.Net.WebUtility.HtmlDecode(await (await client.SendAsync(request)).Content.ReadAsStringAsync());

        Assert.Contains($"Demande de suppression de données {code}", status);
        Assert.Contains("Statut : terminée le ", status);
        Assert.Contains("ont été supprimées", status);
        Assert.DoesNotContain("Dec", status); // the date in French too ("6 déc.")
        Assert.DoesNotContain("completed", status);
    }

    private static Task<HttpResponseMessage> PostOrderAsync(HttpClient client, string body, string? signature)
    {
        var content = new StringContent(body, Encoding.UTF8, "application/json");
        if (signature is not null) content.Headers.Add(OrderWebhook.SignatureHeader, signature);
        return client.PostAsync(OrderWebhook.Path, content);
    }
}
