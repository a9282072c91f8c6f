using ReformBot.Core.Knowledge;
using ReformBot.Core.Knowledge.Index;

namespace ReformBot.Core.Conversations;

/// <summary>
/// The knowledge the bot answers from, replaced whole: a new index is built aside and swapped in atomically, so a
/// question is always answered by one consistent pack. The old index is disposed once in-flight searches are done.
/// </summary>
public sealed class LiveKnowledge(KnowledgePack pack, Func<KnowledgePack, KnowledgeIndex> buildIndex, Func<KnowledgeIndex, Bot> makeBot)
    : IDisposable
{
    public sealed record Snapshot(KnowledgePack Pack, KnowledgeIndex Index, Bot Bot);

    private Snapshot current = Make(pack, buildIndex, makeBot);

    public Snapshot Current => Volatile.Read(ref current);

    public Bot Bot => Current.Bot;

    public void Replace(KnowledgePack next)
    {
        var old = Interlocked.Exchange(ref current, Make(next, buildIndex, makeBot));
        _ = Task.Delay(TimeSpan.FromSeconds(30)).ContinueWith(_ => old.Index.Dispose(), TaskScheduler.Default);
    }

    private static Snapshot Make(KnowledgePack pack, Func<KnowledgePack, KnowledgeIndex> buildIndex, Func<KnowledgeIndex, Bot> makeBot)
    {
        var index = buildIndex(pack);
        return new Snapshot(pack, index, makeBot(index));
    }

    public void Dispose() => Current.Index.Dispose();
}
