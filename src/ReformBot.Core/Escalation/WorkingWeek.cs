using System.Text;

namespace ReformBot.Core.Escalation;

/// <summary>One working period of a day, in local time.</summary>
public readonly record struct WorkingPeriod(TimeSpan Start, TimeSpan End)
{
    public bool IsMorning => Start < TimeSpan.FromHours(12);
}

/// <summary>
/// Which days are worked and in which periods, read from the hours an agency writes (<see cref="Read"/>) and said back
/// in Vietnamese (<see cref="Text"/>): "Thứ Hai đến Thứ Sáu, 7h00–11h30, 13h30–17h00".
/// </summary>
public sealed partial class WorkingWeek
{
    private static readonly DayOfWeek[] MondayFirst =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private readonly Dictionary<DayOfWeek, WorkingPeriod[]> days;

    public WorkingWeek(IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingPeriod>> days)
    {
        this.days = days.Where(d => d.Value.Count > 0).ToDictionary(d => d.Key, d => d.Value.OrderBy(p => p.Start).ToArray());
        Text = Describe();
    }

    /// <summary>The periods worked on <paramref name="day"/>, earliest first; none on a day off.</summary>
    public IReadOnlyList<WorkingPeriod> On(DayOfWeek day) => days.GetValueOrDefault(day) ?? [];

    /// <summary>What citizens read: days with the same periods together, Monday first.</summary>
    public string Text { get; }

    public static string DayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "Thứ Hai", DayOfWeek.Tuesday => "Thứ Ba", DayOfWeek.Wednesday => "Thứ Tư", DayOfWeek.Thursday => "Thứ Năm",
        DayOfWeek.Friday => "Thứ Sáu", DayOfWeek.Saturday => "Thứ Bảy", _ => "Chủ nhật",
    };

    /// <summary>"7h00", "13h30".</summary>
    public static string Time(TimeSpan time) => $"{(int)time.TotalHours}h{time.Minutes:00}";

    private string Describe()
    {
        var groups = MondayFirst.Where(days.ContainsKey)
            .GroupBy(d => string.Join(", ", days[d].Select(p => $"{Time(p.Start)}–{Time(p.End)}")));
        return string.Join("; ", groups.Select(g => $"{Days(g.ToList())}, {g.Key}"));
    }

    /// <summary>Runs of three or more consecutive days as "Thứ Hai đến Thứ Sáu", others listed.</summary>
    private static string Days(List<DayOfWeek> group)
    {
        var text = new StringBuilder();
        for (var i = 0; i < group.Count;)
        {
            var run = 1;
            while (i + run < group.Count && Index(group[i + run]) == Index(group[i]) + run) run++;
            if (text.Length > 0) text.Append(", ");
            text.Append(DayName(group[i]));
            if (run >= 3) text.Append(" đến ").Append(DayName(group[i + run - 1]));
            else if (run == 2) text.Append(", ").Append(DayName(group[i + 1]));
            i += run;
        }
        return text.ToString();
    }

    private static int Index(DayOfWeek day) => Array.IndexOf(MondayFirst, day);
}
