using System.Net;
using System.Text;
using System.Text.Json;

namespace GiftBot.Customers.Tests.AgentApi;

public sealed record ApiResponse(HttpStatusCode Status, JsonElement Body, string? ContentType)
{
    public static async Task<ApiResponse> SendAsync(HttpClient client, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new ApiResponse(response.StatusCode, body, response.Content.Headers.ContentType?.MediaType);
    }

    public string? Text(string property) => Body.GetProperty(property).GetString();

    public string[] Strings(string property) => [.. Body.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];
}
