using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace GiftBot.Customers.AgentApi;

/// <summary>Reads a size-limited JSON request body; every failure becomes a problem response naming what was wrong.</summary>
internal static class JsonBody
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, Problems.BadRequest("The request needs a JSON body."));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), AgentJson.Options);
            return value is null ? (null, Problems.BadRequest("The request body must be a JSON object.")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.BadRequest($"The body is not valid JSON for this request (at {ex.Path ?? "$"}, line {(ex.LineNumber ?? 0) + 1})."));
        }
    }

    private static IResult TooLarge(int maxBytes) =>
        Problems.Create(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"Request bodies are limited to {maxBytes} bytes.");
}

internal static class AgentJson
{
    /// <summary>camelCase, enums as strings (the enums carry their converter).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
