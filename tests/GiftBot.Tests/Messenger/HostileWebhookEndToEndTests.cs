using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GiftBot.Messenger.Webhook;
using GiftBot.Storage;
using GiftBot.Testing;
using GiftBot.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Tests.Messenger;

/// <summary>
/// Signed webhook bodies of the wrong shape against the shipped host and bot: acknowledged, never queued, counted in
/// /health/ready's details, and the same person's next message is answered by the real bot.
/// </summary>
public sealed class HostileWebhookEndToEndTests
{
    private const string AppSecret = "hostile-app-secret";
    private const string PageId = "1000001";
    private const string Psid = "2000002";
    private const string Sender = $$"""{"sender":{"id":"{{Psid}}"},"recipient":{"id":"{{PageId}}"}""";

    // The shapes the issue found answered 500 or failing in processing, one body each.
    private static readonly string[] IssueShapes =
    [
        """{"object":{"page":true},"entry":[]}""",
        BodyForEntry("7", Sender + ""","timestamp":1,"message":{"mid":"m","text":"x"}}"""),
        Body(Sender + ""","timestamp":1,"message":{"mid":"m_a","text":"x"}}""").Replace("\"id\":\"2000002\"", "\"id\":{\"x\":1}"),
        Body("""{"sender":"2000002","recipient":{"id":"1000001"},"timestamp":1,"message":{"mid":"m_b","text":"x"}}"""),
        Body(Sender + ""","timestamp":"abc","message":{"mid":"m_c","text":"x"}}"""),
        Body(Sender + ""","timestamp":1e30,"message":{"mid":"m_d","text":"x"}}"""),
        Body(Sender + ""","timestamp":99999999999999999,"message":{"mid":"m_e","text":"x"}}"""),
        Body(Sender + ""","timestamp":null,"message":{"mid":"m_f","text":"x"}}"""),
        Body(Sender + ""","timestamp":1,"message":{"mid":["m_g"],"text":"x"}}"""),
        Body(Sender + ""","timestamp":1,"message":{"mid":"m_h","is_echo":"no","text":"x"}}"""),
        Body(Sender + ""","timestamp":1,"message":{"mid":"m_i","text":{"t":"x"}}}"""),
        Body(Sender + ""","timestamp":1,"message":{"mid":"m_j","quick_reply":["CHEAPER"]}}"""),
        Body(Sender + ""","timestamp":1,"message":{"mid":"m_k","attachments":"image"}}"""),
        Body(Sender + ""","timestamp":1,"message":{"mid":"m_l","reply_to":5}}"""),
        Body(Sender + ""","timestamp":1,"message":{"mid":"m_m","attachments":[{"type":"image","payload":{"url":{"u":"x"}}}]}}"""),
        Body(Sender + ""","timestamp":1,"message":{"mid":"m_n","attachments":[{"type":"sticker","payload":{"sticker_id":{"i":1}}}]}}"""),
        Body(Sender + ""","timestamp":1,"postback":["GET_STARTED"]}"""),
        Body(Sender + ""","timestamp":1,"referral":{"ref":{"r":"x"},"source":"SHORTLINK"}}"""),
        Body(Sender + ""","timestamp":1,"read":{"watermark":"x"}}"""),
        Body(Sender + ""","timestamp":1,"delivery":{"watermark":{}}}"""),
        Body(Sender.Replace(Psid, "2" + new string('0', 60_000)) + ""","timestamp":1,"message":{"mid":"m_o","text":"x"}}"""),
        Body(Sender.Replace("{\"sender\"", "{'sender'") + ""","timestamp":1,"message":{"mid":"m_p","text":"x"}}"""),
        Body(Sender + """,/* note */"timestamp":1,"message":{"mid":"m_q","text":"x"}}"""),
        Body(Sender + ""","timestamp":NaN,"message":{"mid":"m_r","text":"x"}}"""),
    ];

    [Fact]
    public async Task HostileBodies_AreAcknowledgedAndCountedInReadiness_AndThePersonsNextMessageIsAnsweredByTheBot()
    {
        await using var graph = await StartGraphAsync();
        await using var app = NewApp(graph);
        using var client = app.CreateClient();
        Assert.Equal(0, await RejectedCountAsync(client));

        foreach (var body in IssueShapes)
        {
            using var response = await PostSignedAsync(client, body);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} for {body[..Math.Min(200, body.Length)]}");
        }
        // A good event in the same batch as a bad one still goes through.
        var good = Sender + ""","timestamp":1700000000000,"message":{"mid":"m_good","text":"hi"}}""";
        using (var mixed = await PostSignedAsync(client, Body(Sender + ""","timestamp":1,"message":{"mid":"m_bad","text":7}}""", good)))
            Assert.Equal(HttpStatusCode.OK, mixed.StatusCode);

