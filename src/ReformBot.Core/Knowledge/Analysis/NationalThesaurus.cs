using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace ReformBot.Core.Knowledge.Analysis;

/// <summary>A public-service matter the national thesaurus names, and who handles it when a pack has nothing on it.</summary>
public sealed record Topic(string Name, string Field, string? Referral);

/// <summary>What makes a question a different case of the same matter; the label completes "hướng dẫn riêng về …".</summary>
public sealed record Qualifier(string Label);

/// <summary>
/// The thesaurus that ships with the engine (National/*.txt, format in National/README.md): the synonym rules of every
/// field, the topics they name, and the qualifiers. Parsed once; a pack's synonyms.txt is added on top by <see cref="Thesaurus"/>.
/// </summary>
public sealed partial class NationalThesaurus
{
    private const string ResourcePrefix = "ReformBot.National.";
    private const string QualifiersFile = "qualifiers";

    private static readonly Lazy<NationalThesaurus> Shipped = new(() => Parse(ReadResources()));

    /// <summary>The synonym rules of every file, topic headers removed, for Lucene's Solr parser.</summary>
    public string Rules { get; }

    public PhraseIndex<Topic> Topics { get; } = new();

    public PhraseIndex<Qualifier> Qualifiers { get; } = new();

    /// <summary>Each topic's phrases, as normalised syllables.</summary>
    public IReadOnlyDictionary<Topic, IReadOnlyList<string[]>> PhrasesOf { get; private set; } = new Dictionary<Topic, IReadOnlyList<string[]>>();

    /// <summary>Each broken line, as file, line number and reason.</summary>
    public IReadOnlyList<string> Problems { get; }

    private NationalThesaurus(string rules, IReadOnlyList<string> problems)
    {
        Rules = rules;
        Problems = problems;
    }

    public static NationalThesaurus Instance => Shipped.Value;

    public static NationalThesaurus Parse(IEnumerable<(string File, string Text)> files)
    {
        var rules = new StringBuilder();
        var problems = new List<string>();
        var parsed = new List<(IReadOnlyList<string> Phrase, Topic Topic)>();
        var qualifiers = new List<(IReadOnlyList<string> Phrase, Qualifier Qualifier)>();
        static IReadOnlyList<string> Syllables(string phrase) => VietnameseText.Word().Matches(VietnameseText.Normalize(phrase)).Select(m => m.Value).ToList();

        foreach (var (file, text) in files)
        {
            var lines = text.Normalize(NormalizationForm.FormC).Split('\n');
            var field = lines.Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith('#'))?.TrimStart('#').Trim() ?? file;
            Topic? topic = null;
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.Length == 0 || line.StartsWith('#')) continue;
                if (file == QualifiersFile)
                {
                    if (QualifierLine().Match(line) is not { Success: true } q) problems.Add($"{file}.txt:{i + 1}: expected {{label}} phrase, phrase, ...");
                    else foreach (var phrase in Phrases(q.Groups[2].Value)) qualifiers.Add((Syllables(phrase), new Qualifier(q.Groups[1].Value.Trim())));
                    continue;
                }
                if (line.StartsWith('['))
                {
                    if (TopicLine().Match(line) is not { Success: true } t)
                    {
                        problems.Add($"{file}.txt:{i + 1}: a topic line is [topic] or [topic | who handles it]");
                        continue;
                    }
                    var referral = t.Groups[2].Value.Trim();
                    topic = new Topic(t.Groups[1].Value.Trim(), field, referral.Length > 0 ? referral : null);
                    continue;
                }
                if (Thesaurus.HasEmptyPhrase(line))
                {
                    problems.Add($"{file}.txt:{i + 1}: {Thesaurus.EmptyPhrase}");
                    continue;
                }
                rules.Append(VietnameseText.Normalize(line)).Append('\n');
                if (topic is not null) foreach (var phrase in Phrases(line.Replace("=>", ","))) parsed.Add((Syllables(phrase), topic));
            }
        }

        var national = new NationalThesaurus(rules.ToString(), problems);
        foreach (var (phrase, topic) in parsed) national.Topics.Add(phrase, topic);
        national.PhrasesOf = parsed.Where(p => p.Phrase.Count > 0).GroupBy(p => p.Topic)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string[]>)g.Select(p => p.Phrase.ToArray()).ToList());
        foreach (var (phrase, qualifier) in qualifiers) national.Qualifiers.Add(phrase, qualifier);
        return national;
    }

    private static List<string> Phrases(string list) => list.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();

    private static IEnumerable<(string File, string Text)> ReadResources()
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            yield return (name[ResourcePrefix.Length..^".txt".Length], reader.ReadToEnd());
        }
    }

    [GeneratedRegex(@"^\[([^|\]]+)(?:\|([^\]]*))?\]$")]
    private static partial Regex TopicLine();

    [GeneratedRegex(@"^\{([^}]+)\}(.+)$")]
    private static partial Regex QualifierLine();
}
