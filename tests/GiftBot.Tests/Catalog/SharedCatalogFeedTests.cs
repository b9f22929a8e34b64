using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GiftBot.Catalog.Import;
using GiftBot.Testing.Postgres;
using GiftBot.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Tests.Catalog;

/// <summary>
/// The catalog stays a SQLite snapshot per instance, but a feed published to the shared store reaches every instance:
/// two real hosts on one PostgreSQL database, each with its own catalog file, both start serving the new feed.
/// </summary>
[RequiresPostgres]
public sealed class SharedCatalogFeedTests
{
    private const string Header = "id,title,description,availability,condition,price,link,image_link,brand,age_min,age_max,interests";

    [StoreFact]
    public async Task AFeedPublishedThroughOneInstance_IsServedByEveryInstance()
    {
        await using var database = await PostgresTestServer.CreateSchemaAsync();
        await using var first = NewInstance(database.ConnectionString);
        await using var second = NewInstance(database.ConnectionString);
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await secondClient.GetAsync("/api/catalog/products/GB-NEW-1")).StatusCode);

        var feed = string.Join('\n', Header,
            "GB-NEW-1,Aurora Night Sky Projector,Stars and northern lights on the ceiling.,in stock,new,34.50 EUR,https://shop.example.com/products/gb-new-1,https://shop.example.com/images/gb-new-1.jpg,Little Sprout,4,12,space",
            "GB-NEW-2,Comet Kite,A long-tailed kite.,in stock,new,12.00 EUR,https://shop.example.com/products/gb-new-2,https://shop.example.com/images/gb-new-2.jpg,Little Sprout,5,12,outdoors");
        var version = await first.Services.GetRequiredService<ISharedCatalogFeed>().PublishAsync("winter.csv", feed, CancellationToken.None);

        Assert.Equal(1, version);
        foreach (var client in new[] { firstClient, secondClient })
        {
            var product = await WaitForProductAsync(client, "GB-NEW-1");
            Assert.Equal("Aurora Night Sky Projector", product["title"]!.GetValue<string>());
            // The published feed replaced the catalog: the bundled products are gone from every instance.
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/catalog/products/GB-1001")).StatusCode);
        }
    }

    private static GiftBotApp NewInstance(string connectionString) => new(new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Postgres",
        ["ConnectionStrings:GiftBot"] = connectionString,
        ["Catalog:RefreshInterval"] = "00:00:00.100",
    });

    private static async Task<JsonNode> WaitForProductAsync(HttpClient client, string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var response = await client.GetAsync($"/api/catalog/products/{id}");
            if (response.StatusCode == HttpStatusCode.OK) return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Product {id} never appeared (last answer {(int)response.StatusCode}).");
            await Task.Delay(100);
        }
    }
}
