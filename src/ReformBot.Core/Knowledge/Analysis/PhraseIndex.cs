namespace ReformBot.Core.Knowledge.Analysis;

/// <summary>Where a known phrase occurs in a run of folded syllables, and what it stands for.</summary>
public sealed record PhraseHit<T>(int Start, int Length, IReadOnlyList<T> Values);

/// <summary>
/// Phrases as sequences of folded syllables, each standing for one or more values (topics, qualifiers, facets), found in
/// a text by greedy longest match from the left, as the thesaurus matches its rules.
/// </summary>
public sealed class PhraseIndex<T>
{
    private sealed class Node
    {
        public Dictionary<string, Node>? Next;
        public List<T>? Values;
    }

    private readonly Node root = new();

    public int Count { get; private set; }

    public void Add(IReadOnlyList<string> syllables, T value)
    {
        if (syllables.Count == 0) return;
        var node = root;
        foreach (var syllable in syllables)
        {
            node.Next ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Next.TryGetValue(syllable, out var next)) node.Next[syllable] = next = new Node();
            node = next;
        }
        node.Values ??= [];
        if (node.Values.Contains(value)) return;
        node.Values.Add(value);
        Count++;
    }

    public List<PhraseHit<T>> Find(IReadOnlyList<string> syllables)
    {
        var hits = new List<PhraseHit<T>>();
        for (var start = 0; start < syllables.Count;)
        {
            var (length, values) = LongestAt(syllables, start);
            if (values is null)
            {
                start++;
                continue;
            }
            hits.Add(new PhraseHit<T>(start, length, values));
            start += length;
        }
        return hits;
    }

    /// <summary>Whether any known phrase occurs in the text.</summary>
    public bool Occurs(IReadOnlyList<string> syllables) => Find(syllables).Count > 0;

    private (int Length, List<T>? Values) LongestAt(IReadOnlyList<string> syllables, int start)
    {
        (int, List<T>?) longest = (0, null);
        var node = root;
        for (var i = start; i < syllables.Count; i++)
        {
            if (node.Next is null || !node.Next.TryGetValue(syllables[i], out node)) break;
            if (node.Values is not null) longest = (i - start + 1, node.Values);
        }
        return longest;
    }
}
