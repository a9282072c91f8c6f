namespace ReformBot.Core.Knowledge.Index;

/// <summary>The folded terms of one entry, kept in memory for the confidence features (coverage of the question).</summary>
internal sealed record EntryTerms(IReadOnlyList<HashSet<string>> Variants, HashSet<string> All)
{
    /// <summary>A typo one edit away from a word of the entry ("tuyếng" for "tuyến"), same first letter.</summary>
    public static bool HasNear(string term, HashSet<string> terms) => terms.Any(t => IsNear(t, term));

    public static bool IsNear(string a, string b) => a[0] == b[0] && WithinOneEdit(a, b);

    private static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { i++; j++; continue; }
            if (++edits > 1) return false;
            if (a.Length > b.Length) i++;
            else if (a.Length < b.Length) j++;
            else { i++; j++; }
        }
        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }
}
