using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace GiftBot.Customers.AgentApi;

/// <summary>
/// Lets a request through only with the configured key (header <c>X-Api-Key</c> or <c>Authorization: Bearer</c>),
/// compared in constant time over SHA-256 digests so neither content nor length leaks through timing.
/// With no key configured nothing gets through (403), so a forgotten setting never opens customer data.
/// </summary>
internal sealed class ApiKeyFilter(IOptionsMonitor<AgentApiOptions> options) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.Response.Headers.CacheControl = "no-store";
        var key = options.CurrentValue.ApiKey;
        if (string.IsNullOrEmpty(key))
        {
            return Problems.Create(StatusCodes.Status403Forbidden, "Agent API disabled",
                $"No API key is configured ({AgentApiOptions.SectionName}:{nameof(AgentApiOptions.ApiKey)}), so the agent API refuses every request.");
        }

        var presented = PresentedKey(http.Request);
        if (presented is null || !Matches(presented, key))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.Create(StatusCodes.Status401Unauthorized, "Unauthorized",
                presented is null
                    ? $"Send the agent API key in the {HeaderName} header or as Authorization: Bearer <key>."
                    : "The API key is not valid.");
        }

        return await next(context).ConfigureAwait(false);
    }

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && !string.IsNullOrEmpty(header.ToString()))
        {
            return header.ToString().Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        return authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? authorization[Bearer.Length..].Trim() : null;
    }

    private static bool Matches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
