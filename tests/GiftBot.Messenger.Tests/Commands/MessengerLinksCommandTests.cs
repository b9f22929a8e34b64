using GiftBot.Content.EntryPoints;
using GiftBot.Messenger.Commands;
using GiftBot.Messenger.Tests.Support;
using Microsoft.Extensions.Configuration;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Tests.Commands;

public sealed class MessengerLinksCommandTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly TempDatabase _folder = new();
    private readonly IConfiguration _configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Facebook:PageName"] = "LittleWondersShop" }).Build();

    public void Dispose() => _folder.Dispose();

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exitCode = await MessengerLinksCommand.RunAsync(args, _configuration, output, CancellationToken.None);
        return (exitCode, output.ToString());
    }

    [Fact]
    public async Task PrintsMmeLinkAndWritesQrPng_ForEveryPreset_AndPrintsTheAdWelcomeMessage()
    {
        var outFolder = Path.Combine(_folder.Folder, "links");
        var presets = EntryPointsLoader.Load(Path.Combine(RepositoryContent.Root, EntryPointsLoader.FileName));

        var (exitCode, output) = await RunAsync("--content", RepositoryContent.Root, "--out", outFolder);

        Assert.Equal(0, exitCode);
        Assert.NotEmpty(presets.Presets);
        foreach (var preset in presets.Presets)
        {
            Assert.Contains($"https://m.me/LittleWondersShop?ref={preset.Ref}", output);
            var png = await File.ReadAllBytesAsync(Path.Combine(outFolder, $"{preset.Ref}.png"));
            Assert.Equal(PngSignature, png.Take(8));
            Assert.True(png.Length > 200);
        }
        var ad = JArray.Parse(await File.ReadAllTextAsync(Path.Combine(outFolder, MessengerLinksCommand.AdFileName)));
        var message = ad[0]!["message"]!;
        Assert.Equal(presets.AdGreeting, message.Value<string>("text"));
        Assert.Equal(presets.Presets.Select(p => $"PRESET:{p.Ref}"), message["quick_replies"]!.Select(q => q.Value<string>("payload")));
        Assert.All(message["quick_replies"]!, q => Assert.True(q.Value<string>("title")!.Length <= 20));
        Assert.Contains("\"payload\": \"PRESET:space-gifts\"", output);
    }

    [Fact]
    public async Task RefusesToRun_WithoutAPageName()
    {
        var output = new StringWriter();

        var exitCode = await MessengerLinksCommand.RunAsync(["--content", RepositoryContent.Root], new ConfigurationBuilder().Build(), output, CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.Contains("--page", output.ToString());
    }

    [Fact]
    public async Task ReportsEveryProblemInEntryPoints_ByPresetRef()
    {
        var content = Path.Combine(_folder.Folder, "content");
        Directory.CreateDirectory(content);
        await File.WriteAllTextAsync(Path.Combine(content, EntryPointsLoader.FileName), """
            { "presets": [
              { "ref": "space gifts", "label": "Space", "welcome": "Hi", "giftFinder": {} },
              { "ref": "dup", "label": "A label far too long for Messenger", "welcome": "Hi", "faqTopic": "returns" },
              { "ref": "dup", "label": "Dup", "faqTopic": "returns", "giftFinder": { "ageMin": 9, "ageMax": 3 } },
              { "ref": "share-abc", "label": "Share", "welcome": "Hi", "faqTopic": "returns" }
            ] }
            """);

        var (exitCode, output) = await RunAsync("--content", content, "--out", Path.Combine(_folder.Folder, "out"));

        Assert.Equal(2, exitCode);
        Assert.Contains("space gifts: ref must be", output);
        Assert.Contains("dup: label must be 1-20 characters", output);
        Assert.Contains("dup: ref is used twice", output);
        Assert.Contains("dup: needs a welcome line", output);
        Assert.Contains("dup: needs exactly one of giftFinder or faqTopic", output);
        Assert.Contains("dup: ageMin/ageMax", output);
        Assert.Contains("share-abc: refs starting with 'share-' are reserved", output);
    }

    [Fact]
    public void ShareRef_RoundTripsOpaqueSharerCodes()
    {
        Assert.Equal("share-k9Q_2", ShareRef.Create("k9Q_2"));
        Assert.True(ShareRef.TryParse("share-k9Q_2", out var code));
        Assert.Equal("k9Q_2", code);
        Assert.False(ShareRef.TryParse("space-gifts", out _));
        Assert.Throws<ArgumentException>(() => ShareRef.Create("has spaces"));
    }
}
