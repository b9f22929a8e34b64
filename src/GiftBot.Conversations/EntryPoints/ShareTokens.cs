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

    public async Task<string> GetOrCreateAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var key = SharerKey(channelId, userId);
        var items = await storage.ReadAsync([key], cancellationToken);
        if (items.TryGetValue(key, out var stored) && JObject.FromObject(stored).Value<string>("token") is { Length: > 0 } existing)
            return existing;

        var token = NewToken();
        await storage.WriteAsync(new Dictionary<string, object>
        {
            [TokenKey(token)] = new JObject { ["channelId"] = channelId, ["userId"] = userId },
            [key] = new JObject { ["token"] = token },
        }, cancellationToken);
        return token;
    }

    /// <summary>The sharer behind a code, or null for a code this bot never gave out.</summary>
    public async Task<SharerIdentity?> ResolveAsync(string token, CancellationToken cancellationToken)
    {
        var key = TokenKey(token);
        var items = await storage.ReadAsync([key], cancellationToken);
        if (!items.TryGetValue(key, out var stored) || stored is null) return null;
        var json = JObject.FromObject(stored);
        return json.Value<string>("channelId") is { } channel && json.Value<string>("userId") is { } user ? new SharerIdentity(channel, user, token) : null;
    }

    private static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed record SharerIdentity(string ChannelId, string UserId, string Token);
