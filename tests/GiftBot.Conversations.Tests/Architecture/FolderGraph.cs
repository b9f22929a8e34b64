using System.Text.RegularExpressions;

namespace GiftBot.Conversations.Tests.Architecture;

/// <summary>
/// Which folder of a project uses which, read from the source without a compiler: a folder depends on another when one
/// of its files has <c>using GiftBot.Conversations.Other;</c> or names a type declared there (comments and strings aside).
/// </summary>
public sealed partial class FolderGraph
{
    private FolderGraph(IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> edges) => Edges = edges;

    /// <summary>Folder → folders it uses → why (file and the type or using that ties them).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Edges { get; }

    public const string RootFolder = "(root)";

    public static FolderGraph Read(string projectDirectory, string rootNamespace)
    {
        var files = Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(Path.GetRelativePath(projectDirectory, path)))
            .Select(path => (Path: path, Folder: FolderOf(projectDirectory, path), Code: StripCommentsAndStrings(File.ReadAllText(path))))
            .ToList();
        var declaredIn = files
            .SelectMany(file => Declarations().Matches(file.Code).Select(m => (Type: m.Groups[1].Value, file.Folder)))
            .GroupBy(d => d.Type).ToDictionary(g => g.Key, g => g.Select(d => d.Folder).ToHashSet());
        var usingPattern = new Regex(@"\busing\s+" + Regex.Escape(rootNamespace) + @"\.(\w+)\s*;");

        var edges = new Dictionary<string, Dictionary<string, List<string>>>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.Path);
            var reasons = usingPattern.Matches(file.Code).Select(m => (Folder: m.Groups[1].Value, Why: $"{name}: using"))
                .Concat(Identifiers().Matches(file.Code).Select(m => m.Value).Distinct()
                    .Where(declaredIn.ContainsKey)
                    .Where(type => !declaredIn[type].Contains(file.Folder)) // a name of its own folder shadows others'
                    .SelectMany(type => declaredIn[type].Select(folder => (Folder: folder, Why: $"{name}: {type}"))));
            foreach (var (folder, why) in reasons.Where(r => r.Folder != file.Folder))
            {
                var targets = edges.TryGetValue(file.Folder, out var t) ? t : edges[file.Folder] = [];
                (targets.TryGetValue(folder, out var list) ? list : targets[folder] = []).Add(why);
            }
        }
        return FromEdges(edges.ToDictionary(e => e.Key, e => e.Value.ToDictionary(t => t.Key, t => (IReadOnlyList<string>)t.Value)));
    }

    public static FolderGraph FromEdges(IDictionary<string, Dictionary<string, IReadOnlyList<string>>> edges) =>
        new(edges.ToDictionary(e => e.Key, e => (IReadOnlyDictionary<string, IReadOnlyList<string>>)e.Value));

    /// <summary>Every loop, as the folders on it in order (the first repeated at the end); empty when the graph is acyclic.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var cycles = new List<IReadOnlyList<string>>();
        var state = new Dictionary<string, bool>(); // false: on the current path, true: done
        var path = new List<string>();
        foreach (var start in Edges.Keys.Order()) Visit(start);
        return cycles;

        void Visit(string folder)
        {
            if (state.TryGetValue(folder, out var done))
            {
                if (!done) cycles.Add([.. path.Skip(path.IndexOf(folder)), folder]);
                return;
            }
            state[folder] = false;
            path.Add(folder);
            foreach (var next in (Edges.TryGetValue(folder, out var targets) ? targets.Keys : []).Order()) Visit(next);
            path.RemoveAt(path.Count - 1);
            state[folder] = true;
        }
    }

    private static string FolderOf(string projectDirectory, string path)
    {
        var relative = Path.GetRelativePath(projectDirectory, Path.GetDirectoryName(path)!);
        return relative == "." ? RootFolder : relative.Split(Path.DirectorySeparatorChar)[0];
    }

    private static bool IsBuildOutput(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj";

    // One pass, left to right, so "//" inside a string is not taken for a comment.
    private static string StripCommentsAndStrings(string code) =>
        CommentsAndStrings().Replace(code, m => m.Value.StartsWith('/') ? " " : "\"\"");

    [GeneratedRegex("/\\*.*?\\*/|//[^\\n]*|@?\\$?\"(?:[^\"\\\\\\n]|\\\\.)*\"", RegexOptions.Singleline)]
    private static partial Regex CommentsAndStrings();

    [GeneratedRegex(@"\b(?:class|record|interface|enum|struct)\s+([A-Z]\w*)")]
    private static partial Regex Declarations();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex Identifiers();
}
