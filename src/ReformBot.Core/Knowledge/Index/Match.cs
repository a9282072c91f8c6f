namespace ReformBot.Core.Knowledge.Index;

/// <summary>
/// One entry found for a question, with what the answer-or-escalate decision needs. Raw BM25 scores cannot be
/// compared across questions, so the features are relative to the question: how much of it the entry covers.
/// </summary>
public sealed record Match(KnowledgeEntry Entry, float Score, MatchFeatures Features);

/// <param name="Coverage">idf-weighted share of the question's words found anywhere in the entry (or via thesaurus/typo).</param>
/// <param name="TitleCoverage">The same share, found in the best-matching title variant (FAQ question, name, keyword).</param>
/// <param name="VariantCoverage">Share of that variant's own words that the question says.</param>
/// <param name="UnknownShare">idf-weighted share of the question's words that no entry of the pack contains.</param>
public sealed record MatchFeatures(double Coverage, double TitleCoverage, double VariantCoverage, double UnknownShare);
