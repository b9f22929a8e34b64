using System.Security.Cryptography;
using System.Text.Json.Nodes;
using GiftBot.Storage;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace GiftBot.Conversations.EntryPoints;

/// <summary>
/// Opaque share codes: 128 random bits (base64url), never derived from the PSID, so a link neither exposes nor lets anyone
/// guess a user's id. Each sharer keeps one code (links shared twice attribute to the same person); the code resolves
/// back to the sharer's channel and user id.
/// </summary>
public sealed class ShareTokens(IStorage storage) : IPersonalDataHolder
{
    public static string SharerKey(string channelId, string userId) => $"entry/sharers/{channelId}/{userId}";
    public static string TokenKey(string token) => $"entry/share-tokens/{token}";

    /// <summary>
    /// The sharer's code for these products (the carousel they were looking at), so the friend is shown the same ideas;
    /// the same sharer sharing the same products again gets the same code. The sharer's document lists every code they
    /// were given, so the privacy export and delete find them all.
    /// </summary>
    public async Task<string> GetOrCreateAsync(string channelId, string userId, CancellationToken cancellationToken, IReadOnlyList<string>? productIds = null)
    {
        var products = productIds ?? [];
        var sharerKey = SharerKey(channelId, userId);
        var carousel = products.Count == 0 ? null : ProductsKey(products);
        // Before the sharer's document listed carousels, each carousel's code had a document of its own.
        var olderKey = carousel is null ? null : $"{sharerKey}/{carousel}";
        var items = await storage.ReadAsync(olderKey is null ? [sharerKey] : [sharerKey, olderKey], cancellationToken);
        var sharer = items.TryGetValue(sharerKey, out var stored) && stored is not null ? JObject.FromObject(stored) : new JObject();
        sharer.Remove("eTag");
        var carousels = sharer["carousels"] as JObject ?? [];
        var existing = carousel is null
            ? sharer.Value<string>("token")
            : carousels.Value<string>(carousel) ?? (olderKey is not null && items.TryGetValue(olderKey, out var older) && older is not null ? JObject.FromObject(older).Value<string>("token") : null);
        if (existing is { Length: > 0 } && (carousel is null || carousels.ContainsKey(carousel)))
            return existing;

        var token = existing is { Length: > 0 } ? existing : NewToken();
        if (carousel is null) sharer["token"] = token;
        else carousels[carousel] = token;
        sharer["carousels"] = carousels;
        var writes = new Dictionary<string, object> { [sharerKey] = sharer };
        if (existing is null) writes[TokenKey(token)] = new JObject { ["channelId"] = channelId, ["userId"] = userId, ["products"] = new JArray(products) };
        await storage.WriteAsync(writes, cancellationToken);
        return token;
    }

    public string Name => "share links";

    /// <summary>Every code the person was given, with the products each carries.</summary>
    public async Task<JsonNode?> ExportAsync(DataSubject person, CancellationToken cancellationToken)
    {
        var (_, _, tokens) = await ReadSharerAsync(person, cancellationToken);
        if (tokens.Count == 0) return null;
        var codes = new JsonArray();
        foreach (var token in tokens)
        {
            var products = (await ResolveAsync(token, cancellationToken))?.ProductIds ?? [];
            codes.Add(new JsonObject { ["code"] = token, ["products"] = new JsonArray([.. products.Select(id => (JsonNode?)id)]) });
        }
        return codes;
    }

    /// <summary>Deletes the person's codes, so their links no longer lead back to them.</summary>
    public async Task<int> ForgetAsync(DataSubject person, CancellationToken cancellationToken)
    {
        var (sharerKey, carousels, tokens) = await ReadSharerAsync(person, cancellationToken);
        if (tokens.Count == 0) return 0;
        await storage.DeleteAsync([sharerKey, .. carousels.Select(carousel => $"{sharerKey}/{carousel}"), .. tokens.Select(TokenKey)], cancellationToken);
        return tokens.Count;
    }

    private async Task<(string SharerKey, IReadOnlyList<string> Carousels, IReadOnlyList<string> Tokens)> ReadSharerAsync(DataSubject person, CancellationToken cancellationToken)
    {
        var sharerKey = SharerKey(person.ChannelId, person.UserId);
        var items = await storage.ReadAsync([sharerKey], cancellationToken);
        if (!items.TryGetValue(sharerKey, out var stored) || stored is null) return (sharerKey, [], []);
        var sharer = JObject.FromObject(stored);
        var carousels = (sharer["carousels"] as JObject)?.Properties().ToList() ?? [];
        var tokens = carousels.Select(p => p.Value.Value<string>()).Prepend(sharer.Value<string>("token")).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return (sharerKey, [.. carousels.Select(p => p.Name)], tokens);
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
