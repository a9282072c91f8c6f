using System.Collections.Concurrent;
using ReformBot.Core.Knowledge.Analysis;

namespace ReformBot.Core.Knowledge.Index;

/// <summary>
/// What the national thesaurus recognises in a question: the matters it names (<paramref name="Topics"/>), those of
/// them no entry of the pack is about (<paramref name="Foreign"/>) and the words that name those, and the cases the
/// question qualifies its matter with.
/// </summary>
public sealed record QuestionScope(IReadOnlyList<Topic> Topics, IReadOnlyList<Topic> Foreign, IReadOnlySet<string> ForeignWords, IReadOnlyList<Qualifier> Qualifiers)
{
    public static QuestionScope None { get; } = new([], [], new HashSet<string>(), []);

    /// <summary>Topics the question names that some entry of the pack is about.</summary>
    public IEnumerable<Topic> Covered => Topics.Except(Foreign);
}

/// <summary>
/// Which entries are about which topics. An entry is about a topic when one of its titles (name and keywords, or FAQ
/// questions) says every word of one of the topic's phrases, in any order: agencies word titles their own way
/// ("nộp bản sao chứng thực" is about chứng thực bản sao). Counted once per topic and index, when first asked.
/// </summary>
internal sealed class TopicCoverage(NationalThesaurus national, EntryTerms[] entries)
{
    private readonly ConcurrentDictionary<Topic, int> counts = new();

    public bool IsAbout(EntryTerms entry, Topic topic) =>
        national.PhrasesOf.TryGetValue(topic, out var phrases) && phrases.Any(p => entry.Variants.Any(v => p.All(v.Contains)));

    public int EntriesAbout(Topic topic) => counts.GetOrAdd(topic, t => entries.Count(e => IsAbout(e, t)));

    /// <summary>
    /// The question's topics and qualifiers. A qualifier said inside a topic's own phrase ("mất giấy khai sinh") is part
    /// of how that topic is named, not a second case of it.
    /// </summary>
    public QuestionScope Question(IReadOnlyList<string> folded)
    {
        var topicHits = national.Topics.Find(folded);
        var topics = topicHits.SelectMany(h => h.Values).Distinct().ToList();
        var foreign = topics.Where(t => EntriesAbout(t) == 0).ToList();
        var foreignWords = topicHits.Where(h => h.Values.All(foreign.Contains))
            .SelectMany(h => folded.Skip(h.Start).Take(h.Length)).ToHashSet();
        var qualifiers = national.Qualifiers.Find(folded)
            .Where(q => !topicHits.Any(t => q.Start >= t.Start && q.Start + q.Length <= t.Start + t.Length))
            .SelectMany(h => h.Values)
            .Distinct()
            .ToList();
        return new QuestionScope(topics, foreign, foreignWords, qualifiers);
    }
}

/// <summary>
/// The qualifiers an entry's titles say. Not its body: a body names cases to rule them out as often as to cover them
/// ("trường hợp có yếu tố nước ngoài có hồ sơ riêng").
/// </summary>
internal static class EntryQualifiers
{
    public static IReadOnlySet<Qualifier> Of(NationalThesaurus national, IEnumerable<IReadOnlyList<string>> titles) =>
        titles.SelectMany(t => national.Qualifiers.Find(t)).SelectMany(h => h.Values).ToHashSet();
}
