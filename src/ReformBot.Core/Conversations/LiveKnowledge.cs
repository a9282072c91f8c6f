using ReformBot.Core.Escalation;
using ReformBot.Core.Knowledge;
using ReformBot.Core.Knowledge.Index;

namespace ReformBot.Core.Conversations;

/// <summary>
/// The knowledge the bot answers from, replaced whole: a new index is built aside and swapped in atomically, so a
/// question is always answered by one consistent pack, and tickets are due by that pack's office hours. The old index is
/// disposed once in-flight searches are done.
/// </summary>
public sealed class LiveKnowledge(KnowledgePack pack, EscalationOptions escalation, Func<KnowledgePack, KnowledgeIndex> buildIndex, Func<KnowledgeIndex, Bot> makeBot)
    : IDisposable
{
    public sealed record Snapshot(KnowledgePack Pack, KnowledgeIndex Index, Bot Bot, OfficeHours Hours);

    private Snapshot current = Make(pack, escalation, buildIndex, makeBot);

    public Snapshot Current => Volatile.Read(ref current);

    public Bot Bot => Current.Bot;

    /// <param name="next">A pack loaded with <see cref="OfficeCard.LoadPack"/>, so its office hours can be read.</param>
    public void Replace(KnowledgePack next)
    {
        var old = Interlocked.Exchange(ref current, Make(next, escalation, buildIndex, makeBot));
        _ = Task.Delay(TimeSpan.FromSeconds(30)).ContinueWith(_ => old.Index.Dispose(), TaskScheduler.Default);
    }

    private static Snapshot Make(KnowledgePack pack, EscalationOptions escalation, Func<KnowledgePack, KnowledgeIndex> buildIndex, Func<KnowledgeIndex, Bot> makeBot)
    {
        var hours = OfficeHours.For(pack.Office, escalation);
        var index = buildIndex(pack);
        return new Snapshot(pack, index, makeBot(index), hours);
    }

    public void Dispose() => Current.Index.Dispose();
}
