using System.Text.RegularExpressions;
using RegexMatch = System.Text.RegularExpressions.Match;

namespace ReformBot.Core.Knowledge.Index;

/// <summary>
/// Numbered grades, ranks and groups a text names ("lớp 7", "hạng 3", "nhóm 2"; Roman ranks are digits by then). A
/// question about grade 7 is not about an entry for grades 1 and 6, however many other words they share.
/// </summary>
internal static partial class Numbered
{
    public static Dictionary<string, HashSet<string>> In(string foldedText)
    {
        var found = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (RegexMatch m in Pattern().Matches(foldedText))
        {
            if (!found.TryGetValue(m.Groups[1].Value, out var numbers)) found[m.Groups[1].Value] = numbers = [];
            numbers.Add(m.Groups[2].Value.TrimStart('0'));
        }
        return found;
    }

    /// <summary>Both name a number of the same kind, and none of the question's is the entry's.</summary>
    public static bool Conflict(Dictionary<string, HashSet<string>> question, Dictionary<string, HashSet<string>> entry) =>
        question.Any(q => entry.TryGetValue(q.Key, out var numbers) && !numbers.Overlaps(q.Value));

    [GeneratedRegex(@"\b(lop|hang|nhom|loai)\s+(\d{1,2})\b")]
    private static partial Regex Pattern();
}
