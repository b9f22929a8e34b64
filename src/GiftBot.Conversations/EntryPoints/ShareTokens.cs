using System.Security.Cryptography;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace GiftBot.Conversations.EntryPoints;

/// <summary>
/// Opaque share codes: 128 random bits (base64url), never derived from the PSID, so a link neither exposes nor lets anyone
/// guess a user's id. Each sharer keeps one code (links shared twice attribute to the same person); the code resolves
/// back to the sharer's channel and user id.
/// </summary>
public sealed class ShareTokens(IStorage storage)
{
    public static string SharerKey(string channelId, string userId) => $"entry/sharers/{channelId}/{userId}";
    public static string TokenKey(string token) => $"entry/share-tokens/{token}";

    /// <summary>
    /// The sharer's code for these products (the carousel they were looking at), so the friend is shown the same ideas;
    /// the same sharer sharing the same products again gets the same code.
    /// </summary>
    public async Task<string> GetOrCreateAsync(string channelId, string userId, CancellationToken cancellationToken, IReadOnlyList<string>? productIds = null)
    {
        var products = productIds ?? [];
        var key = products.Count == 0 ? SharerKey(channelId, userId) : $"{SharerKey(channelId, userId)}/{ProductsKey(products)}";
        var items = await storage.ReadAsync([key], cancellationToken);
        if (items.TryGetValue(key, out var stored) && JObject.FromObject(stored).Value<string>("token") is { Length: > 0 } existing)
            return existing;

        var token = NewToken();
        await storage.WriteAsync(new Dictionary<string, object>
        {
            [TokenKey(token)] = new JObject { ["channelId"] = channelId, ["userId"] = userId, ["products"] = new JArray(products) },
            [key] = new JObject { ["token"] = token },
        }, cancellationToken);
        return token;
    }

    // Storage keys stay short and free of catalog ids' characters whatever the carousel held.
    private static string ProductsKey(IReadOnlyList<string> productIds) =>
        Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', productIds))))[..16];

    /// <summary>The sharer behind a code, or null for a code this bot never gave out.</summary>
    public async Task<SharerIdentity?> ResolveAsync(string token, CancellationToken cancellationToken)
    {
        var key = TokenKey(token);
        var items = await storage.ReadAsync([key], cancellationToken);
        if (!items.TryGetValue(key, out var stored) || stored is null) return null;
        var json = JObject.FromObject(stored);
        var products = (json["products"] as JArray)?.Values<string>().OfType<string>().ToList() ?? [];
        return json.Value<string>("channelId") is { } channel && json.Value<string>("userId") is { } user ? new SharerIdentity(channel, user, token, products) : null;
    }

    private static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <param name="ProductIds">The products the sharer was looking at, first card first; empty for a plain invitation.</param>
public sealed record SharerIdentity(string ChannelId, string UserId, string Token, IReadOnlyList<string> ProductIds);
