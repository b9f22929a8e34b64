using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GiftBot.Content.Tests;

public class AddBotContentTests
{
    private static IHost BuildHost(string? rootPath)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(rootPath is null ? [] : [new("Content:RootPath", rootPath)]);
        builder.Services.AddBotContent(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public async Task RegistersContentServices_FromTheDefaultContentFolder()
    {
        using var host = BuildHost(rootPath: null); // "content", found beside the test assembly
        await host.StartAsync();

        var text = host.Services.GetRequiredService<IBotText>();
        var persona = host.Services.GetRequiredService<PersonaProfile>();
        var tokens = host.Services.GetRequiredService<BotTokens>().ForShopper(new ShopperTokens("Sam", "en_US", "-5"));

        Assert.StartsWith("Hi Sam!", text.Get("persona.welcome", "en_US", tokens));
        Assert.Equal(persona.Name, tokens[TokenNames.PersonaName]);
        Assert.NotEmpty(host.Services.GetRequiredService<FaqCatalog>().Entries);
        Assert.NotNull(host.Services.GetRequiredService<OpeningHours>().Zone);
        Assert.NotNull(host.Services.GetRequiredService<PageInfo>().Website);
        await host.StopAsync();
    }

    [Fact]
    public async Task FailsAtStartUp_NamingTheMissingFile()
    {
        using var content = new TempContent();
        content.Delete("hours.json");
        using var host = BuildHost(content.Root);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("hours.json", ex.Message);
        Assert.Contains("is missing", ex.Message);
    }

    [Fact]
    public async Task FailsAtStartUp_NamingTheMissingKey()
    {
        using var content = new TempContent();
        content.Replace("text/en-US/persona.json", "\"away\":", "\"awayy\":");
        using var host = BuildHost(content.Root);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("'persona.away' is missing", ex.Message);
    }

    [Fact]
    public async Task FailsAtStartUp_OnFaqErrors()
    {
        using var content = new TempContent();
        content.Write("faq.json", """{"entries": [{"id": "a", "question": "Q?"}]}""");
        using var host = BuildHost(content.Root);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("entries[0].answer", ex.Message);
    }

    [Fact]
    public async Task FailsAtStartUp_WhenTheFolderIsNowhere()
    {
        using var host = BuildHost("no-such-content-folder");

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("no-such-content-folder", ex.Message);
        Assert.Contains("Content:RootPath", ex.Message);
    }
}
