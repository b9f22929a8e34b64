using GiftBot.Customers.Tagging;
using GiftBot.Customers.Tests.Support;
using Microsoft.Extensions.Options;

namespace GiftBot.Customers.Tests.Tagging;

public sealed class TaggerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("giftbot-tagging-").FullName;

    [Fact]
    public async Task TagsSomeoneAskingForAPerson_ByTheShippedRules()
    {
        using var services = new CustomerServices(settings: new Dictionary<string, string?> { ["Tagging:RulesFile"] = ShippedRulesFile() });

        var added = await services.Get<ITagger>().ApplyAsync("facebook", "psid-1", "TalkToHuman", null, default);

        Assert.Equal(["needs agent"], added);
        Assert.Equal(["needs agent"], (await services.Store.GetAsync("facebook", "psid-1", default))!.Tags);
    }

    [Fact]
    public async Task TagsAnFaqTopic_AndAddsNothingTwice()
    {
        using var services = new CustomerServices(settings: new Dictionary<string, string?> { ["Tagging:RulesFile"] = ShippedRulesFile() });
        var tagger = services.Get<ITagger>();

        var first = await tagger.ApplyAsync("facebook", "psid-1", "Faq", "RETURNS", default);
        var second = await tagger.ApplyAsync("facebook", "psid-1", "Faq", "order-tracking", default);

        Assert.Equal(["order problem"], first);
        Assert.Empty(second);
        Assert.Equal(["order problem"], (await services.Store.GetAsync("facebook", "psid-1", default))!.Tags);
    }

    [Fact]
    public async Task UsesRulesFromConfiguration_NormalisingTheirTags()
    {
        using var services = new CustomerServices(settings: new Dictionary<string, string?>
        {
            ["Tagging:Rules:0:Intent"] = "Goodbye",
            ["Tagging:Rules:0:Tags:0"] = "  Left   Happy ",
        });

        var added = await services.Get<ITagger>().ApplyAsync("emulator", "u1", "goodbye", null, default);

        Assert.Equal(["left happy"], added);
    }

    [Fact]
    public async Task TagsNothing_WhenNoRuleMatches()
    {
        using var services = new CustomerServices(settings: new Dictionary<string, string?> { ["Tagging:RulesFile"] = ShippedRulesFile() });

        var added = await services.Get<ITagger>().ApplyAsync("facebook", "psid-1", "FindGift", null, default);

        Assert.Empty(added);
        Assert.Null(await services.Store.GetAsync("facebook", "psid-1", default));
    }

    [Fact]
    public void FailsStartUp_NamingTheFileAndLine_WhenTheRulesFileIsMalformed()
    {
        var path = Path.Combine(_folder, "tagging.json");
        File.WriteAllText(path, "{\n  \"rules\": [\n    { \"intent\": \"TalkToHuman\", \"tags\": \"needs agent\" }\n  ]\n}");
        using var services = new CustomerServices(settings: new Dictionary<string, string?> { ["Tagging:RulesFile"] = path });

        var error = Assert.Throws<OptionsValidationException>(services.ValidateOptions);

        Assert.Contains(path, error.Message);
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void FailsStartUp_ForARuleWithoutTagsOrWithBothMatchers()
    {
        var path = Path.Combine(_folder, "tagging.json");
        File.WriteAllText(path, """{ "rules": [ { "intent": "Help", "tags": [] }, { "intent": "Help", "faqTopic": "returns", "tags": ["x"] } ] }""");
        using var services = new CustomerServices(settings: new Dictionary<string, string?> { ["Tagging:RulesFile"] = path });

        var error = Assert.Throws<OptionsValidationException>(services.ValidateOptions);

        Assert.Contains("rule 1: \"tags\" must list at least one tag", error.Message);
        Assert.Contains("rule 2: give exactly one of \"intent\" or \"faqTopic\"", error.Message);
    }

    [Fact]
    public void FailsStartUp_WhenAConfiguredRulesFileIsMissing()
    {
        using var services = new CustomerServices(settings: new Dictionary<string, string?> { ["Tagging:RulesFile"] = Path.Combine(_folder, "missing.json") });

        var error = Assert.Throws<OptionsValidationException>(services.ValidateOptions);

        Assert.Contains("Tagging:RulesFile", error.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The marketer's file in the repository's content folder.</summary>
    private static string ShippedRulesFile()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "GiftBot.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Repository root not found"), "content", TaggingOptions.DefaultFileName);
    }
}
