using System.Security.Cryptography;
using System.Text;
using GiftBot.Conversations.EntryPoints;
using GiftBot.Storage;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace GiftBot.Conversations.Tests.EntryPoints;

/// <summary>A sharer's codes are listed on the sharer's document, so the privacy export and delete find every one of them.</summary>
public sealed class ShareTokensTests
{
    private static readonly DataSubject Sharer = new("facebook", "psid-1", []);

    [Fact]
    public async Task EveryCodeASharerWasGiven_IsExported_AndForgotten()
    {
        var storage = new MemoryStorage();
        var tokens = new ShareTokens(storage);
        var plain = await tokens.GetOrCreateAsync("facebook", "psid-1", default);
        var carousel = await tokens.GetOrCreateAsync("facebook", "psid-1", default, ["p1", "p2"]);
        Assert.Equal(carousel, await tokens.GetOrCreateAsync("facebook", "psid-1", default, ["p1", "p2"]));
        var other = await tokens.GetOrCreateAsync("facebook", "psid-2", default, ["p1", "p2"]);

        var export = (await tokens.ExportAsync(Sharer, default))!.ToJsonString();
        Assert.Contains(plain, export);
        Assert.Contains(carousel, export);
        Assert.Contains("p2", export);

        Assert.Equal(2, await tokens.ForgetAsync(Sharer, default));
        Assert.Null(await tokens.ResolveAsync(plain, default));
        Assert.Null(await tokens.ResolveAsync(carousel, default));
        Assert.Null(await tokens.ExportAsync(Sharer, default));
        Assert.Equal("psid-2", (await tokens.ResolveAsync(other, default))!.UserId);
    }

    [Fact]
    public async Task ACarouselCodeStoredByTheVersionBefore_IsStillTheSharersCode_AndIsForgotten()
    {
        // The version before kept each carousel's code in a document of its own, named by a hash of the products.
        var storage = new MemoryStorage();
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("p1\np2")))[..16];
        await storage.WriteAsync(new Dictionary<string, object>
        {
            [$"entry/sharers/facebook/psid-1/{hash}"] = new JObject { ["token"] = "olderCarouselCode0000A" },
            ["entry/share-tokens/olderCarouselCode0000A"] = new JObject { ["channelId"] = "facebook", ["userId"] = "psid-1", ["products"] = new JArray("p1", "p2") },
        }, default);
        var tokens = new ShareTokens(storage);

        Assert.Equal("olderCarouselCode0000A", await tokens.GetOrCreateAsync("facebook", "psid-1", default, ["p1", "p2"]));
        Assert.Equal(1, await tokens.ForgetAsync(Sharer, default));
        Assert.Null(await tokens.ResolveAsync("olderCarouselCode0000A", default));
        Assert.Empty(await storage.ReadAsync([$"entry/sharers/facebook/psid-1/{hash}"], default));
    }
}
