namespace GiftBot.Content.Tests;

public class ContentCheckCommandTests
{
    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await ContentCheckCommand.RunAsync(args, output, CancellationToken.None);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task ExitsZero_ForValidContent()
    {
        using var content = new TempContent();

        var (exit, output) = await RunAsync("--root", content.Root, "--no-spelling");

        Assert.Equal(0, exit);
        Assert.Contains("0 error(s)", output);
    }

    [Fact]
    public async Task ExitsOne_AndPrintsEachError_WhenContentHasErrors()
    {
        using var content = new TempContent();
        content.Replace("text/en-US/persona.json", "Happy gifting.", "Happy gifting {{frist_name}}.");

        var (exit, output) = await RunAsync("--root", content.Root, "--no-spelling");

        Assert.Equal(1, exit);
        Assert.Contains("error: text/en-US/persona.json [persona.thanks]: unknown token {{frist_name}}", output);
        Assert.Contains("1 error(s)", output);
    }

    [Fact]
    public async Task WarningsFailOnlyWithWarningsAsErrors()
    {
        using var content = new TempContent();
        content.Write("text/en-US/extra.json", """{"extra": {"line": "Only in English"}}""");

        Assert.Equal(0, (await RunAsync("--root", content.Root, "--no-spelling")).Exit);
        Assert.Equal(1, (await RunAsync("--root", content.Root, "--no-spelling", "--warnings-as-errors")).Exit);
    }

    [Fact]
    public async Task ExitsOne_WhenTheFolderDoesNotExist()
    {
        var (exit, output) = await RunAsync("--root", Path.Combine(Path.GetTempPath(), "no-such-content-" + Guid.NewGuid()));

        Assert.Equal(1, exit);
        Assert.Contains("is not a folder", output);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--root")]
    public async Task ExitsTwo_OnBadUsage_ShowingTheUsage(string argument)
    {
        var (exit, output) = await RunAsync(argument);

        Assert.Equal(2, exit);
        Assert.Contains(ContentCheckCommand.Usage, output);
    }

    // A dictionary in the folder given wins over the system's (which may or may not be installed): one that knows no
    // English word flags the shipped lines' everyday words.
    [Fact]
    public async Task SpellingUsesTheDictionaryFolderGiven()
    {
        using var content = new TempContent();
        var folder = Path.Combine(content.Root, "dictionaries");
        content.Write("dictionaries/en_US.aff", "SET UTF-8\n").Write("dictionaries/en_US.dic", "1\nzzzz\n");

        var (_, output) = await RunAsync("--root", content.Root, "--dictionaries", folder);

        Assert.Contains("possible misspelling", output);
        Assert.Contains("\"gift\"", output, StringComparison.OrdinalIgnoreCase);
    }
}
