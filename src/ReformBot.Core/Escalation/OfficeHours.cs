using System.Globalization;
using ReformBot.Core.Knowledge;

namespace ReformBot.Core.Escalation;

/// <summary>
/// Working time in Asia/Ho_Chi_Minh: the working week, the fixed national holidays (1/1, 30/4, 1/5, 2/9), and configured
/// days off (Tết and Giỗ Tổ follow the lunar calendar; compensatory days are decided each year). Citizens read
/// <see cref="Text"/>, and due times are computed from the same week.
/// </summary>
public sealed class OfficeHours
{
    private static readonly (int Month, int Day)[] FixedHolidays = [(1, 1), (4, 30), (5, 1), (9, 2)];
    private static readonly TimeZoneInfo Zone = FindZone();
    private readonly WorkingWeek week;
    private readonly HashSet<DateOnly> holidays;

    private OfficeHours(WorkingWeek week, IEnumerable<DateOnly> holidays)
    {
        this.week = week;
        this.holidays = holidays.ToHashSet();
    }

    /// <summary>The hours on the pack's office card (office.json) when it gives them, else the configured ones.</summary>
    /// <exception cref="FormatException">
    /// Hours or holidays that cannot be read: configuration is checked at start-up, and <see cref="OfficeCard.LoadPack"/>
    /// refuses a pack whose hours cannot be read.
    /// </exception>
    public static OfficeHours For(Office? office, EscalationOptions options)
    {
        var text = office?.Hours ?? options.WorkingHours;
        var week = WorkingWeek.Read(text, options.WorkingDays) switch
        {
            HoursReading.Read read => read.Week,
            HoursReading.Unreadable unreadable => throw new FormatException($"'{text}': {unreadable.Reason}."),
            _ => throw new InvalidOperationException(),
        };
        return new OfficeHours(week, options.Holidays.Select(d => DateOnly.ParseExact(d.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    /// <summary>"Thứ Hai đến Thứ Sáu, 7h00–11h30, 13h30–17h00".</summary>
    public string Text => week.Text;

    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>Midnight starting <paramref name="day"/> in Vietnam, as UTC.</summary>
    public static DateTime StartOfDay(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), Zone);

    public bool IsWorkingDay(DateOnly day) =>
        week.On(day.DayOfWeek).Count > 0 && !holidays.Contains(day) && !FixedHolidays.Contains((day.Month, day.Day));

    public bool IsOpen(DateTime utc)
    {
        var local = ToLocal(utc);
        return IsWorkingDay(DateOnly.FromDateTime(local)) && week.On(local.DayOfWeek).Any(p => local.TimeOfDay >= p.Start && local.TimeOfDay < p.End);
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
            foreach (var (start, end) in week.On(day.DayOfWeek))
            {
                var from = time > start ? time : start;
                if (from >= end) continue;
                if (end - from >= left)
                    return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.ToDateTime(TimeOnly.FromTimeSpan(from + left)), DateTimeKind.Unspecified), Zone);
                left -= end - from;
            }
        }
        throw new InvalidOperationException("No working time in the next ten years: check the working days and holidays.");
    }

    /// <summary>The working time between two instants (UTC); zero when <paramref name="toUtc"/> is not after <paramref name="fromUtc"/>.</summary>
    public TimeSpan WorkingTimeBetween(DateTime fromUtc, DateTime toUtc)
    {
        // Vietnam keeps no daylight saving, so local times can be subtracted.
        var (from, to) = (ToLocal(fromUtc), ToLocal(toUtc));
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(from); day <= DateOnly.FromDateTime(to); day = day.AddDays(1))
        {
            if (!IsWorkingDay(day)) continue;
            var midnight = day.ToDateTime(TimeOnly.MinValue);
            foreach (var (start, end) in week.On(day.DayOfWeek))
            {
                var worked = Min(midnight + end, to) - Max(midnight + start, from);
                if (worked > TimeSpan.Zero) total += worked;
            }
        }
        return total;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    /// <summary>"16h30 thứ Sáu, 27/11/2026", times written as in <see cref="Text"/>.</summary>
    public static string Describe(DateTime utc)
    {
        var local = ToLocal(utc);
        var weekday = local.DayOfWeek == DayOfWeek.Sunday ? "Chủ nhật" : "t" + WorkingWeek.DayName(local.DayOfWeek)[1..];
        return $"{WorkingWeek.Time(local.TimeOfDay)} {weekday}, {local:dd/MM/yyyy}";
    }

    private static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "ICT", "ICT"); }
    }
}
