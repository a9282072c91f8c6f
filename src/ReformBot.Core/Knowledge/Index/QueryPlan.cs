using Lucene.Net.Analysis;
using ReformBot.Core.Knowledge.Analysis;

namespace ReformBot.Core.Knowledge.Index;

/// <summary>Another name for a phrase of the question, as folded terms and bigrams.</summary>
internal sealed record Alternative(IReadOnlyList<string> Terms, IReadOnlyList<string> Bigrams);

/// <summary>Where the thesaurus matched the question (token positions) and what it offers instead.</summary>
internal sealed record SynonymSpan(int Start, int Length, IReadOnlyList<Alternative> Alternatives);

/// <summary>A citizen's question, analysed once into everything the query and the confidence features need.</summary>
internal sealed record QueryPlan(
    IReadOnlyList<string> AccentedTerms,
    TypedQuestion Typed,
    IReadOnlyList<string> FoldedTokens,
    IReadOnlyList<string> Bigrams,
    IReadOnlyList<SynonymSpan> Synonyms)
{
    public IEnumerable<string> DistinctTerms => FoldedTokens.Distinct();

    /// <summary>The question's own folded words, to tell what a thesaurus alternative adds.</summary>
    public IReadOnlySet<string> Said { get; } = FoldedTokens.ToHashSet();

    public static QueryPlan Analyse(string question, SearchProfile profile, IndexAnalyzers analyzers, Thesaurus thesaurus)
    {
        if (profile == SearchProfile.Baseline)
            return new QueryPlan([], TypedQuestion.None, analyzers.Baseline.Terms(question), [], []);

        var text = VietnameseText.NormalizeQuestion(question);
        var folded = analyzers.Folded.Terms(text);
        var syllables = analyzers.Accented.Terms(text);
        var synonyms = thesaurus.Match(folded)
            .Select(m => new SynonymSpan(m.Start, m.Length, m.Alternatives
                .Select(alt => Expand(alt, analyzers))
                .Where(a => a.Terms.Count + a.Bigrams.Count > 0)
                .ToList()))
            .Where(s => s.Alternatives.Count > 0)
            .ToList();
        return new QueryPlan(
            // Only syllables typed with diacritics: "gia" typed plainly may be "giá" or "gia", so it must not prefer either.
            syllables.Where(t => t.Any(c => c > '\u007f')).Distinct().ToList(),
            new TypedQuestion(syllables, ClausesOf(text, syllables.Count, analyzers.Accented), Syllable.IsTypedPlain(question)),
            folded,
            analyzers.FoldedBigrams.Terms(text).Distinct().ToList(),
            synonyms);
    }

    /// <summary>
    /// Where each clause after the first begins, by syllable ("nộp hồ sơ xin việc, làm ở phường" says no "xin việc làm").
    /// Counted per clause with the same tokenizer; if the counts do not add up, no clause is assumed.
    /// </summary>
    private static HashSet<int> ClausesOf(string text, int syllables, Analyzer accented)
    {
        var starts = new HashSet<int>();
        var position = 0;
        foreach (var clause in VietnameseText.ClauseEnd().Split(text))
        {
            if (position > 0) starts.Add(position);
            position += accented.Terms(clause).Count;
        }
        return position == syllables ? starts : [];
    }

    private static Alternative Expand(string phrase, IndexAnalyzers analyzers) => new(
        analyzers.Folded.Terms(phrase).Distinct().ToList(),
        analyzers.FoldedBigrams.Terms(phrase).Distinct().ToList());
}

/// <summary>One instance of each analysis chain (Lucene analyzers are thread-safe and reuse their token streams).</summary>
internal sealed class IndexAnalyzers : IDisposable
{
    public Analyzer Accented { get; } = Analyzers.Accented();
    public Analyzer Folded { get; } = Analyzers.Folded();
    public Analyzer FoldedBigrams { get; } = Analyzers.FoldedBigrams();
    public Analyzer Baseline { get; } = Analyzers.Baseline();

    public void Dispose()
    {
        Accented.Dispose();
        Folded.Dispose();
        FoldedBigrams.Dispose();
        Baseline.Dispose();
    }
}
