namespace GiftBot.Content;

public enum FindingSeverity { Info, Warning, Error }

/// <summary>One problem found in a content file: <see cref="File"/> is relative to the content root, <see cref="Path"/> the key or JSON path.</summary>
public sealed record ContentFinding(FindingSeverity Severity, string File, string? Path, string Message)
{
    public override string ToString() =>
        $"{Severity.ToString().ToLowerInvariant()}: {File}{(Path is null ? "" : $" [{Path}]")}: {Message}";
}

/// <summary>Collects findings with file names made relative to the content root, so reports read the same on every machine.</summary>
internal sealed class Findings(string root)
{
    private readonly List<ContentFinding> _items = [];

    public IReadOnlyList<ContentFinding> Items => _items;

    public void Error(string file, string? path, string message) => Add(FindingSeverity.Error, file, path, message);
    public void Warning(string file, string? path, string message) => Add(FindingSeverity.Warning, file, path, message);
    public void Info(string file, string? path, string message) => Add(FindingSeverity.Info, file, path, message);

    public void Add(FindingSeverity severity, string file, string? path, string message)
    {
        var relative = System.IO.Path.IsPathRooted(file) ? System.IO.Path.GetRelativePath(root, file) : file;
        _items.Add(new ContentFinding(severity, relative.Replace('\\', '/'), string.IsNullOrEmpty(path) ? null : path, message));
    }

    public void Add(ContentLoadException ex) => Error(ex.File, ex.Path, ex.Problem);
}
