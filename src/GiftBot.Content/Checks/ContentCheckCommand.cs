namespace GiftBot.Content;

/// <summary>
/// <c>content check [--root content] [--dictionaries DIR] [--no-spelling] [--warnings-as-errors]</c>: prints every finding
/// and exits 1 when there are errors (or warnings with --warnings-as-errors), 2 on bad usage, 0 otherwise, so a shop can
/// run it in its own CI.
/// </summary>
public static class ContentCheckCommand
{
    public const string Usage = "content check [--root content] [--dictionaries DIR] [--no-spelling] [--warnings-as-errors]";

    public static Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        string? root = null, dictionaries = null;
        bool spelling = true, strict = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--root" when i + 1 < args.Length: root = args[++i]; break;
                case "--dictionaries" when i + 1 < args.Length: dictionaries = args[++i]; break;
                case "--no-spelling": spelling = false; break;
                case "--warnings-as-errors": strict = true; break;
                case "-h" or "--help": output.WriteLine($"usage: {Usage}"); return Task.FromResult(0);
                default:
                    output.WriteLine($"content check: unexpected argument '{args[i]}'. usage: {Usage}");
                    return Task.FromResult(2);
            }
        }
        ct.ThrowIfCancellationRequested();
        var folder = ResolveFolder(root);
        output.WriteLine($"Checking content in {folder}");
        var findings = ContentChecker.Check(folder, new ContentCheckOptions
        {
            Spelling = spelling,
            Dictionaries = DictionaryLocator.Default(dictionaries is null ? null : Path.GetFullPath(dictionaries)),
        });
        foreach (var finding in findings) output.WriteLine(finding);
        var errors = findings.Count(f => f.Severity == FindingSeverity.Error);
        var warnings = findings.Count(f => f.Severity == FindingSeverity.Warning);
        var notes = findings.Count(f => f.Severity == FindingSeverity.Info);
        output.WriteLine($"{errors} error(s), {warnings} warning(s), {notes} note(s).");
        return Task.FromResult(errors > 0 || (strict && warnings > 0) ? 1 : 0);
    }

    // An explicit --root is relative to where the command runs; otherwise ./content, then the content copied beside the app.
    private static string ResolveFolder(string? root)
    {
        if (root is not null) return Path.GetFullPath(root);
        var local = Path.GetFullPath("content");
        if (Directory.Exists(local)) return local;
        try { return BotContent.ResolveRoot("content"); }
        catch (ContentLoadException) { return local; }
    }
}
