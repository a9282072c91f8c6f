using System.Text;
using System.Text.RegularExpressions;

namespace ReformBot.Core.Escalation;

/// <summary>What reading an agency's hours gave: the week, or the part that could not be read and why.</summary>
public abstract record HoursReading
{
    public sealed record Read(WorkingWeek Week) : HoursReading;
    public sealed record Unreadable(string Reason) : HoursReading;
}

public sealed partial class WorkingWeek
{
    private enum Kind { Day, Time, To, Morning, Afternoon }

    private readonly record struct Token(Kind Kind, int Value, string Text);

    private sealed record Block(List<(DayOfWeek Day, Kind? Part)> Days, List<WorkingPeriod> Periods);

    /// <summary>
    /// Reads hours the usual ways agencies write them, with or without diacritics: "Thứ Hai đến Thứ Sáu, 7h00–11h30,
    /// 13h30–17h00", "Thứ 2 - Thứ 6: 7h30 - 11h30, 13h30'–17h", "thứ Hai – thứ Sáu và sáng thứ Bảy, 7h30–11h30, 13h30–17h",
    /// "07:30-11:30,13:30-17:00". Days come before or after their periods, and several groups may follow each other
    /// ("…; sáng thứ Bảy 7h30–11h30"). "sáng"/"chiều" before a day keeps only that day's morning/afternoon periods.
    /// Hours that name no day apply to <paramref name="unnamedDays"/>. "(trừ ngày lễ, Tết)" is allowed: holidays are
    /// counted anyway. Any other word is refused, so that what citizens read is exactly what due times are computed from.
    /// </summary>
    public static HoursReading Read(string text, IReadOnlyCollection<DayOfWeek> unnamedDays)
    {
        string normal;
        try { normal = text.Normalize(NormalizationForm.FormC); }
        catch (ArgumentException) { return new HoursReading.Unreadable("not valid Unicode text"); }
        var tokens = new List<Token>();
        var folded = Fold(normal);
        for (var at = 0; at < folded.Length;)
        {
            var m = Piece().Match(folded, at);
            if (!m.Success)
            {
                if (folded[at..].Trim().Length == 0) break;
                return Unreadable($"cannot read \"{Fragment(normal, at)}\" as days or working periods");
            }
            if (ToToken(m, normal) is { } token) tokens.Add(token);
            at += m.Length;
        }
        return Assemble(tokens, unnamedDays);
    }

