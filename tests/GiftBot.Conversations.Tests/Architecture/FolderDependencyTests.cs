using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.Architecture;

/// <summary>Feature folders of GiftBot.Conversations never use each other in a loop (read from the source as it is).</summary>
public sealed class FolderDependencyTests
{
    private static readonly string ProjectDirectory = Path.Combine(RepoPaths.Root, "src", "GiftBot.Conversations");

    [Fact]
    public void ConversationFolders_HaveNoDependencyLoop()
    {
        var graph = FolderGraph.Read(ProjectDirectory, "GiftBot.Conversations");
        Assert.True(graph.Edges.Count > 10, "the source was not found or not read");
        var loops = graph.Cycles().Select(cycle => string.Join(" -> ", cycle) + "  because " + string.Join("; ",
            cycle.Zip(cycle.Skip(1), (from, to) => $"{from}->{to}: {string.Join(", ", graph.Edges[from][to].Take(3))}")));
        Assert.Empty(loops);
    }

    [Fact]
    public void SharedKernels_UseNoFeature()
    {
        string[] kernels = ["Text", "State", "Understanding", "Funnel", "Events", "Interruptions", "Pipeline", "Sharing"];
        var graph = FolderGraph.Read(ProjectDirectory, "GiftBot.Conversations");
        var leaks = kernels.SelectMany(kernel => (graph.Edges.TryGetValue(kernel, out var targets) ? targets : new Dictionary<string, IReadOnlyList<string>>())
            .Where(t => !kernels.Contains(t.Key)).Select(t => $"{kernel} -> {t.Key}: {string.Join(", ", t.Value.Take(3))}"));
        Assert.Empty(leaks);
    }

    [Fact]
    public void FindsALoop_ThroughATypeReference()
    {
        var directory = Directory.CreateTempSubdirectory("giftbot-folder-graph-");
        try
        {
            Write(directory.FullName, "A/Alpha.cs", "namespace X.A; public sealed class Alpha { Beta? b; }");
            Write(directory.FullName, "B/Beta.cs", "using X.C; namespace X.B; public sealed class Beta { }");
            Write(directory.FullName, "C/Gamma.cs", "namespace X.C; // Beta in a comment does not count\npublic sealed class Gamma { Alpha? a; string s = \"Beta\"; }");

            var cycles = FolderGraph.Read(directory.FullName, "X").Cycles();

            Assert.Equal(["A -> B -> C -> A"], cycles.Select(c => string.Join(" -> ", c)));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static void Write(string root, string relative, string code)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, code);
    }
}
