namespace ReformBot.Core.Knowledge.Analysis;

/// <summary>Where a known phrase occurs in a run of syllables, and what it stands for.</summary>
public sealed record PhraseHit<T>(int Start, int Length, IReadOnlyList<T> Values);

/// <summary>
/// Phrases as sequences of normalised syllables, each standing for one or more values (topics, qualifiers, facets),
/// found in a text by greedy longest match from the left, as the thesaurus matches its rules. A text typed with
/// diacritics matches only the same syllables ("tiền đẻ" is not "tiền để", "thu" is not "thư"); one typed without
/// matches any syllables that fold to it, since citizens often type without them.
/// </summary>
public sealed class PhraseIndex<T>
{
    private sealed class Node
    {
        public Dictionary<string, Node>? Next;
        public Dictionary<string, List<Node>>? ByFolded;
        public List<T>? Values;
    }

    private readonly Node root = new();

    public int Count { get; private set; }

    /// <param name="syllables">The phrase's syllables, normalised (<see cref="VietnameseText.Normalize"/>), with diacritics.</param>
    public void Add(IReadOnlyList<string> syllables, T value)
    {
        if (syllables.Count == 0) return;
        var node = root;
        foreach (var syllable in syllables.Select(Syllable.Key))
        {
            node.Next ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Next.TryGetValue(syllable, out var next))
            {
                node.Next[syllable] = next = new Node();
                node.ByFolded ??= new Dictionary<string, List<Node>>(StringComparer.Ordinal);
                var folded = Syllable.Folded(syllable);
                if (!node.ByFolded.TryGetValue(folded, out var same)) node.ByFolded[folded] = same = [];
                same.Add(next);
            }
            node = next;
        }
        node.Values ??= [];
        if (node.Values.Contains(value)) return;
        node.Values.Add(value);
        Count++;
    }

    /// <param name="syllables">The text's syllables, normalised, as typed.</param>
    /// <param name="plain">Whether the text was typed without diacritics (<see cref="Syllable.IsPlain(string)"/>).</param>
    /// <param name="clauseStarts">Positions that begin a new clause (after a comma, a full stop…): no phrase spans one.</param>
    public List<PhraseHit<T>> Find(IReadOnlyList<string> syllables, bool plain, IReadOnlySet<int>? clauseStarts = null)
    {
        var stops = clauseStarts ?? NoStops;
        var keys = syllables.Select(Syllable.Key).ToArray();
        var hits = new List<PhraseHit<T>>();
        for (var start = 0; start < keys.Length;)
        {
            (int Length, List<T>? Values) longest = (0, null);
            Walk(root, keys, plain, stops, start, start, ref longest);
            if (longest.Values is null)
            {
                start++;
                continue;
            }
            hits.Add(new PhraseHit<T>(start, longest.Length, longest.Values));
            start += longest.Length;
        }
        return hits;
    }

    private static readonly HashSet<int> NoStops = [];

    private static void Walk(Node node, string[] keys, bool plain, IReadOnlySet<int> stops, int start, int i, ref (int Length, List<T>? Values) longest)
    {
        if (node.Values is not null && i - start > longest.Length) longest = (i - start, node.Values);
        if (i == keys.Length || i > start && stops.Contains(i)) return;
        var key = keys[i];
        if (!plain)
        {
            if (node.Next?.TryGetValue(key, out var next) == true) Walk(next, keys, plain, stops, start, i + 1, ref longest);
        }
        else if (node.ByFolded?.TryGetValue(key, out var same) == true)
        {
            foreach (var next in same) Walk(next, keys, plain, stops, start, i + 1, ref longest);
        }
    }
}
