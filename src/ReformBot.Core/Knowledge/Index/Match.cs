using ReformBot.Core.Knowledge.Analysis;

namespace ReformBot.Core.Knowledge.Index;

/// <summary>
/// One entry found for a question, with what the answer-or-escalate decision needs. Raw BM25 scores cannot be
/// compared across questions, so the features are relative to the question: how much of it the entry covers.
/// </summary>
public sealed record Match(KnowledgeEntry Entry, float Score, MatchFeatures Features, ScopeFit Fit);

/// <summary>The candidates for one question, best first, what the question is about, and the question as typed.</summary>
public sealed record SearchResult(QuestionScope Scope, IReadOnlyList<Match> Matches, TypedQuestion Question);

/// <param name="OffTopic">The question names a matter the pack covers, and this entry is not about it.</param>
/// <param name="Missing">Cases the question qualifies its matter with that this entry never mentions.</param>
/// <param name="OtherNumber">The question names a grade, rank or group ("lớp 7") and this entry's titles name only others.</param>
/// <param name="RestSaid">When the question names a matter the pack has nothing on: how many two-syllable phrases of the
/// rest of the question this entry's titles say. Some, and that matter may be mentioned only in passing.</param>
public sealed record ScopeFit(bool OffTopic, IReadOnlyList<Qualifier> Missing, bool OtherNumber, int RestSaid)
{
    public bool Fits => !OffTopic && !OtherNumber && Missing.Count == 0;
}

/// <param name="Coverage">idf-weighted share of the question's words found anywhere in the entry (or via thesaurus/typo).</param>
/// <param name="TitleCoverage">The same share, found in the best-matching title variant (FAQ question, name, keyword).</param>
/// <param name="VariantCoverage">Share of that variant's own words that the question says.</param>
/// <param name="UnknownShare">idf-weighted share of the question's words that no entry of the pack contains.</param>
public sealed record MatchFeatures(double Coverage, double TitleCoverage, double VariantCoverage, double UnknownShare);
