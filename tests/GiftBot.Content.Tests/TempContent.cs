namespace GiftBot.Content.Tests;

/// <summary>A throw-away copy of the shipped persona, Page, FAQ, hours and text files that a test can break on purpose.</summary>
internal sealed class TempContent : IDisposable
{
    public TempContent()
    {
        Root = Path.Combine(Path.GetTempPath(), "giftbot-content-" + Guid.NewGuid().ToString("N"));
        var shipped = BotContent.ResolveRoot("content");
        foreach (var file in new[] { "persona.json", "page.json", "faq.json", "hours.json", "spelling-allowlist.txt" })
            Copy(Path.Combine(shipped, file), Path.Combine(Root, file));
        foreach (var file in Directory.GetFiles(Path.Combine(shipped, "text"), "*.json", SearchOption.AllDirectories))
            Copy(file, Path.Combine(Root, Path.GetRelativePath(shipped, file)));
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public TempContent Write(string relative, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), text);
        return this;
    }

    public TempContent Delete(string relative)
    {
        File.Delete(PathOf(relative));
        return this;
    }

    /// <summary>Replaces one line of text in a file (the shipped files are the baseline every test starts from).</summary>
    public TempContent Replace(string relative, string from, string to)
    {
        var text = File.ReadAllText(PathOf(relative));
        Assert.Contains(from, text);
        return Write(relative, text.Replace(from, to, StringComparison.Ordinal));
    }

    public IReadOnlyList<ContentFinding> Check() => ContentChecker.Check(Root, new ContentCheckOptions { Spelling = false });

    public IReadOnlyList<ContentFinding> Errors() => Check().Where(f => f.Severity == FindingSeverity.Error).ToList();

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } // best effort: temp folder
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
    }
}
