using ReformBot.Core.Knowledge.Analysis;

namespace ReformBot.Core.Knowledge.Index;

/// <summary>
/// What the national thesaurus recognises in a question: the matters it names (<paramref name="Topics"/>), those of
/// them no entry of the pack is about (<paramref name="Foreign"/>), and the cases it qualifies them with.
/// </summary>
public sealed record QuestionScope(IReadOnlyList<Topic> Topics, IReadOnlyList<Topic> Foreign, IReadOnlyList<Qualifier> Qualifiers)
{
    public static QuestionScope None { get; } = new([], [], []);

    /// <summary>Topics the question names that some entry of the pack is about.</summary>
    public IEnumerable<Topic> Covered => Topics.Except(Foreign);
}

/// <summary>
/// The topics and qualifiers an entry's titles (name and keywords, or FAQ questions) say. Not its body: a body names
/// cases to rule them out as often as to cover them ("trường hợp có yếu tố nước ngoài có hồ sơ riêng").
/// </summary>
internal sealed record EntryScope(IReadOnlySet<Topic> Topics, IReadOnlySet<Qualifier> Qualifiers)
{
    public static EntryScope Of(NationalThesaurus national, IEnumerable<IReadOnlyList<string>> titles)
    {
        var topics = new HashSet<Topic>();
        var qualifiers = new HashSet<Qualifier>();
        foreach (var title in titles)
        {
            foreach (var hit in national.Topics.Find(title)) topics.UnionWith(hit.Values);
            foreach (var hit in national.Qualifiers.Find(title)) qualifiers.UnionWith(hit.Values);
        }
        return new EntryScope(topics, qualifiers);
    }

    /// <summary>
    /// The question's topics and qualifiers. A qualifier said inside a topic's own phrase ("mất giấy khai sinh") is part
    /// of how that topic is named, not a second case of it.
    /// </summary>
    public static QuestionScope Question(NationalThesaurus national, IReadOnlyList<string> folded, IReadOnlySet<Topic> covered)
    {
        var topicHits = national.Topics.Find(folded);
        var topics = topicHits.SelectMany(h => h.Values).Distinct().ToList();
        var qualifiers = national.Qualifiers.Find(folded)
            .Where(q => !topicHits.Any(t => q.Start >= t.Start && q.Start + q.Length <= t.Start + t.Length))
            .SelectMany(h => h.Values)
            .Distinct()
            .ToList();
        return new QuestionScope(topics, topics.Where(t => !covered.Contains(t)).ToList(), qualifiers);
    }
}
