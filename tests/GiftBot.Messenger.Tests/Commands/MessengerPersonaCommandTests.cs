using GiftBot.Messenger.Commands;
using GiftBot.Messenger.Tests.Support;
using GiftBot.Testing;
using Microsoft.Extensions.Configuration;

namespace GiftBot.Messenger.Tests.Commands;

public sealed class MessengerPersonaCommandTests : IAsyncLifetime, IDisposable
{
    private const string PersonasPath = "/v25.0/" + MessengerTestHost.PageId + "/personas";
    private readonly TempDatabase _folder = new();
    private RecordingHttpServer _graph = null!;
    private IConfiguration _configuration = null!;
    private int _created;

    public async Task InitializeAsync()
    {
        _graph = await RecordingHttpServer.StartAsync();
        _graph.On("POST", PersonasPath).Respond(_ => ScriptedResponse.Json(200, new { id = $"persona-{Interlocked.Increment(ref _created)}" }));
        _configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Facebook:PageAccessToken"] = MessengerTestHost.PageToken,
            ["Facebook:AppSecret"] = MessengerTestHost.AppSecret,
            ["Facebook:PageId"] = MessengerTestHost.PageId,
            ["Facebook:GraphApiBaseUrl"] = _graph.BaseAddress.ToString(),
            ["Facebook:Send:BaseDelay"] = "00:00:00.001",
            ["Storage:DatabasePath"] = _folder.Path,
        }).Build();
        WritePersona("Pip", "https://shop.example/pip.png");
    }

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    public void Dispose() => _folder.Dispose();

    private void WritePersona(string name, string avatarUrl) =>
        File.WriteAllText(Path.Combine(_folder.Folder, "persona.json"), $$"""
            { "defaultLocale": "en-US", "avatarUrl": "{{avatarUrl}}",
              "locales": { "en-US": { "name": "{{name}}", "description": "Gift helper", "disclosure": ["virtual assistant"] } } }
            """);

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exitCode = await MessengerPersonaCommand.RunAsync(["--content", _folder.Folder, .. args], _configuration, output, CancellationToken.None);
        return (exitCode, output.ToString());
    }

    [Fact]
    public async Task CreatesThePersona_WithNameAndPicture_AndAppSecretProof()
    {
        var (exitCode, output) = await RunAsync();

        Assert.Equal(0, exitCode);
        var request = Assert.Single(_graph.RequestsTo(PersonasPath));
        Assert.Equal("Pip", (string?)request.Json!["name"]);
        Assert.Equal("https://shop.example/pip.png", (string?)request.Json["profile_picture_url"]);
        Assert.True(request.Query.ContainsKey("appsecret_proof"));
        Assert.Contains("persona-1", output);
        Assert.DoesNotContain(MessengerTestHost.PageToken, output);
    }

    [Fact]
    public async Task SecondRun_WithTheSameContent_SendsNothing()
    {
        await RunAsync();

        var (exitCode, output) = await RunAsync();

        Assert.Equal(0, exitCode);
        Assert.Single(_graph.RequestsTo(PersonasPath));
        Assert.Contains("nothing to do", output);
    }

    [Fact]
    public async Task ChangedPicture_CreatesANewPersona_WhoseIdIsStored()
    {
        await RunAsync();
        WritePersona("Pip", "https://shop.example/pip-winter.png");

        var (exitCode, output) = await RunAsync();
        var (_, third) = await RunAsync();

        Assert.Equal(0, exitCode);
        Assert.Equal(2, _graph.RequestsTo(PersonasPath).Count);
        Assert.Equal("https://shop.example/pip-winter.png", (string?)_graph.RequestsTo(PersonasPath)[1].Json!["profile_picture_url"]);
        Assert.Contains("persona-2", output);
        Assert.Contains("persona-2", third);
    }

    [Fact]
    public async Task DryRun_SaysWhatItWouldDo_AndSendsNothing()
    {
        var (exitCode, output) = await RunAsync("--dry-run");

        Assert.Equal(0, exitCode);
        Assert.Empty(_graph.Requests);
        Assert.Contains("Would create persona \"Pip\"", output);
    }

    [Fact]
    public async Task NonHttpsAvatar_IsRefused_WithExitCode2()
    {
        WritePersona("Pip", "ftp://shop.example/pip.png");

        var (exitCode, output) = await RunAsync();

        Assert.Equal(2, exitCode);
        Assert.Contains("avatarUrl", output);
        Assert.Empty(_graph.Requests);
    }
}