    private static HoursReading Assemble(List<Token> tokens, IReadOnlyCollection<DayOfWeek> unnamedDays)
    {
        var blocks = new List<Block>();
        Block Current(bool days)
        {
            if (blocks.Count == 0 || blocks[^1].Days.Count > 0 != days) blocks.Add(new Block([], []));
            return blocks[^1];
        }
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var next = i + 1 < tokens.Count ? tokens[i + 1] : (Token?)null;
            switch (t.Kind)
            {
                case Kind.Morning or Kind.Afternoon when next?.Kind == Kind.Time:
                    continue; // "sáng 7h30–11h30": a label
                case Kind.Day:
                case Kind.Morning or Kind.Afternoon when next?.Kind == Kind.Day:
                    var part = t.Kind == Kind.Day ? (Kind?)null : t.Kind;
                    var first = part is null ? i : i + 1;
                    var run = DayRun(tokens, first, out var used);
                    if (run is null) return Unreadable($"the days \"{tokens[first].Text} … {tokens[first + 2].Text}\" run backwards");
                    Current(days: true).Days.AddRange(run.Select(d => (d, part)));
                    i = first + used - 1;
                    break;
                case Kind.Time when t.Value > 24 * 60:
                    return Unreadable($"\"{t.Text}\" is not a time of day");
                case Kind.Time when i + 2 < tokens.Count && tokens[i + 1].Kind == Kind.To && tokens[i + 2].Kind == Kind.Time:
                    var period = new WorkingPeriod(TimeSpan.FromMinutes(t.Value), TimeSpan.FromMinutes(tokens[i + 2].Value));
                    if (period.End <= period.Start || period.End > TimeSpan.FromHours(24))
                        return Unreadable($"the period \"{t.Text}–{tokens[i + 2].Text}\" does not end after it starts on the same day");
                    Current(days: false).Periods.Add(period);
                    i += 2;
                    break;
                case Kind.Time:
                    return Unreadable($"\"{t.Text}\" has no end time (write a period, e.g. 7h30–11h30)");
                default:
                    return Unreadable($"cannot read \"{t.Text}\" here: a day or a working period should follow it");
            }
        }
        return Assign(blocks, unnamedDays);
    }

    /// <summary>A day, or "day đến day" as every day between; null when the range runs backwards.</summary>
    private static List<DayOfWeek>? DayRun(List<Token> tokens, int i, out int used)
    {
        var first = (DayOfWeek)tokens[i].Value;
        if (i + 2 >= tokens.Count || tokens[i + 1].Kind != Kind.To || tokens[i + 2].Kind != Kind.Day)
        {
            used = 1;
            return [first];
        }
        used = 3;
        var (from, to) = (Index(first), Index((DayOfWeek)tokens[i + 2].Value));
        return to < from ? null : MondayFirst[from..(to + 1)].ToList();
    }

    /// <summary>Pairs each group of days with its periods: those after it, or before it when the text starts with periods.</summary>
    private static HoursReading Assign(List<Block> blocks, IReadOnlyCollection<DayOfWeek> unnamedDays)
    {
        if (blocks.All(b => b.Periods.Count == 0)) return Unreadable("names no working period (e.g. 7h30–11h30)");
        var pairs = new List<(IEnumerable<(DayOfWeek Day, Kind? Part)> Days, List<WorkingPeriod> Periods)>();
        if (blocks.Count == 1) pairs.Add((unnamedDays.Select(d => (d, (Kind?)null)), blocks[0].Periods));
        else
            for (var k = 0; k < blocks.Count; k += 2)
            {
                var second = k + 1 < blocks.Count ? blocks[k + 1] : null;
                if (blocks[0].Days.Count > 0) pairs.Add((blocks[k].Days, (second ?? blocks[k - 1]).Periods));
                else if (second is null) return Unreadable($"the periods {Periods(blocks[k].Periods)} name no day");
                else pairs.Add((second.Days, blocks[k].Periods));
            }

        var week = new Dictionary<DayOfWeek, IReadOnlyList<WorkingPeriod>>();
        foreach (var (days, periods) in pairs)
            foreach (var (day, part) in days)
            {
                var kept = periods.Where(p => part is null || p.IsMorning == (part == Kind.Morning)).OrderBy(p => p.Start).ToList();
                if (kept.Count == 0)
                    return Unreadable($"{(part == Kind.Morning ? "sáng" : "chiều")} {DayName(day)}: none of {Periods(periods)} is in the {(part == Kind.Morning ? "morning" : "afternoon")}");
                if (!week.TryAdd(day, kept)) return Unreadable($"{DayName(day)} is given twice");
                if (kept.Zip(kept.Skip(1)).Any(p => p.Second.Start < p.First.End)) return Unreadable($"the periods {Periods(kept)} overlap");
            }
        return week.Count == 0 ? Unreadable("names no working day") : new HoursReading.Read(new WorkingWeek(week));
    }

    private static Token? ToToken(Match m, string normal)
    {
        var text = normal.Substring(m.Groups["piece"].Index, m.Groups["piece"].Length);
        if (m.Groups["day"].Success) return new Token(Kind.Day, (int)DayOf(m.Groups["d"].Value), text);
        if (m.Groups["to"].Success) return new Token(Kind.To, 0, text);
        if (m.Groups["morning"].Success) return new Token(Kind.Morning, 0, text);
        if (m.Groups["afternoon"].Success) return new Token(Kind.Afternoon, 0, text);
        if (!m.Groups["h"].Success) return null; // a separator, "từ", "làm việc", "(trừ ngày lễ)"…
        var minutes = int.Parse(m.Groups["h"].Value) * 60 + (m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value) : 0);
        return new Token(Kind.Time, minutes, text);
    }

    private static DayOfWeek DayOf(string d) => d switch
    {
        "hai" or "2" => DayOfWeek.Monday, "ba" or "3" => DayOfWeek.Tuesday, "tu" or "4" => DayOfWeek.Wednesday,
        "nam" or "5" => DayOfWeek.Thursday, "sau" or "6" => DayOfWeek.Friday, "bay" or "7" => DayOfWeek.Saturday, _ => DayOfWeek.Sunday,
    };

    /// <summary>Lower case without diacritics (đ→d), one dash; the same length as the text, so positions carry over.</summary>
    private static string Fold(string text) => string.Create(text.Length, text, (chars, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = char.ToLowerInvariant(source[i]);
            chars[i] = c switch
            {
                'đ' => 'd',
                '–' or '—' or '−' or '‐' or '‑' or '~' => '-',
                '’' or '′' => '\'',
                > '\u007f' when char.IsLetter(c) => c.ToString().Normalize(NormalizationForm.FormD)[0],
                _ => c,
            };
        }
    });

    private static string Fragment(string text, int at)
    {
        var end = text.IndexOfAny([',', ';', '\n'], at + 1);
        var piece = text[at..(end < 0 ? text.Length : end)].Trim();
        return piece.Length <= 40 ? piece : piece[..40] + "…";
    }

    private static string Periods(IEnumerable<WorkingPeriod> periods) => string.Join(", ", periods.Select(p => $"{Time(p.Start)}–{Time(p.End)}"));

    private static HoursReading.Unreadable Unreadable(string reason) => new(reason);

    [GeneratedRegex("""
        \G\s*(?<piece>
          (?<day>thu\s*(?<d>hai|ba|tu|nam|sau|bay|[2-7])|(?<d>chu)\s*nhat|(?<d>cn)|t(?<d>[2-7]))(?![\p{L}\d])
        | (?<h>[01]?\d|2[0-4])\s*(?:(?:gio|h|g)\s*(?<m>[0-5]\d)?|[:.](?<m>[0-5]\d))(?:\s*(?:phut|p)(?![\p{L}\d])|\s*')?(?![\p{L}\d])
        | (?<to>-|(?:den|toi)(?![\p{L}\d]))
        | (?<morning>(?:buoi\s+)?sang)(?![\p{L}\d])
        | (?<afternoon>(?:buoi\s+)?chieu)(?![\p{L}\d])
        | \(?\s*(?:tru|nghi)\s+(?:cac\s+)?ngay\s+(?:nghi\s+)?le(?:\s*(?:,|va)\s*(?:ngay\s+)?tet)?\s*\)?
        | (?:gio\s+lam\s+viec|lam\s+viec|hang\s+tuan|cac|ngay|tu|va)(?![\p{L}\d])
        | [,;:.()/&+]
        )
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture)]
    private static partial Regex Piece();
}
