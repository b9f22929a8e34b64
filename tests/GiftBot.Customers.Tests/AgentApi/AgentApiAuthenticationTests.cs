using System.Net;
using Microsoft.Extensions.Logging;

namespace GiftBot.Customers.Tests.AgentApi;

public class AgentApiAuthenticationTests
{
    [Fact]
    public async Task RefusesEveryRequest_WhenNoKeyIsConfigured_AndSaysSoAtStartUp()
    {
        await using var host = await AgentApiHost.StartAsync(apiKey: null);
        host.Client.DefaultRequestHeaders.Add("X-Api-Key", "anything");

        var response = await ApiResponse.SendAsync(host.Client, HttpMethod.Get, "/api/agent/customers");

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Contains("AgentApi:ApiKey", response.Text("detail"));
        Assert.Contains(host.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("agent API is disabled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RejectsAWrongKey()
    {
        await using var host = await AgentApiHost.StartAsync(sendKey: false);
        host.Client.DefaultRequestHeaders.Add("X-Api-Key", AgentApiHost.Key + "x");

        var response = await ApiResponse.SendAsync(host.Client, HttpMethod.Get, "/api/agent/customers");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("The API key is not valid.", response.Text("detail"));
    }

    [Fact]
    public async Task RejectsARequestWithoutAKey_BeforeReadingItsBody()
    {
        await using var host = await AgentApiHost.StartAsync(sendKey: false);

        var response = await ApiResponse.SendAsync(host.Client, HttpMethod.Post, "/api/agent/customers/facebook/psid-1/notes", "{not json");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Contains("X-Api-Key", response.Text("detail"));
    }

    [Theory]
    [InlineData("X-Api-Key", AgentApiHost.Key)]
    [InlineData("Authorization", "Bearer " + AgentApiHost.Key)]
    public async Task AcceptsTheKey_AsHeaderOrBearerToken(string header, string value)
    {
        await using var host = await AgentApiHost.StartAsync(sendKey: false);
        host.Client.DefaultRequestHeaders.Add(header, value);

        var response = await ApiResponse.SendAsync(host.Client, HttpMethod.Get, "/api/agent/customers");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(0, response.Body.GetProperty("total").GetInt32());
    }
}
