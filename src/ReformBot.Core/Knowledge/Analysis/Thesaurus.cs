using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Lucene.Net.Util.Fst;

namespace ReformBot.Core.Knowledge.Analysis;

/// <summary>A phrase in the question that the thesaurus knows, and what else it may be called.</summary>
public sealed record SynonymMatch(int Start, int Length, IReadOnlyList<string> Alternatives);

/// <summary>
/// Citizen ↔ administrative vocabulary: the national thesaurus plus the pack's synonyms.txt, both in Solr format and
/// read by Lucene's <see cref="SolrSynonymParser"/> into a <see cref="SynonymMap"/>. Rules are folded, so they match
/// questions typed with or without diacritics. Lucene 4.8's SynonymFilter flattens multi-word synonyms onto the
/// following positions, which breaks bigrams; so the map is looked up directly and each match is expanded as a
/// phrase of its own (see QueryBuilder).
/// </summary>
public sealed class Thesaurus
{
    private readonly SynonymMap map;

    private Thesaurus(SynonymMap map) => this.map = map;

    /// <summary>No rules at all (the baseline profile).</summary>
    public static Thesaurus Empty { get; } = new(NewParser().Build());

    /// <summary>The built-in rules extended by a pack's own (which must already be valid).</summary>
    public static Thesaurus Build(string? packRules)
    {
        var parser = NewParser();
        parser.Parse(new StringReader(NationalThesaurus.Instance.Rules));
        if (packRules is not null) parser.Parse(new StringReader(VietnameseText.Normalize(packRules)));
        return new Thesaurus(parser.Build());
    }

    /// <summary>Every broken rule in a synonyms file, by line.</summary>
    public static IReadOnlyList<(int Line, string Reason)> Validate(string rules)
    {
        var problems = new List<(int, string)>();
        var lines = rules.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = VietnameseText.Normalize(lines[i]).Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (HasEmptyPhrase(line))
            {
                problems.Add((i + 1, $"broken synonym rule \"{lines[i].Trim()}\": {EmptyPhrase}"));
                continue;
            }
            try
            {
                NewParser().Parse(new StringReader(line));
            }
            catch (Exception e) when (e is J2N.Text.ParseException or ArgumentException or IOException)
            {
                problems.Add((i + 1, $"broken synonym rule \"{lines[i].Trim()}\": {Innermost(e).Message}"));
            }
        }
        return problems;
    }

    internal const string EmptyPhrase = "empty phrase (a stray comma or an arrow with nothing on one side)";

    /// <summary>A rule with nothing between two commas, or nothing on one side of its arrow.</summary>
    internal static bool HasEmptyPhrase(string rule) => rule.Split("=>").Any(side => side.Split(',').Any(p => p.Trim().Length == 0));

    /// <summary>Greedy longest matches of thesaurus phrases over a question's folded syllables.</summary>
    public IReadOnlyList<SynonymMatch> Match(IReadOnlyList<string> foldedTokens)
    {
        var matches = new List<SynonymMatch>();
        var fst = map.Fst;
        if (fst is null) return matches;
        var reader = fst.GetBytesReader();
        var arc = new FST.Arc<BytesRef>();
        for (var start = 0; start < foldedTokens.Count;)
        {
            var (length, output) = LongestAt(fst, reader, arc, foldedTokens, start);
            if (length == 0)
            {
                start++;
                continue;
            }
            matches.Add(new SynonymMatch(start, length, Decode(output!)));
            start += length;
        }
        return matches;
    }

    /// <summary>
    /// Walks the phrase automaton syllable by syllable from <paramref name="start"/>, as Lucene's SynonymFilter does,
    /// and returns the longest phrase that ends on a whole syllable, with its output. One walk per position, where
    /// looking up every candidate length as a joined string cost a string and a lookup per length.
    /// </summary>
    private static (int Length, BytesRef? Output) LongestAt(
        FST<BytesRef> fst, FST.BytesReader reader, FST.Arc<BytesRef> arc, IReadOnlyList<string> tokens, int start)
    {
        var outputs = fst.Outputs;
        fst.GetFirstArc(arc);
        var output = outputs.NoOutput;
        (int, BytesRef?) longest = (0, null);
        for (var i = start; i < tokens.Count; i++)
        {
            if (i > start)
            {
                if (fst.FindTargetArc(SynonymMap.WORD_SEPARATOR, arc, arc, reader) is null) break;
                output = outputs.Add(output, arc.Output);
            }
            var token = tokens[i];
            var walked = true;
            for (var c = 0; c < token.Length && walked; c++)
            {
                // A lone surrogate is looked up as itself, never an error.
                var codePoint = char.IsSurrogatePair(token, c) ? char.ConvertToUtf32(token[c], token[++c]) : token[c];
                walked = fst.FindTargetArc(codePoint, arc, arc, reader) is not null;
                if (walked) output = outputs.Add(output, arc.Output);
            }
            if (!walked) break;
            if (arc.IsFinal) longest = (i - start + 1, outputs.Add(output, arc.NextFinalOutput));
        }
        return longest;
    }

    private List<string> Decode(BytesRef output)
    {
        var input = new ByteArrayDataInput(output.Bytes, output.Offset, output.Length);
        var count = input.ReadVInt32() >>> 1; // the low bit says whether to keep the original: we always keep it
        var words = new List<string>(count);
        var scratch = new BytesRef();
        for (var i = 0; i < count; i++)
        {
            map.Words.Get(input.ReadVInt32(), scratch);
            words.Add(scratch.Utf8ToString().Replace(SynonymMap.WORD_SEPARATOR, ' '));
        }
        return words;
    }

    private static SolrSynonymParser NewParser() => new(dedup: true, expand: true, Analyzers.Folded());

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
