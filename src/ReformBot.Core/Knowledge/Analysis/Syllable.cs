using System.Text.RegularExpressions;

namespace ReformBot.Core.Knowledge.Analysis;

/// <summary>One normalised syllable, compared as citizens type it: with its diacritics when it has them.</summary>
public static partial class Syllable
{
    private const string Ys = "yýỳỷỹỵ";
    private const string Is = "iíìỉĩị";

    /// <summary>"ký" and "kí", "lý" and "lí" are one syllable: after a consonant, y is written i.</summary>
    public static string Key(string syllable)
    {
        if (syllable.Length < 2 || Ys.IndexOf(syllable[^1]) < 0 || !ConsonantsOnly().IsMatch(syllable.AsSpan(0, syllable.Length - 1))) return syllable;
        return string.Concat(syllable.AsSpan(0, syllable.Length - 1), Is[Ys.IndexOf(syllable[^1])].ToString());
    }

    public static string Folded(string syllable) => VietnameseText.Fold(syllable);

    /// <summary>Without diacritics (đ counts as one).</summary>
    public static bool IsPlain(string syllable) => syllable.All(char.IsAscii);

    /// <summary>
    /// Whether a text was typed without diacritics: none of its letters has one. In a text typed with them, a plain
    /// syllable is that syllable ("thu"), not any that folds to it ("thư"). Ask it of what was typed, before chat
    /// spellings are expanded ("gpxd" becomes words with diacritics).
    /// </summary>
    public static bool IsPlain(IReadOnlyList<string> syllables) => syllables.All(IsPlain);

    /// <inheritdoc cref="IsPlain(IReadOnlyList{string})"/>
    public static bool IsTypedPlain(string text) => text.Normalize(System.Text.NormalizationForm.FormC).All(c => !char.IsLetter(c) || char.IsAscii(c));

    /// <summary>Two syllables are the same; folded if either comes from a text typed without diacritics.</summary>
    public static bool Same(string a, string b, bool eitherPlain)
    {
        var (x, y) = (Key(a), Key(b));
        return eitherPlain ? Folded(x) == Folded(y) : x == y;
    }

    [GeneratedRegex("^(b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x|ch|gh|kh|ng|nh|ph|th|tr)$")]
    private static partial Regex ConsonantsOnly();
}
