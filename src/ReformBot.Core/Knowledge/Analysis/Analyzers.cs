using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Pattern;
using Lucene.Net.Analysis.Shingle;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace ReformBot.Core.Knowledge.Analysis;

/// <summary>The Lucene analysis chains, all built from Lucene.Net.Analysis.Common parts.</summary>
internal static class Analyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // Syllables spelt with "y" or "i" after a consonant are the same syllable ("ký"/"kí", "lý"/"lí", "công ty"/"công ti").
    private static readonly Regex IAndY = new("^(b|c|d|g|h|k|l|m|n|p|r|s|t|v|x|ch|gh|kh|ng|nh|ph|th|tr)y$", RegexOptions.Compiled);

    /// <summary>Syllables with their diacritics: lets a question typed with accents prefer text spelt the same way.</summary>
    public static Analyzer Accented() => Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        return new TokenStreamComponents(source, new LowerCaseFilter(Version, source));
    });

    /// <summary>Syllables without diacritics (đ→d too): matches questions typed without accents.</summary>
    public static Analyzer Folded() => Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        return new TokenStreamComponents(source, Fold(source));
    });

    /// <summary>Joins the two syllables of a bigram term.</summary>
    public const string BigramSeparator = "_";

    /// <summary>Folded syllable bigrams ("giay_phep"): most Vietnamese words are two syllables.</summary>
    public static Analyzer FoldedBigrams() => Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        var shingles = new ShingleFilter(Fold(source), 2, 2);
        shingles.SetOutputUnigrams(false);
        shingles.SetTokenSeparator(BigramSeparator);
        return new TokenStreamComponents(source, shingles);
    });

    /// <summary>What C# projects commonly use for Vietnamese: StandardTokenizer, lower case, ASCII folding.</summary>
    public static Analyzer Baseline() => Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(Version, source)));
    });

    private static TokenStream Fold(TokenStream source) =>
        new PatternReplaceFilter(new ASCIIFoldingFilter(new LowerCaseFilter(Version, source)), IAndY, "$1i", false);

    public static List<string> Terms(this Analyzer analyzer, string text, string field = "")
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }
}