        await graph.WaitForRequestsAsync(1, r => r.Path == "/v25.0/me/messages" && (string?)r.Json?["recipient"]?["id"] == Psid
            && r.Json?["message"] is not null, TimeSpan.FromSeconds(30));
        Assert.Equal(IssueShapes.Length + 1, await RejectedCountAsync(client));
        var inbox = app.Services.GetRequiredService<IDurableInbox>();
        Assert.Empty(await inbox.ListParkedAsync());
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await inbox.CountPendingAsync() > 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(0, await inbox.CountPendingAsync());
    }

    [Fact]
    public async Task AnEventForAnotherPage_IsAcknowledgedButNotAnswered_WithThisPagesToken()
    {
        // One app's webhook can carry several Pages' events; a PSID belongs to its Page, so this Page must not answer it.
        await using var graph = await StartGraphAsync();
        await using var app = NewApp(graph);
        using var client = app.CreateClient();
        const string otherPsid = "2000099";
        var otherPage = BodyForEntry("\"1000099\"", $$$"""{"sender":{"id":"{{{otherPsid}}}"},"recipient":{"id":"1000099"},"timestamp":1700000000000,"message":{"mid":"m_other","text":"hi"}}""");

        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(client, otherPage)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(client, Body(Sender + ""","timestamp":1700000000000,"message":{"mid":"m_ours","text":"hi"}}"""))).StatusCode);

        await graph.WaitForRequestsAsync(1, r => r.Path == "/v25.0/me/messages" && (string?)r.Json?["recipient"]?["id"] == Psid, TimeSpan.FromSeconds(30));
        var inbox = app.Services.GetRequiredService<IDurableInbox>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await inbox.CountPendingAsync() > 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(0, await inbox.CountPendingAsync());
        Assert.DoesNotContain(graph.Requests, r => r.Path.Contains(otherPsid) || (string?)r.Json?["recipient"]?["id"] == otherPsid);
    }

    [Fact]
    public async Task ReadinessDetails_NameTheLatestRejectionsFieldAndReason_WithoutItsValue()
    {
        await using var graph = await StartGraphAsync();
        await using var app = NewApp(graph);
        using var client = app.CreateClient();

        await PostSignedAsync(client, Body(Sender + ""","timestamp":1,"message":{"mid":"m_1","text":{"secret":"my home address"}}}"""));

        using var response = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var check = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["checks"]!["rejectedEvents"]!;
        Assert.Equal("Healthy", check["status"]!.GetValue<string>());
        Assert.Equal(1, check["details"]!["rejectedEvents"]!.GetValue<long>());
        var reason = check["details"]!["lastRejectedReason"]!.GetValue<string>();
        Assert.Contains("entry[0].messaging[0]", reason);
        Assert.Contains("message.text: expected a string, got an object", reason);
        Assert.DoesNotContain("home address", reason);
    }

    private static string Body(params string[] messaging) => BodyForEntry(PageId, messaging);

    private static string BodyForEntry(string entryId, params string[] messaging) =>
        $$"""{"object":"page","entry":[{"id":{{(entryId == PageId ? $"\"{PageId}\"" : entryId)}},"time":1,"messaging":[{{string.Join(",", messaging)}}]}]}""";

    private static async Task<long> RejectedCountAsync(HttpClient client)
    {
        var body = JsonNode.Parse(await client.GetStringAsync("/health/ready"))!;
        return body["checks"]!["rejectedEvents"]!["details"]!["rejectedEvents"]!.GetValue<long>();
    }

    private static async Task<RecordingHttpServer> StartGraphAsync()
    {
        var graph = await RecordingHttpServer.StartAsync();
        graph.On("POST", "/v25.0/me/messages").Respond(200, new { recipient_id = Psid, message_id = "m_sent" });
        return graph;
    }

    private static GiftBotApp NewApp(RecordingHttpServer graph) => new(new Dictionary<string, string?>
    {
        ["Facebook:AppId"] = "3000003",
        ["Facebook:AppSecret"] = AppSecret,
        ["Facebook:PageAccessToken"] = "hostile-page-token",
        ["Facebook:VerifyToken"] = "hostile-verify",
        ["Facebook:PageId"] = PageId,
        ["Facebook:GraphApiBaseUrl"] = graph.BaseAddress.ToString(),
        ["Facebook:Inbox:PollInterval"] = "00:00:00.050",
        ["Facebook:Send:BaseDelay"] = "00:00:00.001",
    });

    private static Task<HttpResponseMessage> PostSignedAsync(HttpClient client, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");
        content.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Sign(bytes, AppSecret));
        return client.PostAsync("/api/facebook", content);
    }
}
