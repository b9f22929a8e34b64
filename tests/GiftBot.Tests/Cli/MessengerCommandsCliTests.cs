namespace GiftBot.Tests.Cli;

/// <summary>The Messenger set-up commands as a shop owner first tries them: before any Facebook setting exists.</summary>
public sealed class MessengerCommandsCliTests : IDisposable
{
    private readonly ShopCheckout _shop = new();
    private readonly string _content = Path.Combine(ShopCheckout.RepositoryRoot(), "content");

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task ProfileDryRun_ChecksTheFileAndShowsWhatItWouldSend_WithoutFacebookSettings()
    {
        var run = await CliProcess.RunAsync(_shop.Root, "messenger", "profile", "--dry-run", "--content", _content);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("+ get_started:", run.Output);
        Assert.Contains("Facebook:PageAccessToken is not set", run.Output);
        Assert.Contains("nothing sent", run.Output);
    }

    [Fact]
    public async Task PersonaDryRun_SaysWhatItWouldRegister_WithoutFacebookSettings()
    {
        var run = await CliProcess.RunAsync(_shop.Root, "messenger", "persona", "--dry-run", "--content", _content);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Would create persona \"Pip\"", run.Output);
        Assert.Contains("nothing sent", run.Output);
    }

    [Fact]
    public async Task AWrongFacebookSetting_IsOneLineNamingTheKey()
    {
        _shop.Write(".env", "Facebook__PageAccessToken=token\nFacebook__GraphApiBaseUrl=graph-facebook-com\n");

        var run = await CliProcess.RunAsync(_shop.Root, "messenger", "profile", "--content", _content);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Facebook:GraphApiBaseUrl", line);
        Assert.DoesNotContain("   at ", run.Output + run.Errors); // no stack frame
    }
}
