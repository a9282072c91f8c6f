using System.Text.RegularExpressions;
using RegexMatch = System.Text.RegularExpressions.Match;
using Lucene.Net.Analysis;
using ReformBot.Core.Knowledge.Analysis;

namespace ReformBot.Core.Knowledge.Index;

/// <summary>The words of a question that name the agency itself: they say nothing about which entry is meant.</summary>
internal sealed record Addressing(IReadOnlySet<string> Terms, IReadOnlySet<string> Bigrams)
{
    public static Addressing None { get; } = new(new HashSet<string>(), new HashSet<string>());
}

/// <summary>
/// The agency's name from office.json, in the runs citizens use to address it: its kind ("ủy ban nhân dân", "ubnd",
/// "sở xây dựng") and each place with or without its rank ("phường hòa khánh", "hòa khánh", "đà nẵng"). A question that
/// says one of these runs names the agency, and the run's rarity would otherwise let any entry that names the agency
/// (a certificate of merit from the ward's chairman) outrank the one asked for. Only whole runs count: "xây dựng" in
/// "giấy phép xây dựng" is what is asked, "sở xây dựng" is who is asked.
/// </summary>
internal sealed partial class AgencyName
{
    private readonly List<string[]> runs = [];

    public AgencyName(string? name, Analyzer folded)
    {
        if (name is null) return;
        var normalized = VietnameseText.Normalize(name);
        var first = Rank().Match(normalized);
        var kind = first.Success ? normalized[..first.Index] : normalized;
        Add(folded.Terms(kind));
        if (folded.Terms(kind) is ["uy", "ban", "nhan", "dan"]) runs.Add(["ubnd"]);
        foreach (RegexMatch place in Rank().Matches(normalized))
        {
            Add(folded.Terms(place.Value));
            Add(folded.Terms(place.Groups[2].Value));
        }
    }

    private void Add(List<string> run)
    {
        if (run.Count > 0) runs.Add([.. run]);
    }

    public Addressing In(IReadOnlyList<string> question)
    {
        if (runs.Count == 0) return Addressing.None;
        var marked = new bool[question.Count];
        for (var i = 0; i < question.Count; i++)
            foreach (var run in runs)
                if (i + run.Length <= question.Count && run.Select((w, k) => question[i + k] == w).All(same => same))
                    for (var k = 0; k < run.Length; k++) marked[i + k] = true;
        var terms = question.Where((t, i) => marked[i]).Except(question.Where((t, i) => !marked[i])).ToHashSet();
        var bigrams = Enumerable.Range(0, Math.Max(0, question.Count - 1))
            .Where(i => marked[i] && marked[i + 1])
            .Select(i => question[i] + Analyzers.BigramSeparator + question[i + 1])
            .ToHashSet();
        return new Addressing(terms, bigrams);
    }

    [GeneratedRegex(@"(phường|xã|thị trấn|đặc khu|tỉnh|thành phố|quận|huyện|thị xã)\s+([^,;()]+)")]
    private static partial Regex Rank();
}
