using System.Collections.Concurrent;
using ReformBot.Core.Knowledge.Analysis;

namespace ReformBot.Core.Knowledge.Index;

/// <summary>
/// What the national thesaurus recognises in a question: the matters it names (<paramref name="Topics"/>), those of
/// them no entry of the pack is about (<paramref name="Foreign"/>), the cases the question qualifies its matter with,
/// and, when there are foreign matters, the two-syllable phrases of the rest of the question (<paramref name="Rest"/>,
/// as typed; <paramref name="Plain"/> when typed without diacritics).
/// </summary>
public sealed record QuestionScope(
    IReadOnlyList<Topic> Topics, IReadOnlyList<Topic> Foreign, IReadOnlyList<Qualifier> Qualifiers, IReadOnlyList<string[]> Rest, bool Plain)
{
    public static QuestionScope None { get; } = new([], [], [], [], false);

    /// <summary>The topics the question names, less those it names only as matters the pack has nothing on.</summary>
    public IEnumerable<Topic> Covered => Topics.Except(Foreign);
}

/// <summary>
/// Which entries are about which topics. An entry is about a topic when one of its titles (name and keywords, or FAQ
/// questions) says every word of one of the topic's phrases close together, in any order: agencies word titles their
/// own way ("nộp bản sao chứng thực" is about chứng thực bản sao). Counted once per topic and index, when first asked.
/// </summary>
internal sealed class TopicCoverage(NationalThesaurus national, EntryTerms[] terms, string[][][] titles)
{
    // A phrase's words may sit this many syllables further apart than in the phrase itself.
    private const int Slack = 2;

    private readonly ConcurrentDictionary<Topic, int> counts = new();

    public bool IsAbout(int entry, Topic topic) =>
        national.PhrasesOf.TryGetValue(topic, out var phrases) && phrases.Any(p => Says(entry, p));

    public int EntriesAbout(Topic topic) => counts.GetOrAdd(topic, t => Enumerable.Range(0, titles.Length).Count(e => IsAbout(e, t)));

    /// <summary>
    /// The question's topics and qualifiers. A qualifier said inside a topic's own phrase ("mất giấy khai sinh") is part
    /// of how that topic is named, not a second case of it.
    /// </summary>
    public QuestionScope Question(TypedQuestion question, Func<string, bool> isFunctionWord)
    {
        var syllables = question.Syllables;
        var topicHits = question.Find(national.Topics);
        var topics = topicHits.SelectMany(h => h.Values).Distinct().ToList();
        // A phrase that names several topics ("đóng cửa tiệm": for a while, or for good) is read as the one the pack has.
        var foreign = topicHits.Where(h => h.Values.All(t => EntriesAbout(t) == 0)).SelectMany(h => h.Values).Distinct().ToList();
        var qualifiers = question.Find(national.Qualifiers)
            .Where(q => !topicHits.Any(t => q.Start >= t.Start && q.Start + q.Length <= t.Start + t.Length))
            .SelectMany(h => h.Values)
            .Distinct()
            .ToList();
        var naming = topicHits.Where(h => h.Values.All(foreign.Contains)).ToList();
        bool Outside(int i) => !naming.Any(h => i >= h.Start && i < h.Start + h.Length);
        var rest = foreign.Count == 0 ? [] : Enumerable.Range(0, Math.Max(0, syllables.Count - 1))
            .Where(i => Outside(i) && Outside(i + 1) && !(isFunctionWord(syllables[i]) && isFunctionWord(syllables[i + 1])))
            .Select(i => new[] { syllables[i], syllables[i + 1] })
            .DistinctBy(p => (p[0], p[1]))
            .ToList();
        return new QuestionScope(topics, foreign, qualifiers, rest, question.Plain);
    }

    /// <summary>How many of these two-syllable phrases the entry's titles say.</summary>
    public int Says(int entry, IReadOnlyList<string[]> pairs, bool plain) => pairs.Count(p => titles[entry].Any(title =>
    {
        var either = plain || Syllable.IsPlain(title);
        for (var i = 0; i + 1 < title.Length; i++)
            if (Syllable.Same(p[0], title[i], either) && Syllable.Same(p[1], title[i + 1], either)) return true;
        return false;
    }));

    private bool Says(int entry, string[] phrase)
    {
        var variants = terms[entry].Variants;
        for (var v = 0; v < variants.Count; v++)
        {
            // Most titles lack one of the words even folded: that check is a set lookup, the window below is not.
            if (!phrase.All(w => variants[v].Contains(Syllable.Folded(Syllable.Key(w))))) continue;
            if (Within(titles[entry][v], phrase)) return true;
        }
        return false;
    }

    private static bool Within(string[] title, string[] phrase)
    {
        var window = phrase.Length + Slack;
        var plain = Syllable.IsPlain(title);
        for (var start = 0; start < title.Length; start++)
        {
            var end = Math.Min(title.Length, start + window);
            if (phrase.All(w => Array.FindIndex(title, start, end - start, t => Syllable.Same(t, w, plain)) >= 0)) return true;
        }
        return false;
    }
}

/// <summary>
/// The qualifiers an entry's titles say. Not its body: a body names cases to rule them out as often as to cover them
/// ("trường hợp có yếu tố nước ngoài có hồ sơ riêng").
/// </summary>
internal static class EntryQualifiers
{
    public static IReadOnlySet<Qualifier> Of(NationalThesaurus national, IEnumerable<IReadOnlyList<string>> titles) =>
        titles.SelectMany(t => national.Qualifiers.Find(t, Syllable.IsPlain(t))).SelectMany(h => h.Values).ToHashSet();
}
