using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GiftBot.Testing.BotFramework;
using GiftBot.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Tests.Bot;

/// <summary>Whatever arrives on /api/messages, a bad body gets a 4xx with a short problem text, never a 500, and the bot never runs.</summary>
public sealed class MalformedActivityTests(MalformedActivityTests.Host host) : IClassFixture<MalformedActivityTests.Host>
{
    private const string Valid = """{"type":"message","id":"a1","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/","from":{"id":"u1"},"recipient":{"id":"b1"},"conversation":{"id":"c1"},"text":"hi"}""";
    /// <summary>A host with a 4 KB activity limit whose bot counts its turns (there must be none).</summary>
    public sealed class Host : BotHostFixture
    {
        private int _turns;

        public int Turns => _turns;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Bot:MaxActivityBytes"] = "4096" };

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddTransient<Microsoft.Bot.Builder.IBot>(_ => new DelegateBot((_, _) => { Interlocked.Increment(ref _turns); return Task.CompletedTask; }));
    }

    private GiftBotApp App => host.App;

    public static TheoryData<string, string> BadBodies => new()
    {
        { "", "empty" },
        { "{bad", "not valid JSON" },
        { "[1,2,3]", "JSON object" },
        { "\"hello\"", "JSON object" },
        { "null", "JSON object" },
        { "{}", "type" },
        { """{"type":"message"}""", "conversation.id" },
        { Valid.Replace("\"conversation\":{\"id\":\"c1\"},", ""), "conversation.id" },
        { Valid.Replace("\"from\":{\"id\":\"u1\"},", ""), "from.id" },
        { Valid.Replace("http://127.0.0.1:9/", "not a url"), "serviceUrl" },
        { Valid.Replace("http://127.0.0.1:9/", "file:///etc/passwd"), "serviceUrl" },
        { Valid + " {}", "not valid JSON" },
        { Valid.Replace("\"text\":\"hi\"", "\"timestamp\":\"yesterday\""), "not valid JSON" },
        { Valid.Replace("\"text\":\"hi\"", "\"channelData\":" + new string('[', 200) + new string(']', 200)), "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Rejects_MalformedBody_With400AndAProblem(string body, string expectedReason)
    {
        var response = await App.CreateClient().PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains(expectedReason, problem["detail"]!.GetValue<string>());
        Assert.Equal(0, host.Turns);
    }

    [Fact]
    public async Task Rejects_BodyOverTheConfiguredLimit_With413()
    {
        var activity = EmulatorActivities.Message("http://127.0.0.1:9/", "c1", new string('x', 5000));

        var response = await App.CreateClient().PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("4096", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>());
        Assert.Equal(0, host.Turns);
    }

    [Fact]
    public async Task Rejects_OversizedBodyWithoutContentLength_With413()
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Valid.Replace("\"hi\"", $"\"{new string('y', 6000)}\""))));
        content.Headers.ContentType = new("application/json");
        content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await App.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, host.Turns);
    }
}
