using ReformBot.Core.Knowledge.Analysis;

namespace ReformBot.Core.Knowledge.Index;

/// <summary>Computes <see cref="MatchFeatures"/> for the candidates of one question.</summary>
internal sealed class FeatureCalculator
{
    // Question words and pronouns carry little of what is asked; they count a quarter in coverage (never removed from the query).
    private static readonly HashSet<string> FunctionWords =
    [
        "toi", "minh", "em", "anh", "chi", "ban", "cho", "hoi", "muon", "can", "phai", "co", "khong", "duoc", "gi", "nao",
        "sao", "the", "nhu", "bao", "nhieu", "dau", "o", "thi", "la", "va", "cua", "voi", "de", "ma", "nay", "do", "ai",
        "khi", "neu", "bi", "da", "roi", "chua", "nhung", "cac", "mot", "cai", "xin", "chut", "giup", "vay", "nhe", "nghia", "hay", "ha", "a",
    ];

    private readonly QueryPlan plan;
    private readonly Addressing addressing;
    private readonly KnowledgeIndex index;
    private readonly (string Term, double Weight, bool MayBeTypo)[] terms;
    private readonly double total;
    private readonly double unknownShare;
    private readonly HashSet<string> alternativeTerms;
    private readonly Dictionary<string, List<SynonymSpan>> spansOf;
    private readonly string[] typos;

    public FeatureCalculator(QueryPlan plan, KnowledgeIndex index, TermLookup lookup, Addressing addressing)
    {
        this.addressing = addressing;
        this.plan = plan;
        this.index = index;
        terms = plan.DistinctTerms.Select(t => (t, Weight(t), index.MayBeTypo(t))).ToArray();
        total = terms.Sum(t => t.Weight);
        var unknown = plan.DistinctTerms.Where(t => index.EntryFrequency(t) == 0).Concat(ForeignTopicTerms(lookup)).ToHashSet();
        unknownShare = total == 0 ? 0 : unknown.Sum(Weight) / total;
        alternativeTerms = plan.Synonyms.SelectMany(s => s.Alternatives).SelectMany(a => a.Terms).ToHashSet();
        spansOf = plan.Synonyms
            .SelectMany(span => plan.FoldedTokens.Skip(span.Start).Take(span.Length).Select(token => (token, span)))
            .GroupBy(x => x.token)
            .ToDictionary(g => g.Key, g => g.Select(x => x.span).ToList());
        typos = terms.Where(t => t.MayBeTypo).Select(t => t.Term).ToArray();
    }

    /// <summary>The features against the entry as a whole and against its title variant that covers the question best.</summary>
    public MatchFeatures For(EntryTerms entry)
    {
        var (titleCoverage, variant) = entry.Variants.Select(v => (Coverage(entry, v), v)).MaxBy(x => x.Item1);
        return new MatchFeatures(
            Coverage(entry, entry.All),
            titleCoverage,
            variant is null ? 0 : VariantCoverage(variant),
            unknownShare);
    }

    /// <summary>
    /// The words of thesaurus phrases the pack never mentions in any of their forms: the question names a public-service
    /// topic ("khai sinh", "bằng lái") this agency has nothing on, even if each syllable occurs somewhere in the pack.
    /// </summary>
    private IEnumerable<string> ForeignTopicTerms(TermLookup lookup) => plan.Synonyms
        .Where(span =>
        {
            var said = plan.FoldedTokens.Skip(span.Start).Take(span.Length).ToList();
            var saidBigrams = said.Zip(said.Skip(1), (a, b) => a + Analyzers.BigramSeparator + b).ToList();
            return !index.Mentions(lookup, said, saidBigrams) && span.Alternatives.All(a => !index.Mentions(lookup, a.Terms, a.Bigrams));
        })
        .SelectMany(span => plan.FoldedTokens.Skip(span.Start).Take(span.Length));

    /// <summary>A question word or pronoun, typed with or without diacritics.</summary>
    public static bool IsFunctionWord(string syllable) => FunctionWords.Contains(Syllable.Folded(Syllable.Key(syllable)));

    private double Weight(string term)
    {
        double n = index.EntryCount, df = index.EntryFrequency(term);
        var idf = Math.Log(1 + (n - df + 0.5) / (df + 0.5));
        return FunctionWords.Contains(term) || addressing.Terms.Contains(term) ? idf / 4 : idf;
    }

    private double Coverage(EntryTerms entry, HashSet<string> found)
    {
        if (total == 0) return 0;
        var covered = 0.0;
        for (var i = 0; i < terms.Length; i++)
        {
            var (term, weight, mayBeTypo) = terms[i];
            if (found.Contains(term) || CoveredBySynonym(term, found)) covered += weight;
            else if (mayBeTypo && EntryTerms.HasNear(term, found)) covered += weight * 0.8;
        }
        return covered / total;
    }

    private bool CoveredBySynonym(string term, HashSet<string> found) =>
        spansOf.TryGetValue(term, out var spans)
        && spans.Any(span => span.Alternatives.Any(a => a.Terms.Count > 0 && a.Terms.All(found.Contains)));

    private double VariantCoverage(HashSet<string> variant)
    {
        if (variant.Count == 0) return 0;
        var saidCount = variant.Count(t => plan.Said.Contains(t) || alternativeTerms.Contains(t) || typos.Any(q => EntryTerms.IsNear(t, q)));
        return (double)saidCount / variant.Count;
    }
}
