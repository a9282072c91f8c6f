using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ReformBot.Core.Knowledge.Index;

public sealed partial class KnowledgeIndex
{
    /// <summary>The best entries for a question, best first, one per entry (its best title variant plus its body).</summary>
    public IReadOnlyList<Match> Search(string question, int max = 5)
    {
        var plan = QueryPlan.Analyse(question, Profile, analyzers, thesaurus);
        if (plan.FoldedTokens.Count == 0) return [];

        var best = new Dictionary<int, (float Title, int Variant, float Other)>(); // best title variant; body and other variants
        foreach (var hit in searcher.Search(BuildQuery(plan), Ranking.Hits).ScoreDocs)
        {
            var entry = entryOfDoc[hit.Doc];
            var variant = variantOfDoc[hit.Doc];
            var current = best.GetValueOrDefault(entry, (Title: 0f, Variant: 0, Other: 0f));
            if (variant < 0) current.Other += hit.Score;
            else if (hit.Score <= current.Title) current.Other += hit.Score * Ranking.OtherTitles;
            else
            {
                current.Other += current.Title * Ranking.OtherTitles;
                (current.Title, current.Variant) = (hit.Score, variant);
            }
            best[entry] = current;
        }

        var features = new FeatureCalculator(plan, this);
        return best
            .Select(kv => (Entry: kv.Key, Score: kv.Value.Title + kv.Value.Other, kv.Value.Variant))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Entry)
            .Take(max)
            .Select(x => new Match(entries[x.Entry], x.Score, features.For(entryTerms[x.Entry], x.Variant)))
            .ToList();
    }

    internal int EntryFrequency(string term) => entryFrequency.GetValueOrDefault(term);

    internal int EntryCount => entries.Length;

    private Query BuildQuery(QueryPlan plan)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var term in plan.AccentedTerms) Add(query, Fields.Accented, term, Ranking.Accented);
        foreach (var term in plan.DistinctTerms)
        {
            Add(query, Fields.Folded, term, Ranking.Folded);
            Add(query, Fields.Body, term, Ranking.Body);
            if (Profile == SearchProfile.Vietnamese && term.Length >= 4 && EntryFrequency(term) == 0)
            {
                query.Add(new FuzzyQuery(new Term(Fields.Folded, term), 1, 1) { Boost = Ranking.Fuzzy }, Occur.SHOULD);
                query.Add(new FuzzyQuery(new Term(Fields.Body, term), 1, 1) { Boost = Ranking.Fuzzy * Ranking.Body }, Occur.SHOULD);
            }
        }
        foreach (var bigram in plan.Bigrams)
        {
            Add(query, Fields.FoldedBigrams, bigram, Ranking.Bigrams);
            Add(query, Fields.BodyBigrams, bigram, Ranking.BodyBigrams);
        }

        var said = plan.FoldedTokens.ToHashSet();
        foreach (var span in plan.Synonyms)
        {
            var anyOf = new DisjunctionMaxQuery(0.1f) { Boost = Ranking.Synonyms };
            foreach (var alternative in span.Alternatives)
            {
                var phrase = new BooleanQuery(disableCoord: true);
                foreach (var term in alternative.Terms.Where(t => !said.Contains(t)))
                {
                    Add(phrase, Fields.Folded, term, Ranking.Folded);
                    Add(phrase, Fields.Body, term, Ranking.Body);
                }
                foreach (var bigram in alternative.Bigrams)
                {
                    Add(phrase, Fields.FoldedBigrams, bigram, Ranking.Bigrams);
                    Add(phrase, Fields.BodyBigrams, bigram, Ranking.BodyBigrams);
                }
                if (phrase.Clauses.Count > 0) anyOf.Add(phrase);
            }
            if (anyOf.Disjuncts.Count > 0) query.Add(anyOf, Occur.SHOULD);
        }
        return query;
    }

    private static void Add(BooleanQuery query, string field, string text, float boost) =>
        query.Add(new TermQuery(new Term(field, text)) { Boost = boost }, Occur.SHOULD);
}
