namespace ReformBot.Core.Escalation;

/// <summary>
/// The <c>ReformBot:Escalation</c> section: how soon staff answer, days off, and the office hours (Asia/Ho_Chi_Minh) used
/// when the pack's office.json gives none.
/// </summary>
public sealed class EscalationOptions
{
    public const string Section = "ReformBot:Escalation";

    /// <summary>Staff answer within this many working hours of a ticket being opened.</summary>
    public double AnswerWithinWorkingHours { get; set; } = 8;
    /// <summary>Working periods of a working day, "HH:mm-HH:mm" separated by commas, when office.json has no hours.</summary>
    public string WorkingHours { get; set; } = "07:30-11:30,13:30-17:00";
    /// <summary>The days <see cref="WorkingHours"/> (or office.json hours that name no day) apply to: Monday to Friday by default.</summary>
    public List<DayOfWeek> WorkingDays { get; set; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    /// <summary>Days off besides the fixed national holidays: Tết and Giỗ Tổ (lunar), compensatory days ("yyyy-MM-dd").</summary>
    public List<string> Holidays { get; set; } = [];
    /// <summary>Receives a small JSON for each new or overdue ticket (empty: no notifications).</summary>
    public string NotifyUrl { get; set; } = "";
    public double NotifyEverySeconds { get; set; } = 10;
    /// <summary>Phrases that hand the conversation back from staff to the bot.</summary>
    public List<string> LeavePhrases { get; set; } = ["gặp bot", "quay lại bot", "kết thúc", "thoát"];
}
