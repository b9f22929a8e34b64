using System.Net;
using GiftBot.Testing.BotFramework;
using GiftBot.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GiftBot.Tests.Bot;

public sealed class AuthenticationTests
{
    private const string AppId = "2d3b8f0e-6a41-4c1b-9d8e-5f7a0c9b1e42";

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-token")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl")]
    public async Task Rejects_ActivityWithoutAValidToken_WhenMicrosoftAppIdIsSet(string? authorization)
    {
        await using var connector = await BotConnectorStandIn.StartAsync();
        await using var app = new GiftBotApp(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "test-secret",
            ["MicrosoftAppType"] = "MultiTenant",
        });
        var client = app.CreateClient();
        if (authorization is not null) client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        var response = await client.PostActivityAsync(EmulatorActivities.Message(connector.ServiceUrl, "conv-auth", "hi", channelId: "webchat"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(connector.Server.Requests);
    }

    [Theory]
    [InlineData("not-a-guid", "secret", "MultiTenant", "", "MicrosoftAppId")]
    [InlineData(AppId, "", "MultiTenant", "", "MicrosoftAppPassword")]
    [InlineData(AppId, "secret", "SingleTenant", "", "MicrosoftAppTenantId")]
    [InlineData(AppId, "secret", "Sideways", "", "MicrosoftAppType")]
    public void RefusesToStart_WithCredentialsThatCannotWork(string appId, string password, string appType, string tenantId, string namedKey)
    {
        using var app = new GiftBotApp(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppPassword"] = password,
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppTenantId"] = tenantId,
        });

        var failure = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(namedKey, failure.Message);
    }

    [Fact]
    public void DefaultsToSingleTenant_SoAnAppIdWithoutATenantCannotStart()
    {
        using var app = new GiftBotApp(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "secret",
            ["MicrosoftAppType"] = "",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant", failure.Message);
    }

    [Fact]
    public async Task AnswersTheEmulatorWithoutCredentials_UnderTheShippedSingleTenantDefault()
    {
        await using var connector = await BotConnectorStandIn.StartAsync();
        await using var app = new GiftBotApp();
        var credentials = app.Services.GetRequiredService<IOptions<GiftBot.Bot.BotCredentialsOptions>>().Value;

        var response = await app.CreateClient().PostActivityAsync(EmulatorActivities.Message(connector.ServiceUrl, "conv-local", "hi"));

        Assert.Equal("SingleTenant", credentials.EffectiveAppType);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(connector.MessagesIn("conv-local"));
    }
}
