using GiftBot.Customers.Window;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Polly.Timeout;

namespace GiftBot.Messenger.Graph;

/// <summary>
/// Calls the Graph API for the configured Page: the Send API, Messenger Profile, handover. Every request carries the Page
/// token and its appsecret_proof in the query string (as Meta documents); retries for 5xx, timeouts and rate limits happen
/// in the HttpClient pipeline (see <see cref="GraphApiRegistration"/>), and the final failure surfaces as <see cref="GraphApiException"/>.
/// </summary>
public sealed class GraphApiClient(IHttpClientFactory httpClients, IOptionsMonitor<FacebookOptions> options, ILogger<GraphApiClient> logger)
{
    /// <summary>The named HttpClient carrying the retry pipeline and redacted logging.</summary>
    public const string HttpClientName = "GiftBot.Messenger.GraphApi";

    private static readonly JsonSerializerSettings SerializerSettings = new() { NullValueHandling = NullValueHandling.Ignore };

    /// <summary>POST me/messages. Refuses retired message tags before any HTTP call.</summary>
    public async Task<SendApiResult> SendMessageAsync(JObject request, CancellationToken cancellationToken)
    {
        // A tagged message is never a reply: it is the bot's update or an agent's (HUMAN_AGENT) message.
        var tag = request.Value<string>("tag");
        MessageTags.EnsureNotRetired(tag, tag == MessageTags.HumanAgent ? OutboundKind.HumanAgent : OutboundKind.BotUpdate);
        var response = await SendAsync(HttpMethod.Post, "me/messages", null, request, cancellationToken);
        return new SendApiResult(response.Value<string>("recipient_id"), response.Value<string>("message_id"));
    }

    public Task<JObject> GetAsync(string path, IReadOnlyDictionary<string, string>? query, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, query, null, cancellationToken);

    public Task<JObject> PostAsync(string path, JObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, null, body, cancellationToken);

    public Task<JObject> DeleteAsync(string path, JObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, path, null, body, cancellationToken);

    private async Task<JObject> SendAsync(HttpMethod method, string path, IReadOnlyDictionary<string, string>? query, JObject? body, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var token = settings.PageAccessToken ?? throw new InvalidOperationException("Facebook:PageAccessToken is not configured.");
        var parameters = new Dictionary<string, string>(query ?? new Dictionary<string, string>()) { ["access_token"] = token };
        if (!string.IsNullOrEmpty(settings.AppSecret)) parameters["appsecret_proof"] = AppSecretProof.Compute(token, settings.AppSecret);
        var queryString = string.Join("&", parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));

        using var request = new HttpRequestMessage(method, new Uri(settings.GraphApiRoot, $"{path.TrimStart('/')}?{queryString}"));
        if (body is not null)
            request.Content = new StringContent(JsonConvert.SerializeObject(body, SerializerSettings), Encoding.UTF8, "application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        HttpResponseMessage response;
        try
        {
            response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            logger.LogWarning("Graph API {Method} {Path} timed out after retries", method, path);
            throw new GraphApiException(504, 0, null, null, null, "The Graph API did not answer in time.", ex);
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning("Graph API {Method} {Path} could not be reached: {Error}", method, path, ex.HttpRequestError);
            throw new GraphApiException(0, 0, null, null, null, "The Graph API could not be reached.", ex);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
                return string.IsNullOrWhiteSpace(text) ? [] : ParseObject(text) ?? [];
            var error = GraphError.Parse(text);
            var exception = new GraphApiException((int)response.StatusCode, error?.Code ?? 0, error?.Subcode, error?.Type, error?.FbTraceId, error?.Message ?? response.ReasonPhrase);
            logger.LogWarning("Graph API {Method} {Path} failed: HTTP {Status}, code {Code}, subcode {Subcode}, kind {Kind}, fbtrace_id {FbTraceId}",
                method, path, exception.HttpStatus, exception.Code, exception.ErrorSubcode, exception.Kind, exception.FbTraceId);
            throw exception;
        }
    }

    private static JObject? ParseObject(string text)
    {
        try { return JToken.Parse(text) as JObject; }
        catch (JsonReaderException) { return null; }
    }
}

/// <summary>The Send API's answer: {"recipient_id": "...", "message_id": "..."}.</summary>
public sealed record SendApiResult(string? RecipientId, string? MessageId);

/// <summary>Meta's error body: {"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}.</summary>
internal sealed record GraphError(int Code, int? Subcode, string? Type, string? Message, string? FbTraceId)
{
    public static GraphError? Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            if (JToken.Parse(body) is not JObject root || root["error"] is not JObject error) return null;
            return new GraphError(ToInt(error["code"]) ?? 0, ToInt(error["error_subcode"]), error.Value<string>("type"),
                error.Value<string>("message"), error.Value<string>("fbtrace_id"));
        }
        catch (JsonReaderException) { return null; }
    }

    // Codes arrive as numbers, but be lenient with strings.
    private static int? ToInt(JToken? token) =>
        token?.Type switch
        {
            JTokenType.Integer => token.Value<int>(),
            JTokenType.String when int.TryParse(token.Value<string>(), out var parsed) => parsed,
            _ => null,
        };
}
