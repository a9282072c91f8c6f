using System.Globalization;

namespace ReformBot.Core.Escalation;

/// <summary>
/// Working time in Asia/Ho_Chi_Minh: working days and periods, the fixed national holidays (1/1, 30/4, 1/5, 2/9),
/// and configured days off (Tết and Giỗ Tổ follow the lunar calendar; compensatory days are decided each year).
/// </summary>
public sealed class OfficeHours
{
    private static readonly (int Month, int Day)[] FixedHolidays = [(1, 1), (4, 30), (5, 1), (9, 2)];
    private readonly TimeZoneInfo zone = FindZone();
    private readonly (TimeSpan Start, TimeSpan End)[] periods;
    private readonly HashSet<DayOfWeek> days;
    private readonly HashSet<DateOnly> holidays;

    public OfficeHours(EscalationOptions options)
    {
        periods = ParsePeriods(options.WorkingHours);
        days = options.WorkingDays.ToHashSet();
        holidays = options.Holidays.Select(d => DateOnly.ParseExact(d.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToHashSet();
        if (days.Count == 0) throw new FormatException("At least one working day is needed.");
    }

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    public bool IsWorkingDay(DateOnly day) =>
        days.Contains(day.DayOfWeek) && !holidays.Contains(day) && !FixedHolidays.Contains((day.Month, day.Day));

    public bool IsOpen(DateTime utc)
    {
        var local = ToLocal(utc);
        return IsWorkingDay(DateOnly.FromDateTime(local)) && periods.Any(p => local.TimeOfDay >= p.Start && local.TimeOfDay < p.End);
    }

    /// <summary>The moment <paramref name="workingHours"/> of working time have passed after <paramref name="utc"/> (UTC).</summary>
    public DateTime AddWorkingHours(DateTime utc, double workingHours)
    {
        var local = ToLocal(utc);
        var left = TimeSpan.FromHours(workingHours);
        var day = DateOnly.FromDateTime(local);
        var time = local.TimeOfDay;
        for (var guard = 0; guard < 3660; guard++, day = day.AddDays(1), time = TimeSpan.Zero)
        {
            if (!IsWorkingDay(day)) continue;
            foreach (var (start, end) in periods)
            {
                var from = time > start ? time : start;
                if (from >= end) continue;
                if (end - from >= left)
                    return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.ToDateTime(TimeOnly.FromTimeSpan(from + left)), DateTimeKind.Unspecified), zone);
                left -= end - from;
            }
        }
        throw new InvalidOperationException("No working time in the next ten years: check the working days and holidays.");
    }

    /// <summary>"16:30 thứ Sáu, 27/11/2026".</summary>
    public string Describe(DateTime utc)
    {
        var local = ToLocal(utc);
        var weekday = local.DayOfWeek switch
        {
            DayOfWeek.Monday => "thứ Hai", DayOfWeek.Tuesday => "thứ Ba", DayOfWeek.Wednesday => "thứ Tư", DayOfWeek.Thursday => "thứ Năm",
            DayOfWeek.Friday => "thứ Sáu", DayOfWeek.Saturday => "thứ Bảy", _ => "Chủ nhật",
        };
        return $"{local:HH:mm} {weekday}, {local:dd/MM/yyyy}";
    }

    private static (TimeSpan, TimeSpan)[] ParsePeriods(string text)
    {
        var result = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part =>
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || !TimeSpan.TryParseExact(ends[0], @"hh\:mm", CultureInfo.InvariantCulture, out var start)
                || !TimeSpan.TryParseExact(ends[1], @"hh\:mm", CultureInfo.InvariantCulture, out var end) || end <= start)
                throw new FormatException($"'{part}' is not a period like 07:30-11:30.");
            return (start, end);
        }).OrderBy(p => p.start).ToArray();
        if (result.Length == 0) throw new FormatException("At least one working period is needed.");
        return result;
    }

    private static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "ICT", "ICT"); }
    }
}
