using Lucene.Net.Index;
using Lucene.Net.Search;
using ReformBot.Core.Knowledge.Analysis;

namespace ReformBot.Core.Knowledge.Index;

public sealed partial class KnowledgeIndex
{
    /// <summary>The best entries for a question, best first, and what the question is about.</summary>
    public SearchResult Search(string question, int max = 5)
    {
        var plan = QueryPlan.Analyse(question, Profile, analyzers, thesaurus);
        if (plan.FoldedTokens.Count == 0) return new SearchResult(QuestionScope.None, [], plan.Typed);
        var scope = Profile == SearchProfile.Vietnamese ? topics.Question(plan.Typed, FeatureCalculator.IsFunctionWord) : QuestionScope.None;
        var terms = new TermLookup(reader);
        // Only phrases few entries' titles say tell which entry the rest of the question is about ("xã hội" does not).
        if (scope.Rest.Count > 0)
            scope = scope with { Rest = scope.Rest.Where(p => terms.DocFreq(Fields.FoldedBigrams, Folded(p[0]) + Analyzers.BigramSeparator + Folded(p[1])) <= SelectiveLimit).ToList() };
        var addressing = agency.In(plan.FoldedTokens);
        var numbers = Profile == SearchProfile.Vietnamese ? Numbered.In(string.Join(' ', plan.FoldedTokens)) : [];
        var features = new FeatureCalculator(plan, this, terms, addressing);
        // An entry about the matter the question names is preferred over one that only shares its words.
        var onTopic = scope.Covered.Any() ? 1 + Ranking.Topic : 1;
        var matches = searcher.Search(BuildQuery(plan, terms, addressing), Math.Max(max, TopicPool)).ScoreDocs
            .Select(hit => (Entry: entryOfDoc[hit.Doc], hit.Score))
            .Select(x => (x.Entry, Fit: Fit(scope, numbers, x.Entry), x.Score))
            .Select(x => x with { Score = (x.Fit.OffTopic ? x.Score : x.Score * onTopic) * (x.Fit.OtherNumber ? OtherNumberWeight : 1) })
            .OrderByDescending(x => x.Score)
            .Take(max)
            .Select(x => new Match(entries[x.Entry], x.Score, features.For(entryTerms[x.Entry]), x.Fit))
            .ToList();
        return new SearchResult(scope, matches, plan.Typed);
    }

    private static string Folded(string syllable) => Syllable.Folded(Syllable.Key(syllable));

    // An entry for other grades or ranks than the one asked for keeps half its score: it may still be the nearest choice.
    private const float OtherNumberWeight = 0.5f;

    private ScopeFit Fit(QuestionScope question, Dictionary<string, HashSet<string>> numbers, int entry)
    {
        var covered = question.Covered.ToList();
        return new ScopeFit(
            covered.Count > 0 && !covered.Any(t => topics.IsAbout(entry, t)),
            question.Qualifiers.Where(q => !entryQualifiers[entry].Contains(q)).ToList(),
            Numbered.Conflict(numbers, entryNumbers[entry]),
            question.Foreign.Count == 0 ? 0 : topics.Says(entry, question.Rest, question.Plain));
    }

    // How many hits are re-ranked by topic and numbered grade: enough to reach an entry about the matter that shares fewer of the words.
    private const int TopicPool = 20;

    internal int EntryFrequency(string term) => entryFrequency.GetValueOrDefault(term);

    internal int EntryCount => entries.Length;

    /// <summary>Whether some entry says this phrase: each of its bigrams (or its one word) occurs in the pack.</summary>
    internal bool Mentions(TermLookup lookup, IReadOnlyList<string> terms, IReadOnlyList<string> bigrams) => bigrams.Count > 0
        ? bigrams.All(b => lookup.DocFreq(Fields.FoldedBigrams, b) + lookup.DocFreq(Fields.BodyBigrams, b) > 0)
        : terms.All(t => EntryFrequency(t) > 0);

    /// <summary>A word no entry contains, long enough that one edit away is likely the word meant.</summary>
    internal bool MayBeTypo(string term) => term.Length >= 4 && EntryFrequency(term) == 0;

    private Query BuildQuery(QueryPlan plan, TermLookup terms, Addressing addressing)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var term in plan.AccentedTerms) Add(query, terms.Query(Fields.Accented, term, Ranking.Accented * Weight(addressing, VietnameseText.Fold(term))));
        foreach (var term in plan.DistinctTerms)
        {
            Add(query, terms.Query(Fields.Folded, term, Ranking.Folded * Weight(addressing, term)));
            Add(query, terms.Query(Fields.Body, term, Ranking.Body * Weight(addressing, term)));
            if (Profile == SearchProfile.Vietnamese && MayBeTypo(term))
            {
                query.Add(new FuzzyQuery(new Term(Fields.Folded, term), 1, 1) { Boost = Ranking.Fuzzy }, Occur.SHOULD);
                query.Add(new FuzzyQuery(new Term(Fields.Body, term), 1, 1) { Boost = Ranking.Fuzzy * Ranking.Body }, Occur.SHOULD);
            }
        }
        foreach (var bigram in plan.Bigrams)
        {
            var place = addressing.Bigrams.Contains(bigram) ? AddressingWeight : 1;
            Add(query, terms.Query(Fields.FoldedBigrams, bigram, Ranking.Bigrams * place));
            Add(query, terms.Query(Fields.BodyBigrams, bigram, Ranking.BodyBigrams * place));
        }

        foreach (var span in plan.Synonyms)
        {
            var anyOf = new DisjunctionMaxQuery(0.1f) { Boost = Ranking.Synonyms };
            foreach (var alternative in span.Alternatives)
            {
                // An alternative adds only what the question did not already say. It searches titles by selective words
                // and bigrams, and bodies by selective bigrams only: common body terms match nearly every entry, say
                // little about which one is meant, and their long posting lists were most of the answer time.
                var phrase = new BooleanQuery(disableCoord: true);
                foreach (var term in alternative.Terms.Where(t => !plan.Said.Contains(t) && IsSelective(t))) Add(phrase, terms.Query(Fields.Folded, term, Ranking.Folded));
                foreach (var bigram in alternative.Bigrams.Where(b => !plan.Bigrams.Contains(b)))
                {
                    Add(phrase, terms.Query(Fields.FoldedBigrams, bigram, Ranking.Bigrams));
                    if (terms.DocFreq(Fields.BodyBigrams, bigram) <= SelectiveLimit) Add(phrase, terms.Query(Fields.BodyBigrams, bigram, Ranking.BodyBigrams));
                }
                if (phrase.Clauses.Count > 0) anyOf.Add(phrase);
            }
            if (anyOf.Disjuncts.Count > 0) query.Add(anyOf, Occur.SHOULD);
        }
        return query;
    }

    // Words that name the agency itself say little about which entry is meant (see AgencyName).
    private const float AddressingWeight = 0.25f;

    private static float Weight(Addressing addressing, string folded) => addressing.Terms.Contains(folded) ? AddressingWeight : 1;

    // A word in a large share of entries says little about which one is meant, and its long posting list costs time.
    private bool IsSelective(string term) => EntryFrequency(term) <= SelectiveLimit;

    private double SelectiveLimit => Math.Max(5, EntryCount * Ranking.SelectiveShare);

    private static void Add(BooleanQuery query, TermQuery? term)
    {
        if (term is not null) query.Add(term, Occur.SHOULD);
    }
}
