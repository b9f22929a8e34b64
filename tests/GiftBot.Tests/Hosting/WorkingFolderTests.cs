using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GiftBot.Messenger.Webhook;
using GiftBot.Testing;

namespace GiftBot.Tests.Hosting;

/// <summary>
/// The README's `dotnet run --project src/GiftBot` runs the host in the project's folder, which holds no content/: every
/// content file must still be found next to the app, as the persona and FAQ are.
/// </summary>
public sealed class WorkingFolderTests : IAsyncLifetime
{
    private const string AppSecret = "working-folder-secret";
    private const string PageId = "1000077";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "giftbot-working-folder-tests", Guid.NewGuid().ToString("N"));
    private RecordingHttpServer _graph = null!;

    public async Task InitializeAsync()
    {
        // Like src/GiftBot: the settings files, no content/.
        Directory.CreateDirectory(Path.Combine(_folder, "cwd"));
        foreach (var settings in Directory.GetFiles(GiftBotProcess.HostBuildFolder(), "appsettings*.json"))
            File.Copy(settings, Path.Combine(_folder, "cwd", Path.GetFileName(settings)));
        _graph = await RecordingHttpServer.StartAsync();
        _graph.On("POST", "/v25.0/me/messages").Respond(200, new { recipient_id = "x", message_id = "m_sent" });
        _graph.On("GET", "/v25.0/*").Respond(200, new { first_name = "Ann" });
        _graph.On("POST", "/v25.0/*").Respond(200, new { success = true });
    }

    public async Task DisposeAsync()
    {
        await _graph.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task AnMmeLinksRef_StartsItsPreset_WhenTheHostRunsInAFolderWithoutContent()
    {
        await using var host = await GiftBotProcess.StartAsync(new Dictionary<string, string>
        {
            ["Storage__DatabasePath"] = Path.Combine(_folder, "giftbot.db"),
            ["Catalog__DatabasePath"] = Path.Combine(_folder, "catalog.db"),
            ["Facebook__AppId"] = "3000077",
            ["Facebook__AppSecret"] = AppSecret,
            ["Facebook__PageAccessToken"] = "working-folder-token",
            ["Facebook__VerifyToken"] = "working-folder-verify",
            ["Facebook__PageId"] = PageId,
            ["Facebook__GraphApiBaseUrl"] = _graph.BaseAddress.ToString(),
            ["MicrosoftAppId"] = "",
            ["MicrosoftAppPassword"] = "",
        }, TimeSpan.FromSeconds(120), workingDirectory: Path.Combine(_folder, "cwd"));
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        var referral = new JsonObject
        {
            ["object"] = "page",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = PageId,
                ["time"] = 1_700_000_000_000,
                ["messaging"] = new JsonArray(new JsonObject
                {
                    ["sender"] = new JsonObject { ["id"] = "psid-working-folder" },
                    ["recipient"] = new JsonObject { ["id"] = PageId },
                    ["timestamp"] = 1_700_000_000_000,
                    ["referral"] = new JsonObject { ["ref"] = "space-gifts", ["source"] = "SHORTLINK", ["type"] = "OPEN_THREAD" },
                }),
            }),
        };
        var bytes = Encoding.UTF8.GetBytes(referral.ToJsonString());
        var request = new HttpRequestMessage(HttpMethod.Post, "api/facebook") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Sign(bytes, AppSecret));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);

        // content/entry-points.json: the "space-gifts" preset's own welcome line, not the normal one.
        var sends = await _graph.WaitForRequestsAsync(1, r => r.Path == "/v25.0/me/messages"
            && JsonNode.Parse(r.Body)?["message"]?["text"]?.GetValue<string>() == "Looking for space gifts? Let's find one.", TimeSpan.FromSeconds(60));
        Assert.Single(sends);
        Assert.DoesNotContain("No entry presets file", host.RecentOutput, StringComparison.Ordinal);
    }
}
