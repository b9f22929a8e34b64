using System.Net;
using System.Text.Json.Nodes;
using GiftBot.Tests.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Tests.Health;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task LivenessAnswersHealthy_WithoutCheckingDependencies()
    {
        await using var app = new GiftBotApp(configureServices: services => services.AddSingleton<IStorage>(new FailingStorage()));

        var response = await app.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReadinessAnswersHealthy_WhenTheStoreAndTheBundledCatalogAnswer()
    {
        await using var app = new GiftBotApp();

        var response = await app.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["checks"]!;
        Assert.Equal("Healthy", checks["storage"]!["status"]!.GetValue<string>());
        Assert.Equal("Healthy", checks["catalog"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReadinessAnswers503_NamingTheStore_WhenStorageFails()
    {
        await using var app = new GiftBotApp(configureServices: services => services.AddSingleton<IStorage>(new FailingStorage()));

        var response = await app.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Unhealthy", body["checks"]!["storage"]!["status"]!.GetValue<string>());
        Assert.DoesNotContain("disk on fire", body.ToJsonString()); // exception details stay in the log
    }

    private sealed class FailingStorage : IStorage
    {
        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) => throw new IOException("disk on fire");
        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) => throw new IOException("disk on fire");
        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => throw new IOException("disk on fire");
    }
}
