using GiftBot.Messenger.Commands;
using GiftBot.Messenger.Tests.Support;
using GiftBot.Testing;
using Microsoft.Extensions.Configuration;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Tests.Commands;

public sealed class MessengerProfileCommandTests : IAsyncLifetime, IDisposable
{
    private const string ProfilePath = "/v25.0/me/messenger_profile";
    private readonly TempDatabase _folder = new();
    private RecordingHttpServer _graph = null!;
    private IConfiguration _configuration = null!;

    public async Task InitializeAsync()
    {
        _graph = await RecordingHttpServer.StartAsync();
        _graph.On("POST", ProfilePath).Respond(200, new { result = "success" });
        _configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Facebook:PageAccessToken"] = MessengerTestHost.PageToken,
            ["Facebook:AppSecret"] = MessengerTestHost.AppSecret,
            ["Facebook:GraphApiBaseUrl"] = _graph.BaseAddress.ToString(),
            ["Facebook:Send:BaseDelay"] = "00:00:00.001",
        }).Build();
    }

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    public void Dispose() => _folder.Dispose();

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exitCode = await MessengerProfileCommand.RunAsync(args, _configuration, output, CancellationToken.None);
        return (exitCode, output.ToString());
    }

    private string WriteProfile(string json)
    {
        var path = Path.Combine(_folder.Folder, "messenger-profile.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static JObject ShippedProfile() =>
        JObject.Parse(File.ReadAllText(Path.Combine(RepositoryContent.Root, MessengerProfileCommand.FileName)), new Newtonsoft.Json.Linq.JsonLoadSettings { CommentHandling = CommentHandling.Ignore });

    [Fact]
    public void ShippedProfileContent_PassesEveryLimit()
    {
        Assert.Empty(MessengerProfileValidator.Validate(ShippedProfile()));
    }

    [Fact]
    public async Task RefusesInvalidProfile_ListingEveryProblem_AndCallsNothing()
    {
        var path = WriteProfile("""
            {
              "greeting": [{ "locale": "en_US", "text": "LONG" }, { "locale": "fr_FR", "text": "Salut {{first_name}}" }],
              "ice_breakers": [{ "locale": "default", "call_to_actions": [
                {"question":"1","payload":"A"},{"question":"2","payload":"B"},{"question":"3","payload":"C"},{"question":"4","payload":"D"},{"question":"5","payload":"E"}] }],
              "persistent_menu": [{ "locale": "default", "call_to_actions": [
                { "type": "postback", "title": "A title that is much too long for the menu", "payload": "HELP" },
                { "type": "web_url", "title": "Shop", "url": "not a url" }] }]
            }
            """.Replace("LONG", new string('x', 161)));

        var (exitCode, output) = await RunAsync("--file", path);

        Assert.Equal(2, exitCode);
        Assert.Contains("greeting: a \"default\" locale is required", output);
        Assert.Contains("greeting[en_US].text: 161 characters, at most 160", output);
        Assert.Contains("{{first_name}} is not a Messenger placeholder", output);
        Assert.Contains("ice_breakers[default]: 1 to 4 questions allowed, found 5", output);
        Assert.Contains("persistent_menu: requires get_started", output);
        Assert.Contains("persistent_menu[default].title: 42 characters, at most 30", output);
        Assert.Contains("web_url needs an absolute http(s) url", output);
        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public async Task DryRun_ShowsWhatWouldChange_AndSendsNothing()
    {
        _graph.On("GET", ProfilePath).Respond(200, new { data = new[] { new { get_started = new { payload = "GET_STARTED" }, greeting = new[] { new { locale = "default", text = "Old greeting" } } } } });

        var (exitCode, output) = await RunAsync("--content", RepositoryContent.Root, "--dry-run");

        Assert.Equal(0, exitCode);
        Assert.Contains("= get_started: unchanged", output);
        Assert.Contains("~ greeting:", output);
        Assert.Contains("Old greeting", output);
        Assert.Contains("~ persistent_menu:", output);
        Assert.Contains("Dry run: 3 field(s) would change", output);
        Assert.Empty(_graph.RequestsTo(ProfilePath, "POST"));
        Assert.Equal("get_started,greeting,ice_breakers,persistent_menu", _graph.RequestsTo(ProfilePath, "GET").Single().Query["fields"]);
    }

    [Fact]
    public async Task Apply_SendsOnlyChangedFields_AndRunningTwiceSendsNothingMore()
    {
        _graph.On("GET", ProfilePath).Respond(200, new { data = new[] { new { get_started = new { payload = "GET_STARTED" } } } });

        var (firstExit, firstOutput) = await RunAsync("--content", RepositoryContent.Root);

        var posted = Assert.Single(_graph.RequestsTo(ProfilePath, "POST")).Json!.AsObject();
        Assert.Equal(0, firstExit);
        Assert.Equal(["greeting", "ice_breakers", "persistent_menu"], posted.Select(p => p.Key));
        Assert.Contains("Updated 3 field(s)", firstOutput);

        // The Page now holds what was sent (Meta echoes it back with its own defaults added).
        var nowOnPage = JObject.Parse(posted.ToJsonString());
        nowOnPage["get_started"] = new JObject { ["payload"] = "GET_STARTED" };
        ((JObject)nowOnPage["persistent_menu"]![0]!)["disabled_surfaces"] = new JArray();
        _graph.On("GET", ProfilePath).Respond(ScriptedResponse.Json(200, new JObject { ["data"] = new JArray(nowOnPage) }.ToString()));

        var (secondExit, secondOutput) = await RunAsync("--content", RepositoryContent.Root);

        Assert.Equal(0, secondExit);
        Assert.Contains("up to date; nothing sent", secondOutput);
        Assert.Single(_graph.RequestsTo(ProfilePath, "POST"));
    }

    [Fact]
    public async Task ReportsGraphApiRefusal_WithCodeAndTrace_AndExitCode1()
    {
        _graph.On("GET", ProfilePath).Respond(400, new { error = new { message = "Invalid OAuth access token.", type = "OAuthException", code = 190, fbtrace_id = "AbC" } });

        var (exitCode, output) = await RunAsync("--content", RepositoryContent.Root);

        Assert.Equal(1, exitCode);
        Assert.Contains("code 190 (InvalidToken), fbtrace_id AbC", output);
        Assert.DoesNotContain(MessengerTestHost.PageToken, output);
    }
}
