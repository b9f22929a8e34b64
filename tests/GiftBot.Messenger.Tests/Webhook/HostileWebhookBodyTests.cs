using System.Diagnostics;
using System.Net;
using System.Text;
using GiftBot.Messenger.Tests.Support;
using GiftBot.Messenger.Webhook;
using GiftBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GiftBot.Messenger.Tests.Webhook;

/// <summary>
/// Meta's signature can be valid while the payload is not what Meta documents (replays, platform changes, a leaked app
/// secret in testing). Whatever a signed body holds: never a 5xx, never a stuck or parked conversation, and the refused
/// items are recorded with a reason that carries no content.
/// </summary>
public sealed class HostileWebhookBodyTests(ITestOutputHelper output) : MessengerHostTest
{
    private IDurableInbox Inbox => Host.Services.GetRequiredService<IDurableInbox>();
    private IRejectedEventStore Rejected => Host.Services.GetRequiredService<IRejectedEventStore>();

    [Fact]
    public async Task SignedHostileBodies_AreNeverAnswered5xx_AndThePersonsNextMessageIsStillAnswered_WithNothingParkedOrStuck()
    {
        var bodies = HostileBodies.Generated().Select(Encoding.UTF8.GetBytes).Concat(HostileBodies.Handwritten()).ToList();
        var serverErrors = new List<string>();
        var clock = Stopwatch.StartNew();
        foreach (var body in bodies)
        {
            using var response = await Host.PostWebhookAsync(body);
            if ((int)response.StatusCode >= 500) serverErrors.Add($"{(int)response.StatusCode} for {Shorten(body)}");
            else Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.RequestEntityTooLarge, $"{response.StatusCode} for {Shorten(body)}");
        }
        output.WriteLine($"{bodies.Count} hostile bodies posted in {clock.ElapsedMilliseconds} ms");
        Assert.Empty(serverErrors);

