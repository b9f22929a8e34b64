using System.Net;
using System.Text;
using GiftBot.Messenger.Tests.Support;
using GiftBot.Messenger.Webhook;
using GiftBot.Storage;
using GiftBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Messenger.Tests.Webhook;

public sealed class WebhookSecurityTests : MessengerHostTest
{
    [Fact]
    public async Task AcceptsWebhook_WithValidSignature_AndTheBotAnswers()
    {
        using var response = await Host.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.Text("m_1", "hello, world!")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Graph.WaitForRequestsAsync(1);
        Assert.Equal(["text:hello, world!"], MessengerTestHost.SentTexts(Graph));
    }

    [Fact]
    public async Task RejectsWebhook_WithWrongSignature_AndProcessesNothing()
    {
        var body = MetaSamples.Envelope(MetaSamples.Text("m_1", "forged"));
        var signedWithOtherSecret = WebhookSignature.Sign(Encoding.UTF8.GetBytes(body), "not-the-app-secret");

        using var response = await Host.PostWebhookAsync(body, signedWithOtherSecret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await Host.PendingAsync());
        Assert.Empty(Host.Received.All);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha256=zz-not-hex")]
    [InlineData("sha1=0123456789abcdef0123456789abcdef01234567")]
    public async Task RejectsWebhook_WithMissingOrMalformedSignature(string? header)
    {
        var body = MetaSamples.Envelope(MetaSamples.Text("m_1", "no signature"));

        using var response = header is null ? await Host.PostWebhookAsync(body, sign: false) : await Host.PostWebhookAsync(body, header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await Host.PendingAsync());
    }

    [Fact]
    public async Task AcceptsEscapedNonAsciiBody_SignedOverTheRawEscapedBytes_AndDecodesTheText()
    {
        // Meta escapes non-ASCII as \uXXXX and signs those exact bytes ("äöå" → \u00e4\u00f6\u00e5).
        var body = MetaSamples.Envelope(MetaSamples.RawText("m_umlaut", "gr\\u00fc\\u00dfe \\u00e4\\u00f6\\u00e5 \\ud83c\\udf81"));
        Assert.DoesNotContain("ä", body);

        using var response = await Host.PostWebhookAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Graph.WaitForRequestsAsync(1);
        Assert.Equal(["text:grüße äöå 🎁"], MessengerTestHost.SentTexts(Graph));
    }

    [Fact]
    public async Task RejectsSignature_ComputedOverDecodedText_InsteadOfRawBytes()
    {
        var body = MetaSamples.Envelope(MetaSamples.RawText("m_umlaut", "\\u00e4\\u00f6\\u00e5"));
        var decoded = body.Replace("\\u00e4\\u00f6\\u00e5", "äöå");

        using var response = await Host.PostWebhookAsync(body, WebhookSignature.Sign(Encoding.UTF8.GetBytes(decoded), MessengerTestHost.AppSecret));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RejectsBodyOverSizeLimit_With413()
    {
        var body = MetaSamples.Envelope(MetaSamples.Text("m_big", new string('a', 70_000)));

        using var response = await Host.PostWebhookAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await Host.PendingAsync());
    }

    [Fact]
    public async Task RejectsStreamedBodyOverSizeLimit_With413_WithoutContentLength()
    {
        var bytes = Encoding.UTF8.GetBytes(MetaSamples.Envelope(MetaSamples.Text("m_big", new string('a', 70_000))));
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/facebook") { Content = new StreamContent(new NonSeekableStream(bytes)) };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Sign(bytes, MessengerTestHost.AppSecret));

        using var response = await Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"object\":\"page\",\"entry\":[")]
    [InlineData("not json at all")]
    [InlineData("{\"object\":\"page\",\"entry\":[]} trailing")]
    public async Task AcknowledgesMalformedJsonWithValidSignature_AsRejectedWithItsReason_AndQueuesNothing(string body)
    {
        using var response = await Host.PostWebhookAsync(body);

        // Meta would redeliver a refused body for an hour and then disable the webhook: acknowledge, record, drop.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Host.Logs.Entries, e => e.Text.Contains("rejected at body") && e.Text.Contains("not strict JSON"));
        var rejected = Assert.Single(await Host.Services.GetRequiredService<IRejectedEventStore>().ListRecentAsync());
        Assert.Equal("body", rejected.Location);
        Assert.StartsWith("body is not strict JSON", rejected.Reason);
        Assert.Equal(0, await Host.PendingAsync());
    }

    [Fact]
    public async Task AcknowledgesButIgnores_ObjectsOtherThanPage()
    {
        using var response = await Host.PostWebhookAsync("""{"object":"instagram","entry":[{"id":"1","time":1,"messaging":[]}]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Host.Logs.Entries, e => e.Text.Contains("instagram") && e.Text.Contains("ignored"));
        Assert.Equal(0, await Host.PendingAsync());
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
