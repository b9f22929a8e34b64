using GiftBot.Catalog;
using GiftBot.Testing;
using GiftBot.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Tests.Catalog;

/// <summary>Catalog:FeedUrl fetched by the real host on a schedule, against a local stand-in for the shop's feed server.</summary>
public sealed class ScheduledFeedImportTests
{
    private const string Header = "id,title,description,availability,condition,price,link,image_link,brand,age_min,age_max,interests";
    private const string LastModified = "Wed, 02 Dec 2026 10:00:00 GMT";

    private static string Row(string id, string price = "24.00 EUR") =>
        $"{id},Kite {id},A stunt kite for windy days.,in stock,new,{price},https://shop.example.com/p/{id},https://shop.example.com/i/{id}.jpg,Skyline,8,99,outdoors";

    private static async Task<T?> EventuallyAsync<T>(Func<Task<T?>> ask) where T : class
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            if (await ask() is { } answer) return answer;
            if (DateTime.UtcNow > deadline) return null;
            await Task.Delay(50);
        }
    }

    private static string Feed(params string[] rows) => string.Join('\n', [Header, .. rows]) + "\n";

    private static ScriptedResponse Csv(string body, string etag) =>
        new(200, body, "text/csv") { Headers = new Dictionary<string, string> { ["ETag"] = etag, ["Last-Modified"] = LastModified } };

    [Fact]
    public async Task ImportsTheFeed_AsksWithItsETagNextTime_AndRefusesABadFeedKeepingTheCatalog()
    {
        await using var feedServer = await RecordingHttpServer.StartAsync();
        var good = Feed(Row("kite-1"), Row("kite-2"), Row("kite-3"));
        var broken = Feed([Row("kite-9"), .. Enumerable.Range(1, 3).Select(i => Row($"bad-{i}", price: "call us"))]);
        var serveBroken = false;
        feedServer.On("GET", "/feeds/products.csv").Respond(request =>
            serveBroken ? Csv(broken, "\"v2\"")
            : request.Header("If-None-Match") == "\"v1\"" ? new ScriptedResponse(304, "")
            : Csv(good, "\"v1\""));
        await using var bot = new GiftBotApp(new Dictionary<string, string?>
        {
            ["Catalog:FeedUrl"] = new Uri(feedServer.BaseAddress, "feeds/products.csv").ToString(),
            ["Catalog:FeedFetchInterval"] = "00:00:01",
            ["Catalog:RefreshInterval"] = "00:00:00",
        });
        var catalog = bot.Services.GetRequiredService<IProductCatalog>();

        // The second request proves the first was imported (fetches run one after the other) and asks conditionally.
        var requests = await feedServer.WaitForRequestsAsync(2, timeout: TimeSpan.FromSeconds(20));
        Assert.Null(requests[0].Header("If-None-Match"));
        Assert.Equal("\"v1\"", requests[1].Header("If-None-Match"));
        Assert.Equal(LastModified, requests[1].Header("If-Modified-Since"));
        // The running catalog takes the import on its next check, in the background of the question that started it.
        Assert.NotNull(await EventuallyAsync(() => catalog.GetAsync("kite-1")));

        serveBroken = true;
        var seen = feedServer.Requests.Count;
        var later = await feedServer.WaitForRequestsAsync(seen + 2, timeout: TimeSpan.FromSeconds(20));

        Assert.NotNull(await catalog.GetAsync("kite-1"));
        Assert.Null(await catalog.GetAsync("kite-9"));
        // A refused feed is not remembered as seen: the next fetch still names the last imported version.
        Assert.Equal("\"v1\"", later[^1].Header("If-None-Match"));
    }
}
