namespace ReformBot.Core.Reports;

/// <summary>
/// What staff report for a period (issue 15): citizens' questions and what became of them, the tickets and how fast staff
/// answered them in working hours, and the citizens' ratings; in total, by field and by channel. Computed by
/// <see cref="ReportCalculator"/>, shown in the console and exported as XLSX and DOCX.
/// </summary>
public sealed record ReportSummary(
    ReportPeriod Period,
    ReportRow Total,
    IReadOnlyList<ReportRow> ByField,
    IReadOnlyList<ReportRow> ByChannel,
    IReadOnlyList<Unanswered> TopUnanswered,
    IReadOnlyList<DialogueGroup> Dialogues,
    Publishing Publishing);

/// <summary>
/// Who follows procedures or fields (now, and how many started in the period), and the notices sent in the period: their
/// recipients, delivered, failed, and those not reached yet by reason.
/// </summary>
public sealed record Publishing(int Following, int StartedFollowing, int Notices, int Recipients, int Delivered, int Failed,
    IReadOnlyDictionary<string, int> Skipped);

/// <summary>
/// The figures of one field, one channel or the total. Questions are the turns answered, offered (the nearest entries
/// offered as choices) or escalated; tickets are those opened in the period.
/// </summary>
/// <param name="OnTimeShare">
/// Of the tickets with a first staff reply, or past due without one, the share first answered by their due time; null
/// when there is none.
/// </param>
/// <param name="MedianFirstReplyWorkingHours">From the ticket's opening to staff's first reply, counted in working hours.</param>
public sealed record ReportRow(
    string Name, int Questions, int Answered, int Offered, int Escalated, int Tickets,
    double? OnTimeShare, double? MedianFirstReplyWorkingHours, Satisfaction Satisfaction);

/// <summary>Ratings: answers rated "Có" (<see cref="Yes"/>) or "Chưa", and tickets scored 1 to 5 (5 "Rất hài lòng").</summary>
/// <param name="TicketScores">How many tickets were scored 1, 2, 3, 4 and 5, in that order.</param>
public sealed record Satisfaction(int Yes, int No, IReadOnlyList<int> TicketScores)
{
    public double? YesShare => Yes + No == 0 ? null : (double)Yes / (Yes + No);

    public int TicketRatings => TicketScores.Sum();

    public double? TicketMean => TicketRatings == 0 ? null : TicketScores.Select((n, i) => n * (i + 1.0)).Sum() / TicketRatings;
}

/// <summary>Escalated turns about one field and, when the bot had a nearest entry, that entry.</summary>
public sealed record Unanswered(string Field, string? EntryId, int Escalated);

/// <summary>The "Đối thoại" list: the tickets of a field, each with the citizen's question and staff's answers.</summary>
public sealed record DialogueGroup(string Field, IReadOnlyList<Dialogue> Items);

public sealed record Dialogue(string TicketNumber, string Channel, DateTime OpenedAt, string Question, IReadOnlyList<string> StaffAnswers);
