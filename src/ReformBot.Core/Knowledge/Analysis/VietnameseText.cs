using System.Text;
using System.Text.RegularExpressions;

namespace ReformBot.Core.Knowledge.Analysis;

/// <summary>
/// The normalisation Lucene lacks, applied in plain C# before any analyzer sees the text: Unicode NFC, lower case,
/// one tone placement, Roman ranks as digits; and, for citizens' questions only, chat spellings and particles.
/// </summary>
public static partial class VietnameseText
{
    /// <summary>For pack text and questions alike.</summary>
    public static string Normalize(string text)
    {
        var s = text.Normalize(NormalizationForm.FormC).ToLowerInvariant();
        s = CanonicalTones(s);
        s = RomanRank().Replace(s, m => m.Groups[1].Value + RomanToDigit(m.Groups[2].Value));
        return RepeatedLetters().Replace(s, "$1");
    }

    /// <summary>The text without diacritics (đ→d), as citizens often type it.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var plain = decomposed.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark);
        return new string(plain.ToArray()).Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// For what a citizen typed: <see cref="Normalize"/>, then whole-token chat spellings, minus particles. Clauses stay
    /// apart (", "), so that no phrase is read across a comma or a full stop.
    /// </summary>
    public static string NormalizeQuestion(string text)
    {
        var clauses = ClauseEnd().Split(Normalize(text)).Select(c => Word().Matches(c).Select(m => m.Value).ToList()).Where(c => c.Count > 0).ToList();
        return string.Join(", ", clauses.Select((all, k) =>
        {
            var words = all.Where((w, i) => !ChatSpellings.IsParticle(w, last: k == clauses.Count - 1 && i == all.Count - 1)).ToList();
            return string.Join(' ', words.Select((w, i) => ChatSpellings.Expand(i > 0 ? words[i - 1] : null, w, i + 1 < words.Count ? words[i + 1] : null)));
        }).Where(c => c.Length > 0));
    }

    /// <summary>What ends a clause: a comma, semicolon, question or exclamation mark, or a full stop before a space (not a dot inside "dichvucong.gov.vn").</summary>
    [GeneratedRegex(@"[,;!?]+|\.(?=\s|$)")]
    internal static partial Regex ClauseEnd();

    /// <summary>
    /// Old-style tone placement ("hòa", "khỏe", "thủy") for open syllables; new style ("hoà", "khoẻ", "thuỷ") is mapped to it.
    /// Closed syllables ("hoàn", "khuyến") and "qu" + y ("quý") are the same in both styles and are left alone.
    /// </summary>
    public static string CanonicalTones(string s) =>
        NewStyleTone().Replace(s, m =>
        {
            var first = m.Groups[1].Value[0];
            var toned = m.Groups[2].Value[0];
            var (plain, tone) = ToneOf(toned);
            return $"{WithTone(first, tone)}{plain}";
        });

    // "oà/oè" and "uỳ" at the end of a syllable; "quỳ" excluded because there "u" belongs to the consonant.
    [GeneratedRegex(@"(?<!q)(o|u)([àáảãạèéẻẽẹỳýỷỹỵ])(?!\p{L})")]
    private static partial Regex NewStyleTone();

    [GeneratedRegex(@"\b(hạng |cấp |nhóm |loại |bậc )(iv|iii|ii|i)\b")]
    private static partial Regex RomanRank();

    // "khôngggg" → "không"; only at the end of a word, so acronyms such as "cccd" survive ("iii" is a Roman numeral).
    [GeneratedRegex(@"([\p{L}-[i]])\1{2,}(?!\p{L})")]
    private static partial Regex RepeatedLetters();

    [GeneratedRegex(@"[\p{L}\p{M}\p{Nd}]+")]
    internal static partial Regex Word();

    private static string RomanToDigit(string roman) => roman switch { "i" => "1", "ii" => "2", "iii" => "3", _ => "4" };

    private const string Tones = "àáảãạèéẻẽẹỳýỷỹỵòóỏõọùúủũụ";
    private const string Plain = "aey"; // rows of Tones, five marks each: a, e, y, then o, u

    private static (char Plain, int Tone) ToneOf(char toned)
    {
        var i = Tones.IndexOf(toned);
        return (Plain[i / 5], i % 5);
    }

    private static char WithTone(char vowel, int tone) => Tones[(vowel == 'o' ? 15 : 20) + tone];
}
