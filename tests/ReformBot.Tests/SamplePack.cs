using ReformBot.Core.Answering;
using ReformBot.Core.Knowledge;
using ReformBot.Core.Knowledge.Index;

namespace ReformBot.Tests;

/// <summary>The sample pack shipped in knowledge/, loaded once and indexed for the tests that need a real index.</summary>
public sealed class SamplePack : IDisposable
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Directory => Path.Combine(RepoRoot, "knowledge");

    /// <summary>A copy of the sample pack in <paramref name="pack"/>, for tests that change it on disk.</summary>
    public static void CopyTo(string pack)
    {
        foreach (var dir in System.IO.Directory.GetDirectories(Directory, "*", SearchOption.AllDirectories)) System.IO.Directory.CreateDirectory(dir.Replace(Directory, pack));
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*", SearchOption.AllDirectories)) File.Copy(file, file.Replace(Directory, pack));
    }

    public KnowledgePack Pack { get; }
    public KnowledgeIndex Index { get; }
    public Answerer Answerer { get; }

    public SamplePack()
    {
        Pack = PackLoader.Load(Directory).Pack ?? throw new InvalidOperationException("the sample pack does not load");
        Index = KnowledgeIndex.Build(Pack);
        Answerer = new Answerer(Index, new AnswererOptions());
    }

    public void Dispose() => Index.Dispose();

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReformBot.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ReformBot.sln not found above " + AppContext.BaseDirectory);
    }
}
