namespace GiftBot.Content;

/// <summary>A content file that cannot be used: says which file and which key, so the marketer can fix it.</summary>
public sealed class ContentLoadException(string file, string? path, string problem)
    : Exception(path is null ? $"{file}: {problem}" : $"{file}: '{path}' {problem}")
{
    public string File { get; } = file;
    public string? Path { get; } = path;
    public string Problem { get; } = problem;
}
