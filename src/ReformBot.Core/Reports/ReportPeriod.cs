using System.Globalization;
using ReformBot.Core.Escalation;

namespace ReformBot.Core.Reports;

/// <summary>Calendar days in Vietnam, <see cref="From"/> and <see cref="To"/> both included.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    public DateTime FromUtc => OfficeHours.StartOfDay(From);

    /// <summary>The end of <see cref="To"/>, excluded.</summary>
    public DateTime ToUtc => OfficeHours.StartOfDay(To.AddDays(1));

    /// <summary>1 to 4 when the period is exactly a quarter of a year, else null.</summary>
    public int? Quarter => From.Day == 1 && From.Month % 3 == 1 && To == From.AddMonths(3).AddDays(-1) ? (From.Month + 2) / 3 : null;

    /// <summary>"quý IV năm 2026", or "từ ngày 05/10/2026 đến ngày 20/11/2026".</summary>
    public string Text => Quarter is { } q
        ? $"quý {Roman[q - 1]} năm {From.Year}"
        : $"từ ngày {Day(From)} đến ngày {Day(To)}";

    /// <summary>"quy-4-2026", or "2026-10-05-den-2026-11-20": for file names.</summary>
    public string Slug => Quarter is { } q ? $"quy-{q}-{From.Year}" : $"{Iso(From)}-den-{Iso(To)}";

    public static ReportPeriod QuarterOf(DateOnly day)
    {
        var from = new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1);
        return new ReportPeriod(from, from.AddMonths(3).AddDays(-1));
    }

    /// <summary>Dates as YYYY-MM-DD, <paramref name="from"/> not after <paramref name="to"/>; null with the reason otherwise.</summary>
    public static ReportPeriod? Read(string? from, string? to, out string error)
    {
        error = "";
        if (!TryDay(from, out var first) || !TryDay(to, out var last))
            error = "Ngày không hợp lệ: from và to phải có dạng YYYY-MM-DD, từ năm 2000 đến năm 2100 (from and to must be dates as YYYY-MM-DD).";
        else if (first > last)
            error = "Ngày bắt đầu (from) phải trước hoặc trùng ngày kết thúc (to) (from must not be after to).";
        else return new ReportPeriod(first, last);
        return null;
    }

    private static bool TryDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day) && day.Year is >= 2000 and <= 2100;

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
