using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using ReformBot.Core.Knowledge.Analysis;

namespace ReformBot.Core.Knowledge.Index;

/// <summary>
/// An in-memory Lucene index over a knowledge pack. Immutable once built: to change the knowledge, build a new one
/// and swap it in, so the last good index keeps serving while a new pack is checked.
/// </summary>
public sealed partial class KnowledgeIndex : IDisposable
{
    private const string EntryOrdinal = "entry";

    private readonly KnowledgeEntry[] entries;
    private readonly EntryTerms[] entryTerms;
    private readonly IReadOnlySet<Qualifier>[] entryQualifiers;
    private readonly string[][][] entryTitles;
    private readonly Dictionary<string, HashSet<string>>[] entryNumbers;
    private readonly TopicCoverage topics;
    private readonly AgencyName agency;
    private readonly Dictionary<string, int> entryFrequency;
    private readonly int[] entryOfDoc;
    private readonly RAMDirectory directory;
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;
    private readonly IndexAnalyzers analyzers;
    private readonly Thesaurus thesaurus;

    public KnowledgePack Pack { get; }
    public SearchProfile Profile { get; }
    public RankingOptions Ranking { get; }

    public static KnowledgeIndex Build(KnowledgePack pack, SearchProfile profile = SearchProfile.Vietnamese, RankingOptions? ranking = null) =>
        new(pack, profile, ranking ?? new RankingOptions());

    private KnowledgeIndex(KnowledgePack pack, SearchProfile profile, RankingOptions ranking)
    {
        Pack = pack;
        Profile = profile;
        Ranking = ranking;
        analyzers = new IndexAnalyzers();
        thesaurus = profile == SearchProfile.Vietnamese ? Thesaurus.Build(pack.SynonymsText) : Thesaurus.Empty;
        entries = pack.Entries.ToArray();
        entryTerms = new EntryTerms[entries.Length];
        entryQualifiers = new IReadOnlySet<Qualifier>[entries.Length];
        entryTitles = new string[entries.Length][][];
        entryNumbers = new Dictionary<string, HashSet<string>>[entries.Length];
        directory = new RAMDirectory();

        var similarity = new BM25Similarity(ranking.K1, ranking.B);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Analyzers.Version, FieldAnalyzer()) { Similarity = similarity }))
        {
            for (var i = 0; i < entries.Length; i++) entryTerms[i] = AddEntry(writer, i);
            writer.ForceMerge(1);
        }
        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader) { Similarity = similarity };
        entryOfDoc = ReadDocOwners(reader);
        entryFrequency = entryTerms.SelectMany(t => t.All).CountBy(t => t).ToDictionary();
        agency = new AgencyName(profile == SearchProfile.Vietnamese ? pack.Office?.Name : null, analyzers.Folded);
        topics = new TopicCoverage(profile == SearchProfile.Vietnamese ? NationalThesaurus.Instance : NationalThesaurus.Parse([]), entryTerms, entryTitles);
    }

    private Analyzer FieldAnalyzer()
    {
        if (Profile == SearchProfile.Baseline) return analyzers.Baseline;
        return new PerFieldAnalyzerWrapper(analyzers.Folded, new Dictionary<string, Analyzer>
        {
            [Fields.Accented] = analyzers.Accented,
            [Fields.FoldedBigrams] = analyzers.FoldedBigrams,
            [Fields.BodyBigrams] = analyzers.FoldedBigrams,
        });
    }

    /// <summary>One document per entry: its title variants (multi-valued, so no bigram spans two variants) and its body.</summary>
    private EntryTerms AddEntry(IndexWriter writer, int ordinal)
    {
        var entry = entries[ordinal];
        var doc = new Document { new NumericDocValuesField(EntryOrdinal, ordinal) };
        var variants = new List<HashSet<string>>();
        var titles = new List<IReadOnlyList<string>>();
        foreach (var title in TitleVariants(entry))
        {
            var text = Prepare(title);
            titles.Add(Profile == SearchProfile.Vietnamese ? analyzers.Accented.Terms(text) : []);
            doc.Add(new TextField(Fields.Folded, text, Field.Store.NO));
            if (Profile == SearchProfile.Vietnamese)
            {
                doc.Add(new TextField(Fields.Accented, text, Field.Store.NO));
                doc.Add(new TextField(Fields.FoldedBigrams, text, Field.Store.NO));
            }
            variants.Add(TermsOf(text));
        }

        var bodyText = Prepare(string.Join('\n', BodyParts(entry)));
        doc.Add(new TextField(Fields.Body, bodyText, Field.Store.NO));
        if (Profile == SearchProfile.Vietnamese) doc.Add(new TextField(Fields.BodyBigrams, bodyText, Field.Store.NO));
        writer.AddDocument(doc);

        entryTitles[ordinal] = titles.Select(t => t.ToArray()).ToArray();
        entryNumbers[ordinal] = Numbered.In(VietnameseText.Fold(string.Join(" , ", TitleVariants(entry).Select(Prepare))));
        entryQualifiers[ordinal] = Profile == SearchProfile.Vietnamese ? EntryQualifiers.Of(NationalThesaurus.Instance, titles) : new HashSet<Qualifier>();
        var all = TermsOf(bodyText);
        foreach (var variant in variants) all.UnionWith(variant);
        return new EntryTerms(variants, all);
    }

    /// <summary>What citizens' questions are matched against first: the ways the entry itself is asked or named.</summary>
    private static IEnumerable<string> TitleVariants(KnowledgeEntry entry) => entry switch
    {
        FaqEntry faq => faq.Questions,
        Procedure p => [p.Name, .. p.Keywords],
        _ => [],
    };

    private static IEnumerable<string> BodyParts(KnowledgeEntry entry) => entry switch
    {
        FaqEntry faq => [faq.Answer, .. faq.Links.Select(l => l.Title)],
        Procedure p => [p.Field, p.Agency, p.Where, p.ProcessingTime, p.Fee, .. p.Documents, .. p.Steps, p.Result],
        _ => [],
    };

    private string Prepare(string text) => Profile == SearchProfile.Vietnamese ? VietnameseText.Normalize(text) : text;

    private HashSet<string> TermsOf(string preparedText) =>
        (Profile == SearchProfile.Vietnamese ? analyzers.Folded : analyzers.Baseline).Terms(preparedText).ToHashSet();

    private static int[] ReadDocOwners(DirectoryReader reader)
    {
        var owners = new int[reader.MaxDoc];
        foreach (var leaf in reader.Leaves)
        {
            var values = leaf.AtomicReader.GetNumericDocValues(EntryOrdinal);
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++) owners[leaf.DocBase + doc] = (int)values.Get(doc);
        }
        return owners;
    }

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
        analyzers.Dispose();
    }
}
