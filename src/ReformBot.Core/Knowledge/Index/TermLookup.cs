using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ReformBot.Core.Knowledge.Index;

/// <summary>
/// Finds a question's terms with one enumerator per field for the whole search, shared by the query and the confidence
/// features. A plain TermQuery (or IndexReader.DocFreq) opens a new enumerator per term to read its statistics, which
/// was most of the memory a search allocated. A term no entry has gets no query: it could not add to any score.
/// </summary>
internal sealed class TermLookup(IndexReader reader)
{
    // The index is merged into one segment when built; the per-term path below needs exactly one.
    private readonly AtomicReaderContext? leaf = reader.Leaves.Count == 1 ? reader.Leaves[0] : null;
    private readonly Dictionary<string, TermsEnum?> enums = [];

    public TermQuery? Query(string field, string text, float boost)
    {
        var term = new Term(field, text);
        if (leaf is null) return new TermQuery(term) { Boost = boost };
        if (Seek(field, term) is not { } found) return null;
        return new TermQuery(term, new TermContext(reader.Context, found.GetTermState(), leaf.Ord, found.DocFreq, found.TotalTermFreq)) { Boost = boost };
    }

    public int DocFreq(string field, string text) =>
        leaf is null ? reader.DocFreq(new Term(field, text)) : Seek(field, new Term(field, text))?.DocFreq ?? 0;

    private TermsEnum? Seek(string field, Term term)
    {
        if (!enums.TryGetValue(field, out var terms)) enums[field] = terms = leaf!.AtomicReader.GetTerms(field)?.GetEnumerator();
        return terms is not null && terms.SeekExact(term.Bytes) ? terms : null;
    }
}
