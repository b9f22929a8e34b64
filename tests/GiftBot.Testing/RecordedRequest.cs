using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace GiftBot.Testing;

/// <summary>One request as the <see cref="RecordingHttpServer"/> received it: nothing parsed away, so tests can assert on the wire format.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    byte[] BodyBytes,
    DateTimeOffset ReceivedAt)
{
    public string Body => Encoding.UTF8.GetString(BodyBytes);

    /// <summary>Query parameters (first value of each), decoded.</summary>
    public IReadOnlyDictionary<string, string> Query { get; } =
        QueryHelpers.ParseQuery(QueryString).ToDictionary(p => p.Key, p => (string?)p.Value.FirstOrDefault() ?? "", StringComparer.Ordinal);

    /// <summary>The body parsed as JSON, or null when it is empty or not JSON.</summary>
    public JsonNode? Json
    {
        get
        {
            if (BodyBytes.Length == 0) return null;
            try { return JsonNode.Parse(BodyBytes); }
            catch (System.Text.Json.JsonException) { return null; }
        }
    }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    internal static Dictionary<string, string> CopyHeaders(IEnumerable<KeyValuePair<string, StringValues>> headers) =>
        headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
}
