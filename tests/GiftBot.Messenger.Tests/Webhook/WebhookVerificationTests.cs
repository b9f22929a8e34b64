using System.Net;
using GiftBot.Messenger.Tests.Support;

namespace GiftBot.Messenger.Tests.Webhook;

public sealed class WebhookVerificationTests : MessengerHostTest
{
    [Fact]
    public async Task AnswersChallengeAsPlainText_WhenVerifyTokenMatches()
    {
        using var response = await Host.Client.GetAsync($"api/facebook?hub.mode=subscribe&hub.verify_token={MessengerTestHost.VerifyToken}&hub.challenge=1158201444");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1")]
    [InlineData("hub.mode=unsubscribe&hub.verify_token=verify-me-please&hub.challenge=1")]
    [InlineData("hub.verify_token=verify-me-please&hub.challenge=1")]
    [InlineData("hub.mode=subscribe&hub.challenge=1")]
    public async Task RefusesVerification_With403_WhenModeOrTokenIsWrong(string query)
    {
        using var response = await Host.Client.GetAsync($"api/facebook?{query}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
