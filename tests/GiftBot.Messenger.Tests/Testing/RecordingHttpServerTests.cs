using System.Net;
using System.Text;
using GiftBot.Testing;

namespace GiftBot.Messenger.Tests.Testing;

public sealed class RecordingHttpServerTests
{
    [Fact]
    public async Task RecordsRequest_AndAnswersScriptedSequenceThenRepeatsLast()
    {
        await using var server = await RecordingHttpServer.StartAsync();
        server.On("POST", "/v1/things").RespondSequence(
            ScriptedResponse.Json(500, new { error = "boom" }),
            ScriptedResponse.Ok(new { id = "42" }));
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var content = new StringContent("{\"name\":\"é\"}", Encoding.UTF8, "application/json");
            using var response = await client.PostAsync("v1/things?a=1&b=x%20y", content);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        var first = server.Requests[0];
        Assert.Equal("POST", first.Method);
        Assert.Equal("/v1/things", first.Path);
        Assert.Equal("x y", first.Query["b"]);
        Assert.StartsWith("application/json", first.Header("Content-Type"));
        Assert.Equal("é", first.Json!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnswersUnscriptedRequests_With404()
    {
        await using var server = await RecordingHttpServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        using var response = await client.GetAsync("nothing/here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Single(server.RequestsTo("/nothing/here", "GET"));
    }

    [Fact]
    public async Task WaitForRequests_ThrowsTimeout_WhenTooFewArrive()
    {
        await using var server = await RecordingHttpServer.StartAsync();

        await Assert.ThrowsAsync<TimeoutException>(() => server.WaitForRequestsAsync(1, timeout: TimeSpan.FromMilliseconds(50)));
    }
}
