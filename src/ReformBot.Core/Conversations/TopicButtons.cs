using ReformBot.Core.Answering;
using ReformBot.Core.Knowledge;
using ReformBot.Core.Knowledge.Analysis;

namespace ReformBot.Core.Conversations;

/// <summary>
/// The pack's main topics, offered as buttons with the greeting. One per field, the fields with the most procedures
/// first, then a second round, up to <see cref="Max"/>; within a field, the procedures with the most keywords (the ways
/// citizens ask) first. A topic asks one of its procedure's keywords, with diacritics and short enough for any channel's
/// button, and is kept only if the bot answers that question with that very procedure: tapping it is a real question,
/// answered from the index like any other.
/// </summary>
public static class TopicButtons
{
    /// <summary>Zalo shows at most 5 buttons under a message.</summary>
    public const int Max = 5;

    /// <summary>Messenger cuts a quick reply's title at 20 characters.</summary>
    public const int MaxTitle = 20;

    public static IReadOnlyList<ReplyChoice> For(KnowledgePack pack, Answerer answerer)
    {
        var fields = pack.Procedures
            .GroupBy(p => p.Field)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Queue<Procedure>(g.OrderByDescending(p => p.Keywords.Count).ThenBy(p => p.Name.Length).ThenBy(p => p.Id, StringComparer.Ordinal)))
            .ToList();
        var topics = new List<ReplyChoice>();
        while (topics.Count < Max && fields.Any(f => f.Count > 0))
            foreach (var field in fields)
            {
                while (topics.Count < Max && field.TryDequeue(out var procedure))
                    if (Topic(procedure, answerer) is { } topic && topics.All(t => t.Payload != topic.Payload))
                    {
                        topics.Add(topic);
                        break;
                    }
            }
        return topics;
    }

    private static ReplyChoice? Topic(Procedure procedure, Answerer answerer) => procedure.Keywords
        .Where(k => k.Length <= MaxTitle && VietnameseText.Fold(k) != k)
        .Where(k => answerer.Answer(k) is Decision.Answered { Handoff: false } answered && answered.Best.Id == procedure.Id)
        .Select(k => new ReplyChoice(char.ToUpperInvariant(k[0]) + k[1..], k))
        .FirstOrDefault();
}
