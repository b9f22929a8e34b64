using GiftBot.Customers.Window;
using GiftBot.Messenger.Graph;
using GiftBot.Messenger.Tests.Support;
using GiftBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Tests.Graph;

public sealed class GraphApiClientTests : IAsyncLifetime
{
    private const string Path = MessengerTestHost.MessagesPath;
    private readonly LogCollector _logs = new();
    private RecordingHttpServer _graph = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _graph = await RecordingHttpServer.StartAsync();
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        services.Configure<FacebookOptions>(o =>
        {
            o.AppSecret = MessengerTestHost.AppSecret;
            o.PageAccessToken = MessengerTestHost.PageToken;
            o.GraphApiBaseUrl = _graph.BaseAddress.ToString();
            o.Send = new GraphApiRetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(1), AttemptTimeout = TimeSpan.FromSeconds(1.5) };
        });
        services.AddGraphApiClient();
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _graph.DisposeAsync();
    }

    private GraphApiClient Client => _services.GetRequiredService<GraphApiClient>();

    private static JObject TextMessage(string text = "hello") =>
        new() { ["recipient"] = new JObject { ["id"] = "PSID" }, ["messaging_type"] = "RESPONSE", ["message"] = new JObject { ["text"] = text } };

    private static ScriptedResponse Error(int status, int code, int? subcode = null, string message = "Graph says no") =>
        ScriptedResponse.Json(status, new { error = new { message, type = "OAuthException", code, error_subcode = subcode, fbtrace_id = "BLBz/WZt8dN" } });

    [Fact]
    public async Task SendsToVersionedMessagesPath_WithTokenAndAppSecretProof()
    {
        _graph.On("POST", Path).Respond(200, new { recipient_id = "PSID", message_id = "m_AG5Hz2U" });

        var result = await Client.SendMessageAsync(TextMessage("hello, world"), CancellationToken.None);

        Assert.Equal("m_AG5Hz2U", result.MessageId);
        var request = Assert.Single(_graph.Requests);
        Assert.Equal(MessengerTestHost.PageToken, request.Query["access_token"]);
        var expectedProof = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(MessengerTestHost.AppSecret), System.Text.Encoding.UTF8.GetBytes(MessengerTestHost.PageToken)));
        Assert.Equal(expectedProof, request.Query["appsecret_proof"]);
        Assert.Equal("hello, world", (string?)request.Json!["message"]!["text"]);
    }

    [Fact]
    public async Task RetriesServerErrors_WithBackoff_ThenSucceeds()
    {
        _graph.On("POST", Path).RespondSequence(ScriptedResponse.Json(500, new { }), Error(503, 2, message: "temporary"), ScriptedResponse.Ok(new { message_id = "m_3" }));

        var result = await Client.SendMessageAsync(TextMessage(), CancellationToken.None);

        Assert.Equal("m_3", result.MessageId);
        Assert.Equal(3, _graph.Requests.Count);
    }

    [Theory]
    [InlineData(400, 613, 2534040)]
    [InlineData(403, 4, null)]
    [InlineData(400, 2, null)]
    [InlineData(500, 1, null)]
    public async Task RetriesRateLimitsAndTemporaryErrors_AThenSurfacesThem_AfterABoundedNumberOfAttempts(int status, int code, int? subcode)
    {
        _graph.On("POST", Path).Respond(Error(status, code, subcode));

        var error = await Assert.ThrowsAsync<GraphApiException>(() => Client.SendMessageAsync(TextMessage(), CancellationToken.None));

        Assert.Equal(3, _graph.Requests.Count);
        Assert.Equal(code, error.Code);
        Assert.True(error.IsTransient);
    }

    [Theory]
    [InlineData(400, 10, 2018278, GraphApiErrorKind.OutsideMessagingWindow)]
    [InlineData(400, 551, null, GraphApiErrorKind.PersonUnavailable)]
    [InlineData(400, 200, 1545041, GraphApiErrorKind.PersonUnavailable)]
    [InlineData(400, 2018300, null, GraphApiErrorKind.ThreadControlledByAnotherApp)]
    [InlineData(401, 190, 463, GraphApiErrorKind.InvalidToken)]
    [InlineData(400, 100, null, GraphApiErrorKind.InvalidParameter)]
    [InlineData(403, 200, 2018028, GraphApiErrorKind.PermissionDenied)]
    public async Task SurfacesDocumentedErrors_AsTypedExceptions_WithoutRetrying(int status, int code, int? subcode, GraphApiErrorKind kind)
    {
        _graph.On("POST", Path).Respond(Error(status, code, subcode));

        var error = await Assert.ThrowsAsync<GraphApiException>(() => Client.SendMessageAsync(TextMessage(), CancellationToken.None));

        Assert.Single(_graph.Requests);
        Assert.Equal((kind, code, subcode, "BLBz/WZt8dN", status), (error.Kind, error.Code, error.ErrorSubcode, error.FbTraceId, error.HttpStatus));
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task RetriesTimeouts_ThenSucceeds()
    {
        _graph.On("POST", Path).RespondSequence(ScriptedResponse.Ok(new { message_id = "late" }) with { Delay = TimeSpan.FromSeconds(30) }, ScriptedResponse.Ok(new { message_id = "m_2" }));

        var result = await Client.SendMessageAsync(TextMessage(), CancellationToken.None);

        Assert.Equal("m_2", result.MessageId);
        Assert.Equal(2, _graph.Requests.Count);
    }

    [Fact]
    public async Task GivesUpOnPersistentServerErrors_AfterThreeAttempts()
    {
        _graph.On("POST", Path).Respond(ScriptedResponse.Text(502, "Bad gateway"));

        var error = await Assert.ThrowsAsync<GraphApiException>(() => Client.SendMessageAsync(TextMessage(), CancellationToken.None));

        Assert.Equal(GraphApiErrorKind.ServerError, error.Kind);
        Assert.Equal(3, _graph.Requests.Count);
    }

    [Theory]
    [InlineData("ACCOUNT_UPDATE")]
    [InlineData("CONFIRMED_EVENT_UPDATE")]
    [InlineData("post_purchase_update")]
    public async Task RefusesRetiredMessageTags_BeforeAnyHttpCall(string tag)
    {
        var message = TextMessage();
        message["messaging_type"] = "MESSAGE_TAG";
        message["tag"] = tag;

        var error = await Assert.ThrowsAsync<RetiredMessageTagException>(() => Client.SendMessageAsync(message, CancellationToken.None));

        Assert.Equal(tag.ToUpperInvariant(), error.Tag);
        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public async Task NeverLogsTheTokenOrTheSecret_EvenWhenCallsFailAndRetry()
    {
        _graph.On("POST", Path).RespondSequence(ScriptedResponse.Json(500, new { }), Error(400, 100));
        _graph.On("GET", "/v25.0/me/messenger_profile").Respond(200, new { data = Array.Empty<object>() });

        await Assert.ThrowsAsync<GraphApiException>(() => Client.SendMessageAsync(TextMessage(), CancellationToken.None));
        await Client.GetAsync("me/messenger_profile", new Dictionary<string, string> { ["fields"] = "greeting" }, CancellationToken.None);

        Assert.NotEmpty(_logs.Entries);
        Assert.DoesNotContain(MessengerTestHost.PageToken, _logs.AllText);
        Assert.DoesNotContain(MessengerTestHost.AppSecret, _logs.AllText);
        Assert.DoesNotContain("access_token", _logs.AllText);
    }
}
