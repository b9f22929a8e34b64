using System.Net;
using System.Text.Json;

namespace GiftBot.Catalog.Tests.Http;

public class CatalogEndpointsTests(CatalogApiHost host) : IClassFixture<CatalogApiHost>
{
    private async Task<(HttpStatusCode Status, JsonElement Body, string? ContentType)> GetAsync(string path)
    {
        using var response = await host.Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ReturnsAProductAsJson()
    {
        var (status, product, _) = await GetAsync("/api/catalog/products/GB-1047");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("GB-1047", product.GetProperty("id").GetString());
        Assert.Equal("First Telescope 50 mm", product.GetProperty("title").GetString());
        Assert.Equal(59.00m, product.GetProperty("price").GetDecimal());
        Assert.Equal("EUR", product.GetProperty("currency").GetString());
        Assert.Equal(8, product.GetProperty("minAge").GetInt32());
        Assert.Equal(14, product.GetProperty("maxAge").GetInt32());
        Assert.Equal(["space", "science", "outdoors"], product.GetProperty("interests").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal("in stock", product.GetProperty("availability").GetString());
        Assert.Equal("https://www.littlewonders.example/products/gb-1047", product.GetProperty("link").GetString());
        // The demo feed ships its pictures: a path under the catalog's images folder, served by the bot.
        Assert.Equal("images/space.png", product.GetProperty("imageLink").GetString());
        Assert.Equal("Orbit & Co", product.GetProperty("brand").GetString());
        Assert.False(string.IsNullOrEmpty(product.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task Returns404ProblemForAnUnknownProduct()
    {
        var (status, problem, contentType) = await GetAsync("/api/catalog/products/NO-SUCH-ID");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains("NO-SUCH-ID", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task SearchesByAgeBudgetAndInterests()
    {
        var (status, products, _) = await GetAsync("/api/catalog/search?age=8&maxPrice=30&interests=space,dinosaurs&limit=6");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(6, products.GetArrayLength());
        foreach (var product in products.EnumerateArray())
        {
            Assert.True(product.GetProperty("price").GetDecimal() <= 30m);
            Assert.True(product.GetProperty("minAge").GetInt32() <= 8 && product.GetProperty("maxAge").GetInt32() >= 8);
            Assert.True(product.GetProperty("inStock").GetBoolean());
            var themes = product.GetProperty("interests").EnumerateArray().Select(i => i.GetString()).ToArray();
            Assert.True(themes.Contains("space") || themes.Contains("dinosaurs"), string.Join(",", themes));
        }
    }

    [Fact]
    public async Task SearchUnderstandsSynonyms_AndReturnsAnEmptyListWhenNothingFits()
    {
        var (_, dino, _) = await GetAsync("/api/catalog/search?interests=t-rex&limit=50");
        var (status, none, _) = await GetAsync("/api/catalog/search?age=1&maxPrice=1");

        Assert.All(dino.EnumerateArray(), p => Assert.Contains("dinosaurs", p.GetProperty("interests").EnumerateArray().Select(i => i.GetString())));
        Assert.True(dino.GetArrayLength() >= 10);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, none.GetArrayLength());
    }

    [Theory]
    [InlineData("age=-1", "age")]
    [InlineData("age=121", "age")]
    [InlineData("age=eight", "age")]
    [InlineData("age=8.5", "age")]
    [InlineData("age=3&age=4", "age")]
    [InlineData("maxPrice=-5", "maxPrice")]
    [InlineData("maxPrice=abc", "maxPrice")]
    [InlineData("maxPrice=NaN", "maxPrice")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=51", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("minPrice=40&maxPrice=20", "minPrice")]
    public async Task Returns400NamingTheBadParameter(string queryString, string parameter)
    {
        var (status, problem, contentType) = await GetAsync("/api/catalog/search?" + queryString);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var messages), problem.ToString());
        Assert.Contains(parameter, messages[0].GetString());
    }

    [Fact]
    public async Task RecommendSaysWhichConstraintWasRelaxed()
    {
        var (status, body, _) = await GetAsync("/api/catalog/recommend?age=4&maxPrice=8&interests=trains");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("interests", body.GetProperty("relaxed").GetString());
        Assert.True(body.GetProperty("products").GetArrayLength() > 0);
    }

    [Fact]
    public async Task ListsThemesWithDisplayNamesAndCounts()
    {
        var (status, themes, _) = await GetAsync("/api/catalog/themes");

        Assert.Equal(HttpStatusCode.OK, status);
        var space = themes.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "space");
        Assert.Equal("Space", space.GetProperty("displayName").GetString());
        Assert.True(space.GetProperty("productCount").GetInt32() > 10);
    }
}