        await Host.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.Text("m_after_the_storm", "still there?", HostileBodies.LastTimestamp)));
        await Graph.WaitForRequestsAsync(1, r => (string?)r.Json?["message"]?["text"] == "text:still there?", TimeSpan.FromMinutes(3));
        await WaitUntilNothingPendingAsync();
        output.WriteLine($"all accepted events processed after {clock.ElapsedMilliseconds} ms");

        // Nothing failed on the way (a reading bug would be caught and logged as an error rather than answered 500).
        var errors = Host.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error).Select(e => e.Text).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5)));
        var parked = await Inbox.ListParkedAsync();
        Assert.True(parked.Count == 0, "Parked: " + string.Join("; ", parked.Select(p => $"{p.DedupKey}: {p.LastError}")));
        var summary = await Rejected.SummarizeAsync();
        Assert.True(summary.Count > bodies.Count / 2, $"only {summary.Count} of {bodies.Count} bodies rejected");
        // Reasons name the field, never the value: the marker standing for personal data is in no rejection line.
        var rejectionLines = Host.Logs.Entries.Where(e => e.Text.Contains("rejected")).ToList();
        Assert.NotEmpty(rejectionLines);
        Assert.DoesNotContain(rejectionLines, e => e.Text.Contains(HostileBodies.Marker));
        Assert.DoesNotContain(await Rejected.ListRecentAsync(1000), r => r.Reason.Contains(HostileBodies.Marker));
    }

    [Theory]
    [InlineData("""{"sender":{"id":12345},"recipient":{"id":"PAGE_ID"},"timestamp":1,"message":{"mid":"m_1","text":"hi"}}""", "sender.id: expected a string id, got a number")]
    [InlineData("""{"sender":"1254459154682919","recipient":{"id":"PAGE_ID"},"timestamp":1,"message":{"mid":"m_1","text":"hi"}}""", "sender: expected an object, got a string")]
    [InlineData("""{"sender":{"id":"1254459154682919"},"recipient":"PAGE_ID","timestamp":1,"message":{"mid":"m_1","text":"hi"}}""", "recipient: expected an object, got a string")]
    [InlineData("""{"sender":{"id":"1254459154682919"},"recipient":{"id":"PAGE_ID"},"timestamp":"abc","message":{"mid":"m_1","text":"hi"}}""", "timestamp: expected an integer (epoch milliseconds), got a string")]
    [InlineData("""{"sender":{"id":"1254459154682919"},"recipient":{"id":"PAGE_ID"},"timestamp":1e30,"message":{"mid":"m_1","text":"hi"}}""", "timestamp: expected an integer (epoch milliseconds), got a number")]
    [InlineData("""{"sender":{"id":"1254459154682919"},"recipient":{"id":"PAGE_ID"},"timestamp":253402300800000,"message":{"mid":"m_1","text":"hi"}}""", "timestamp: out of range")]
    [InlineData("""{"sender":{"id":"1254459154682919"},"recipient":{"id":"PAGE_ID"},"timestamp":null,"message":{"mid":"m_1","text":"hi"}}""", "timestamp: expected an integer (epoch milliseconds), got null")]
    [InlineData("""{"sender":{"id":"1254459154682919"},"recipient":{"id":"PAGE_ID"},"timestamp":1,"message":{"mid":{"x":1},"text":"hi"}}""", "message.mid: expected a string id, got an object")]
    [InlineData("""{"sender":{"id":"1254459154682919"},"recipient":{"id":"PAGE_ID"},"timestamp":1,"message":{"mid":"m_1","text":["hi"]}}""", "message.text: expected a string, got an array")]
    [InlineData("""{"sender":{"id":"1254459154682919"},"recipient":{"id":"PAGE_ID"},"timestamp":1,"message":{"mid":"m_1","is_echo":"yes"}}""", "message.is_echo: expected true or false, got a string")]
    [InlineData("""{"sender":{"id":"1254459154682919"},"recipient":{"id":"PAGE_ID"},"timestamp":1,"message":{"mid":"m_1","quick_reply":"CHEAPER"}}""", "message.quick_reply: expected an object, got a string")]
    [InlineData("""{"sender":{"id":"1254459154682919"},"recipient":{"id":"PAGE_ID"},"timestamp":1,"message":{"mid":"m_1","attachments":{"type":"image"}}}""", "message.attachments: expected an array, got an object")]
    [InlineData("""{"sender":{"id":"1254459154682919"},"recipient":{"id":"PAGE_ID"},"timestamp":1,"message":{"mid":"m_1","reply_to":"m_0"}}""", "message.reply_to: expected an object, got a string")]
    [InlineData("""{"sender":{"id":"1254459154682919"},"recipient":{"id":"PAGE_ID"},"timestamp":1,"message":{"mid":"m_1","attachments":[{"type":"image","payload":{"url":{"href":"x"}}}]}}""", "message.attachments[0].payload.url: expected a string, got an object")]
    [InlineData("""{"sender":{"id":"1254459154682919"},"recipient":{"id":"PAGE_ID"},"timestamp":1,"message":{"mid":"m_1","attachments":[{"type":"sticker","payload":{"sticker_id":{"id":1}}}]}}""", "message.attachments[0].payload.sticker_id: expected a string id, got an object")]
    [InlineData("""{"sender":{"id":"1254459154682919"},"recipient":{"id":"PAGE_ID"},"timestamp":1,"postback":"GET_STARTED"}""", "postback: expected an object, got a string")]
    [InlineData("""{"sender":{"id":"1254459154682919"},"recipient":{"id":"PAGE_ID"},"timestamp":1,"referral":{"ref":{"code":"x"},"source":"SHORTLINK"}}""", "referral.ref: expected a string, got an object")]
    [InlineData("""{"sender":{"id":"1254459154682919"},"recipient":{"id":"PAGE_ID"},"timestamp":1,"read":{"watermark":"late"}}""", "read.watermark: expected an integer (epoch milliseconds), got a string")]
    [InlineData("""{"sender":{"id":"1254459154682919"},"recipient":{"id":"PAGE_ID"},"timestamp":1,"delivery":{"watermark":1.5}}""", "delivery.watermark: expected an integer (epoch milliseconds), got a number")]
    [InlineData("""{"recipient":{"id":"PAGE_ID"},"timestamp":1,"message":{"mid":"m_1","text":"hi"}}""", "sender: missing")]
    public async Task RejectsAnItemOfTheWrongShape_WithAReasonNamingTheField_AndAnswersTheNextMessage(string item, string reason)
    {
        using var response = await Host.PostWebhookAsync($$"""{"object":"page","entry":[{"id":"PAGE_ID","time":1,"messaging":[{{item}}]}]}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var rejected = Assert.Single(await Rejected.ListRecentAsync());
        Assert.Equal("entry[0].messaging[0]", rejected.Location);
        Assert.StartsWith(reason, rejected.Reason);
        Assert.Contains(Host.Logs.Entries, e => e.Text.Contains("rejected at entry[0].messaging[0]") && e.Text.Contains(reason));

        await Host.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.Text("m_next", "next", 2)));
        await Graph.WaitForRequestsAsync(1);
        Assert.Equal(["text:next"], MessengerTestHost.SentTexts(Graph));
        Assert.Empty(await Inbox.ListParkedAsync());
    }

    [Theory]
    [InlineData("""{"object":42,"entry":[]}""", "body", "object: expected a string, got a number")]
    [InlineData("""{"object":"page","entry":{"id":"PAGE_ID"}}""", "body", "entry: expected an array, got an object")]
    [InlineData("""{"object":"page","entry":[{"id":123,"messaging":[]}]}""", "entry[0]", "entry[0].id: expected a string id, got a number")]
    [InlineData("""{'object':'page','entry':[]}""", "body", "body is not strict JSON")]
    [InlineData("""{"object":"page",/* hi */"entry":[]}""", "body", "body is not strict JSON")]
    [InlineData("""{"object":"page","entry":[],"x":NaN}""", "body", "body is not strict JSON")]
    [InlineData("""{"object":"page","object":"page","entry":[]}""", "body", "body is not strict JSON")]
    public async Task RejectsABodyOfTheWrongShape_WithItsReason(string body, string location, string reason)
    {
        using var response = await Host.PostWebhookAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rejected = Assert.Single(await Rejected.ListRecentAsync());
        Assert.Equal(location, rejected.Location);
        Assert.StartsWith(reason, rejected.Reason);
        Assert.Equal(0, await Host.PendingAsync());
    }

    [Fact]
    public async Task AValidEventInTheSameBatchAsABadOne_IsProcessed_AndOnlyTheBadOneIsRejected()
    {
        var bad = MetaSamples.Text("m_bad", "placeholder", 1).Replace("\"placeholder\"", """{"not":"text"}""");
        var body = $$"""{"object":"page","entry":[{"id":"PAGE_ID","time":1,"messaging":[{{bad}},{{MetaSamples.Text("m_good", "the good one", 2)}}]},{"id":"PAGE_ID","time":1,"messaging":"oops"}]}""";

        using var response = await Host.PostWebhookAsync(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Graph.WaitForRequestsAsync(1);

        Assert.Equal(["text:the good one"], MessengerTestHost.SentTexts(Graph));
        var rejected = await Rejected.ListRecentAsync();
        Assert.Equal(["entry[0].messaging[0]", "entry[1]"], rejected.Select(r => r.Location).Order());
    }

    [Fact]
    public async Task ARedeliveredHostileBody_IsCountedOnce()
    {
        const string body = """{"object":"page","entry":[{"id":"PAGE_ID","time":1,"messaging":[{"sender":{"id":1},"timestamp":1,"message":{}}]}]}""";

        await Host.PostWebhookAsync(body);
        await Host.PostWebhookAsync(body);

        Assert.Equal(1, (await Rejected.SummarizeAsync()).Count);
    }

    [Fact]
    public async Task AStoredEventThatCannotBeRead_IsParkedAtOnceWithoutRetry_AndThePersonsNextMessageRuns()
    {
        var partition = $"{MessengerTestHost.PageId}:{MetaSamples.Psid}";
        await Inbox.EnqueueAsync(partition, "mid:m_corrupt", """{"kind":"Message","pageId":"PAGE_ID","userId":{},"timestamp":"x"}""", DateTimeOffset.FromUnixTimeMilliseconds(1));

        await Host.PostWebhookAsync(MetaSamples.Envelope(MetaSamples.Text("m_after", "after the corrupt one", 2)));
        await Graph.WaitForRequestsAsync(1);

        Assert.Equal(["text:after the corrupt one"], MessengerTestHost.SentTexts(Graph));
        var parked = Assert.Single(await Inbox.ListParkedAsync());
        Assert.Equal("mid:m_corrupt", parked.DedupKey);
        Assert.Equal(1, parked.Attempts);
        Assert.Contains(nameof(UnprocessableInboxItemException), parked.LastError);
    }

    private async Task WaitUntilNothingPendingAsync()
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (await Host.PendingAsync() > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{await Host.PendingAsync()} events still pending");
            await Task.Delay(50);
        }
    }

    private static string Shorten(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Length <= 300 ? text : text[..300] + "...";
    }
}
